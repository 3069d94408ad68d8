-- Kindergarten codes are compared without case everywhere in the app ("qh-01" is "QH-01"); the unique
-- index now says so too, so two people creating the same code in different case at the same moment
-- cannot both succeed. citext is a trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS citext;

-- Codes that already collide without case cannot be merged by a migration: name them and stop.
DO $$
DECLARE clash text;
BEGIN
  SELECT string_agg(codes, '; ') INTO clash FROM (
    SELECT string_agg(code, ', ' ORDER BY code) AS codes FROM "Kindergarten" GROUP BY lower(code) HAVING count(*) > 1
  ) d;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Kindergarten codes that differ only in case must be renamed before this migration: %', clash;
  END IF;
END $$;

-- AlterTable
ALTER TABLE "Kindergarten" ALTER COLUMN "code" SET DATA TYPE CITEXT;
