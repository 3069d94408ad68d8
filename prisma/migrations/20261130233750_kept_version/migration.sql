-- CreateTable
CREATE TABLE "KeptVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "refreshes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "KeptVersion_pkey" PRIMARY KEY ("id")
);

-- The one row the refresh bumps (docs/decisions/028).
INSERT INTO "KeptVersion" ("id", "refreshes") VALUES (1, 0);

-- What an evaluation shows beyond the facts: the kindergartens' names and counties (names on the
-- dashboard, counties in the county admin's scope). A change marks their pairings, so a remembered
-- evaluation is not reused (memo.ts); the refresh finds their facts unchanged.
CREATE FUNCTION kept_mark_kindergarten_pairings_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY(SELECT id FROM "Pairing" WHERE "supportingId" = NEW.id OR "assistedId" = NEW.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Kindergarten_kept_names" AFTER UPDATE OF name, "countyId" ON "Kindergarten"
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD."countyId" IS DISTINCT FROM NEW."countyId")
EXECUTE FUNCTION kept_mark_kindergarten_pairings_trigger();

-- A pairing deleted (a mistaken one, by an operator) leaves every evaluation that listed it: a mark
-- with its id says so (the refresh finds nothing to keep for it and drops the mark).
CREATE FUNCTION kept_mark_deleted_pairing_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM kept_mark(ARRAY[OLD.id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Pairing_kept_deleted" AFTER DELETE ON "Pairing" FOR EACH ROW EXECUTE FUNCTION kept_mark_deleted_pairing_trigger();
