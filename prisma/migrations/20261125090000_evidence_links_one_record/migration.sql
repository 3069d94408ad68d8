-- Hand-written (Prisma does not model CHECK constraints): a file is evidence for exactly one
-- record. Who may see it, who may remove it and whether it is fixed all follow that one record
-- (evidence/commands.ts `parentOf`); a file linked to none would be proof of nothing and visible to
-- no one, a file linked to two would follow whichever link is read first.
-- The links' ON DELETE SET NULL can no longer leave a file linked to nothing: deleting a record
-- that has files is refused. Nothing deletes such records; the files stay for the audit trail.

-- Rows that break the rule cannot be repaired by a migration: count them and stop.
DO $$
DECLARE bad integer;
BEGIN
  SELECT count(*) INTO bad FROM "EvidenceFile"
  WHERE num_nonnulls("activityId", "lessonRecordId", "paperId", "programmeId", "programmeRecordId", "mentorSessionId", "annualPlanId") <> 1;
  IF bad > 0 THEN
    RAISE EXCEPTION '% evidence file(s) are linked to no record or to more than one; link each to exactly one before this migration', bad;
  END IF;
END $$;

ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_links_one_record"
  CHECK (num_nonnulls("activityId", "lessonRecordId", "paperId", "programmeId", "programmeRecordId", "mentorSessionId", "annualPlanId") = 1);
