-- Kept effect-test results (docs/decisions/027). KeptResult holds each pairing's facts per semester;
-- ResultStale names the pairings whose facts may be out of date. Triggers mark a pairing in the very
-- transaction that changes anything its effect tests read, whoever writes (commands, imports, psql);
-- reads compute marked pairings live, and the refresh job recomputes and clears them.

-- CreateTable
CREATE TABLE "KeptResult" (
    "pairingId" TEXT NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "term" "Term" NOT NULL,
    "facts" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeptResult_pkey" PRIMARY KEY ("pairingId","academicYear","term")
);

-- CreateTable
CREATE TABLE "ResultStale" (
    "pairingId" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultStale_pkey" PRIMARY KEY ("pairingId")
);

-- AddForeignKey
ALTER TABLE "KeptResult" ADD CONSTRAINT "KeptResult_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Marking. A mark already there gets a new seq: the refresh clears only marks it read unchanged.
-- Ids are sorted so two transactions marking the same pairings lock them in the same order.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION kept_mark(ids TEXT[]) RETURNS void AS $$
  INSERT INTO "ResultStale" ("pairingId")
  SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT ("pairingId") DO UPDATE SET seq = nextval('"ResultStale_seq_seq"'), "markedAt" = CURRENT_TIMESTAMP;
$$ LANGUAGE sql;

-- A2 (teachers and their ratings) and A6 (papers) read the assisted kindergarten.
CREATE FUNCTION kept_mark_assisted(kgs TEXT[]) RETURNS void AS $$
  SELECT kept_mark(ARRAY(SELECT id FROM "Pairing" WHERE "assistedId" = ANY(kgs)));
$$ LANGUAGE sql;

CREATE FUNCTION kept_mark_all() RETURNS void AS $$
  SELECT kept_mark(ARRAY(SELECT id FROM "Pairing"));
$$ LANGUAGE sql;

-- Rows with a "pairingId": Activity, Programme, AnnualPlan, Assessment, Inspection.
CREATE FUNCTION kept_mark_pairing_trigger() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM kept_mark(ARRAY[NEW."pairingId"]);
  ELSIF TG_OP = 'DELETE' THEN PERFORM kept_mark(ARRAY[OLD."pairingId"]);
  ELSE PERFORM kept_mark(ARRAY[OLD."pairingId", NEW."pairingId"]);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Activity_kept" AFTER INSERT OR UPDATE OR DELETE ON "Activity" FOR EACH ROW EXECUTE FUNCTION kept_mark_pairing_trigger();
CREATE TRIGGER "Programme_kept" AFTER INSERT OR UPDATE OR DELETE ON "Programme" FOR EACH ROW EXECUTE FUNCTION kept_mark_pairing_trigger();
CREATE TRIGGER "AnnualPlan_kept" AFTER INSERT OR UPDATE OR DELETE ON "AnnualPlan" FOR EACH ROW EXECUTE FUNCTION kept_mark_pairing_trigger();
CREATE TRIGGER "Assessment_kept" AFTER INSERT OR UPDATE OR DELETE ON "Assessment" FOR EACH ROW EXECUTE FUNCTION kept_mark_pairing_trigger();
CREATE TRIGGER "Inspection_kept" AFTER INSERT OR UPDATE OR DELETE ON "Inspection" FOR EACH ROW EXECUTE FUNCTION kept_mark_pairing_trigger();

CREATE FUNCTION kept_mark_all_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark_all();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Activity_kept_truncate" AFTER TRUNCATE ON "Activity" FOR EACH STATEMENT EXECUTE FUNCTION kept_mark_all_trigger();
-- Late corrections count nowhere once their semester is closed (decision 020): closing changes the facts.
CREATE TRIGGER "ClosedPeriod_kept" AFTER INSERT OR UPDATE OR DELETE ON "ClosedPeriod" FOR EACH STATEMENT EXECUTE FUNCTION kept_mark_all_trigger();
-- The city's time zone moves activities between months (the monthly rollup is rebuilt the same way).
CREATE TRIGGER "Region_kept_time_zone" AFTER UPDATE OF "timeZone" ON "Region"
FOR EACH ROW WHEN (NEW.kind = 'CITY' AND OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
EXECUTE FUNCTION kept_mark_all_trigger();

-- Records reached through their parent.
CREATE FUNCTION kept_mark_programme_record_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY(SELECT "pairingId" FROM "Programme"
    WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."programmeId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."programmeId" END)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ProgrammeRecord_kept" AFTER INSERT OR UPDATE OR DELETE ON "ProgrammeRecord" FOR EACH ROW EXECUTE FUNCTION kept_mark_programme_record_trigger();

CREATE FUNCTION kept_mark_inspection_item_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY(SELECT "pairingId" FROM "Inspection"
    WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."inspectionId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."inspectionId" END)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "InspectionItem_kept" AFTER INSERT OR UPDATE OR DELETE ON "InspectionItem" FOR EACH ROW EXECUTE FUNCTION kept_mark_inspection_item_trigger();

-- Rows of a kindergarten: its lessons, papers and teachers count for the pairings it is assisted in.
CREATE FUNCTION kept_mark_kindergarten_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark_assisted(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."kindergartenId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."kindergartenId" END]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "LessonRecord_kept" AFTER INSERT OR UPDATE OR DELETE ON "LessonRecord" FOR EACH ROW EXECUTE FUNCTION kept_mark_kindergarten_trigger();
CREATE TRIGGER "Paper_kept" AFTER INSERT OR UPDATE OR DELETE ON "Paper" FOR EACH ROW EXECUTE FUNCTION kept_mark_kindergarten_trigger();
-- A teacher joining, leaving or changing role changes A2's denominator.
CREATE TRIGGER "User_kept" AFTER INSERT OR DELETE OR UPDATE OF role, active, "kindergartenId" ON "User" FOR EACH ROW EXECUTE FUNCTION kept_mark_kindergarten_trigger();

-- A pairing's dates, cycle or sides are its windows; a cycle's semester dates are every pairing's.
CREATE FUNCTION kept_mark_self_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Pairing_kept" AFTER INSERT OR UPDATE OF "startsOn", "endsOn", "cycleId", "supportingId", "assistedId" ON "Pairing"
FOR EACH ROW EXECUTE FUNCTION kept_mark_self_trigger();

CREATE FUNCTION kept_mark_semester_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY(SELECT id FROM "Pairing"
    WHERE "cycleId" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."cycleId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."cycleId" END)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Semester_kept" AFTER INSERT OR UPDATE OR DELETE ON "Semester" FOR EACH ROW EXECUTE FUNCTION kept_mark_semester_trigger();

-- Every pairing there is starts out marked: the first refresh (or `npm run results:rebuild`) fills the table.
SELECT kept_mark_all();
