-- Hand-written: inspection items and rectifications carry evidence too, and a file is still evidence for
-- exactly one record (see 20261125090000_evidence_links_one_record).
ALTER TABLE "EvidenceFile" DROP CONSTRAINT "EvidenceFile_links_one_record";
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_links_one_record"
  CHECK (num_nonnulls("activityId", "lessonRecordId", "paperId", "programmeId", "programmeRecordId", "mentorSessionId", "annualPlanId",
                      "inspectionItemId", "rectificationId") = 1);

-- Frozen results are the city's published word on a closed period: nothing may change or remove them.
CREATE FUNCTION frozen_result_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'frozen results of a closed period cannot be changed';
END $$;
CREATE TRIGGER frozen_result_no_update BEFORE UPDATE OR DELETE ON "FrozenResult"
  FOR EACH ROW EXECUTE FUNCTION frozen_result_immutable();
