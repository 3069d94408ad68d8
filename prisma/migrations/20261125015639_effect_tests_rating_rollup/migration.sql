-- CreateTable
CREATE TABLE "TeacherYearRating" (
    "kindergartenId" TEXT NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "teacherId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "rating" "LessonRating" NOT NULL,

    CONSTRAINT "TeacherYearRating_pkey" PRIMARY KEY ("kindergartenId","academicYear","teacherId")
);

-- Kept by a trigger so that every write path (commands, seed, imports, SQL) keeps it right, in the
-- same transaction as the lesson change. A lesson belongs to the academic year whose first semester
-- start and last semester end enclose its date (the A2 window); summer lessons belong to no year.
-- Changing a cycle's semester dates does not rebuild it (rare; rerun the backfill below if needed).
CREATE FUNCTION effect_refresh_teacher_rating(t TEXT, k TEXT, d DATE) RETURNS void AS $$
DECLARE y INTEGER;
BEGIN
  SELECT s."academicYear" INTO y FROM "Semester" s GROUP BY s."academicYear" HAVING d BETWEEN MIN(s."startsOn") AND MAX(s."endsOn") LIMIT 1;
  IF y IS NULL THEN RETURN; END IF;
  DELETE FROM "TeacherYearRating" WHERE "kindergartenId" = k AND "academicYear" = y AND "teacherId" = t;
  INSERT INTO "TeacherYearRating" ("kindergartenId", "academicYear", "teacherId", "lessonId", "heldOn", rating)
  SELECT k, y, t, l.id, l."heldOn", l.rating
  FROM "LessonRecord" l
  WHERE l."teacherId" = t AND l."kindergartenId" = k AND l.rating IS NOT NULL
    AND l."heldOn" >= (SELECT MIN(s."startsOn") FROM "Semester" s WHERE s."academicYear" = y)
    AND l."heldOn" <= (SELECT MAX(s."endsOn") FROM "Semester" s WHERE s."academicYear" = y)
  ORDER BY l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST, l.id DESC
  LIMIT 1;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION effect_lesson_rating_trigger() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM effect_refresh_teacher_rating(OLD."teacherId", OLD."kindergartenId", OLD."heldOn");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM effect_refresh_teacher_rating(NEW."teacherId", NEW."kindergartenId", NEW."heldOn");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "LessonRecord_effect_rating"
AFTER INSERT OR DELETE OR UPDATE OF rating, "heldOn", "teacherId", "kindergartenId", "evaluatedAt" ON "LessonRecord"
FOR EACH ROW EXECUTE FUNCTION effect_lesson_rating_trigger();

-- Backfill from the lessons already recorded.
INSERT INTO "TeacherYearRating" ("kindergartenId", "academicYear", "teacherId", "lessonId", "heldOn", rating)
SELECT DISTINCT ON (l."kindergartenId", y."academicYear", l."teacherId") l."kindergartenId", y."academicYear", l."teacherId", l.id, l."heldOn", l.rating
FROM "LessonRecord" l
JOIN (SELECT "academicYear", MIN("startsOn") AS f, MAX("endsOn") AS t FROM "Semester" GROUP BY "academicYear") y ON l."heldOn" BETWEEN y.f AND y.t
WHERE l.rating IS NOT NULL
ORDER BY l."kindergartenId", y."academicYear", l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST, l.id DESC;
