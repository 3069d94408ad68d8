-- Marks become append-only (docs/decisions/027): an upsert on one row per pairing made every write
-- to a pairing wait for the others' commits on that row, and two transactions touching the same
-- pairing's rows in different orders deadlocked (a photo upload beside an activity save). One row per
-- write, never updated: inserts do not wait on each other. The refresh deletes exactly the marks it read.

-- AlterTable
ALTER TABLE "ResultStale" DROP CONSTRAINT "ResultStale_pkey",
ADD CONSTRAINT "ResultStale_pkey" PRIMARY KEY ("seq");

-- CreateIndex
CREATE INDEX "ResultStale_pairingId_idx" ON "ResultStale"("pairingId");

CREATE OR REPLACE FUNCTION kept_mark(ids TEXT[]) RETURNS void AS $$
  INSERT INTO "ResultStale" ("pairingId") SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL;
$$ LANGUAGE sql;
