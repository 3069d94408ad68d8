-- Hand-written (Prisma does not model triggers): any change to who a user is or what they may
-- reach bumps their security stamp, which ends their sessions on the next request, whatever
-- code path (app, import, SQL console) made the change.
CREATE FUNCTION "user_bump_security_stamp"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."role" IS DISTINCT FROM OLD."role"
       OR NEW."kindergartenId" IS DISTINCT FROM OLD."kindergartenId"
       OR NEW."regionId" IS DISTINCT FROM OLD."regionId"
       OR NEW."active" IS DISTINCT FROM OLD."active"
       OR NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
        NEW."securityStamp" := OLD."securityStamp" + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "User_bump_security_stamp"
BEFORE UPDATE ON "User"
FOR EACH ROW EXECUTE FUNCTION "user_bump_security_stamp"();
