-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT;

-- Hand-written (docs/decisions/014-least-privilege-and-audit-chain.md).

-- ---------------------------------------------------------------------------------------------
-- Tamper evidence: every entry's "hash" is sha256 over its content and "prevHash", the hash of the
-- entry before it (by id). Editing or removing an entry breaks the chain at that entry, which
-- `npm run audit:verify` names. The verifier recomputes the same canonical text in JavaScript, so
-- it does not trust these functions: keep both in step (scripts/audit-verify.ts).
-- ---------------------------------------------------------------------------------------------

-- One field of the canonical text: its UTF-8 byte length, ':' and the value; NULL is '~'. Length
-- prefixes make the joined text unambiguous whatever the values contain.
CREATE FUNCTION audit_entry_field(v TEXT) RETURNS TEXT AS $$
  SELECT COALESCE(octet_length(convert_to(v, 'UTF8'))::text || ':' || v, '~')
$$ LANGUAGE sql IMMUTABLE;

-- "at" as integer milliseconds since the epoch: its text form would depend on the session's TimeZone.
CREATE FUNCTION audit_entry_hash(e "AuditEntry") RETURNS TEXT AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    audit_entry_field(e."id"::text),
    audit_entry_field(round(extract(epoch FROM e."at") * 1000)::bigint::text),
    audit_entry_field(e."actorId"),
    audit_entry_field(e."actorName"),
    audit_entry_field(e."action"),
    audit_entry_field(e."entityType"),
    audit_entry_field(e."entityId"),
    audit_entry_field(e."countyId"),
    audit_entry_field(e."kindergartenId"),
    audit_entry_field(e."before"::text),
    audit_entry_field(e."after"::text),
    audit_entry_field(e."ip"),
    audit_entry_field(e."prevHash")), 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;

-- Existing entries, in id order (the append-only guard is lifted for this one statement).
ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only";
DO $$
DECLARE
  r "AuditEntry";
  prev TEXT := NULL;
BEGIN
  FOR r IN SELECT * FROM "AuditEntry" ORDER BY "id" LOOP
    r."prevHash" := prev;
    prev := audit_entry_hash(r);
    UPDATE "AuditEntry" SET "prevHash" = r."prevHash", "hash" = prev WHERE "id" = r."id";
  END LOOP;
END $$;
ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only";

-- A trigger, not writeAudit: no path into the table (app, seed, psql) can skip it.
-- Inserts are serialized by a transaction-scoped advisory lock. The column default drew the id
-- before the lock, so of two concurrent writers the one with the smaller id may commit second:
-- that one draws a new id under the lock, so that the chain always follows id order.
-- Under READ COMMITTED each statement here takes a fresh snapshot after the lock is granted, so the
-- previous entry is the one committed last; a REPEATABLE READ or SERIALIZABLE snapshot could be
-- older than the lock and fork the chain, so those are refused (the app never uses them).
CREATE FUNCTION audit_entry_chain() RETURNS trigger AS $$
DECLARE
  last_id BIGINT;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit entries are written in READ COMMITTED transactions only (this one is %)',
      current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(7202601);
  SELECT "id", "hash" INTO last_id, NEW."prevHash" FROM "AuditEntry" ORDER BY "id" DESC LIMIT 1;
  IF NEW."id" <= last_id THEN
    NEW."id" := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
  END IF;
  NEW."hash" := audit_entry_hash(NEW);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_chain"
BEFORE INSERT ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

-- ---------------------------------------------------------------------------------------------
-- Least privilege: the web server connects as hih_app (or a login role granted hih_app), which
-- owns nothing, is no superuser, and may only read and append audit entries. Not owning the
-- tables, it cannot ALTER TABLE … DISABLE TRIGGER; not a superuser, it cannot SET
-- session_replication_role. Migrations, the seed and setup:city run as the owner (DATABASE_URL).
-- ---------------------------------------------------------------------------------------------
DO $$
BEGIN
  IF current_user = 'hih_app' THEN
    RAISE EXCEPTION 'migrations must run as the role that owns the tables, not as hih_app';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hih_app') THEN
    BEGIN
      -- Created without LOGIN: npm start gives it a password on the embedded server; on another
      -- server the administrator creates it beforehand (README) or grants it to a login role.
      CREATE ROLE hih_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    EXCEPTION
      WHEN duplicate_object THEN NULL; -- created at the same moment by a migration of another database
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the role hih_app does not exist and % may not create it', current_user
          USING HINT = 'Create it first: CREATE ROLE hih_app LOGIN PASSWORD ''…'' (README, "Running against an existing PostgreSQL").';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hih_app' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'hih_app must not be a superuser nor bypass row security';
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO hih_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO hih_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO hih_app', current_schema());
  -- Tables and sequences later migrations create (as this same owner) are granted the same way;
  -- a future append-only table must REVOKE like "AuditEntry" below.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hih_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO hih_app', current_schema());
END $$;

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntry" FROM hih_app;
-- Migration history is the owner's business (absent where the schema engine diffs in a shadow database).
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM hih_app;
  END IF;
END $$;
