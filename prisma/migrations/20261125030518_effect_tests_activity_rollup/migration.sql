-- CreateTable
CREATE TABLE "ActivityMonthStat" (
    "pairingId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "s1Confirmed" INTEGER NOT NULL DEFAULT 0,
    "s1Pending" INTEGER NOT NULL DEFAULT 0,
    "s2HoursConfirmed" DECIMAL(9,1) NOT NULL DEFAULT 0,
    "s2HoursPending" DECIMAL(9,1) NOT NULL DEFAULT 0,
    "s2Pending" INTEGER NOT NULL DEFAULT 0,
    "s3Confirmed" INTEGER NOT NULL DEFAULT 0,
    "s3Pending" INTEGER NOT NULL DEFAULT 0,
    "s4Confirmed" INTEGER NOT NULL DEFAULT 0,
    "s4Pending" INTEGER NOT NULL DEFAULT 0,
    "doneConfirmed" INTEGER NOT NULL DEFAULT 0,
    "donePending" INTEGER NOT NULL DEFAULT 0,
    "completeConfirmed" INTEGER NOT NULL DEFAULT 0,
    "completePending" INTEGER NOT NULL DEFAULT 0,
    "trendSend" INTEGER NOT NULL DEFAULT 0,
    "trendObservation" INTEGER NOT NULL DEFAULT 0,
    "trendLecture" INTEGER NOT NULL DEFAULT 0,
    "trendFollowUp" INTEGER NOT NULL DEFAULT 0,
    "trendOther" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ActivityMonthStat_pkey" PRIMARY KEY ("pairingId","month")
);

-- CreateIndex
CREATE INDEX "ActivityMonthStat_month_idx" ON "ActivityMonthStat"("month");

-- ---------------------------------------------------------------------------------------------
-- S1–S5 rollup (docs/decisions/010-activity-month-rollup.md). Kept by a trigger on Activity, so
-- every write path (commands, seed, imports, SQL) keeps it right in the same transaction.
-- ---------------------------------------------------------------------------------------------

-- The city's time zone (one city per installation; Region.timeZone, as cityTimeZone() in the app).
CREATE FUNCTION effect_city_time_zone() RETURNS TEXT AS $$
  SELECT coalesce((SELECT "timeZone" FROM "Region" WHERE kind = 'CITY' LIMIT 1), 'Asia/Shanghai')
$$ LANGUAGE sql STABLE;

-- What one activity adds to its month: the only place in SQL that maps types and directions to
-- S1–S4 (the drill-down lists use COUNTED_TYPES in evaluate.ts; an integration test checks they agree).
-- Only DONE activities count, never disputed ones.
CREATE FUNCTION effect_activity_fact(a "Activity", tz TEXT,
  OUT counted BOOLEAN, OUT confirmed BOOLEAN, OUT month DATE,
  OUT s1 INTEGER, OUT s2_hours NUMERIC, OUT s2 INTEGER, OUT s3 INTEGER, OUT s4 INTEGER, OUT complete INTEGER,
  OUT trend_send INTEGER, OUT trend_observation INTEGER, OUT trend_lecture INTEGER, OUT trend_follow_up INTEGER, OUT trend_other INTEGER)
AS $$
  SELECT a.status = 'DONE' AND a.confirmation <> 'DISPUTED',
         a.confirmation = 'CONFIRMED',
         date_trunc('month', a."startsAt" AT TIME ZONE tz)::date,
         (a.type = 'DAILY_OBSERVATION' AND a.direction = 'TO_ASSISTED')::int,
         CASE WHEN a.type IN ('SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH') AND a.direction = 'TO_ASSISTED' THEN coalesce(a."classHours", 0) ELSE 0 END,
         (a.type IN ('SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH') AND a.direction = 'TO_ASSISTED')::int,
         (a.type = 'FOLLOW_UP_STUDY' AND a.direction = 'TO_SUPPORTING')::int,
         (a.type = 'SPECIAL_LECTURE' AND a.direction = 'TO_ASSISTED')::int,
         (btrim(a.plan) <> '' AND btrim(a.measures) <> '' AND btrim(a.record) <> '' AND btrim(a.summary) <> '')::int,
         (a.type IN ('SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH'))::int,
         (a.type = 'DAILY_OBSERVATION')::int,
         (a.type = 'SPECIAL_LECTURE')::int,
         (a.type = 'FOLLOW_UP_STUDY')::int,
         (a.type NOT IN ('SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH', 'DAILY_OBSERVATION', 'SPECIAL_LECTURE', 'FOLLOW_UP_STUDY'))::int
$$ LANGUAGE sql STABLE;

-- Adds (sign 1) or removes (sign -1) one activity. Increments rather than a recount: concurrent
-- writers to the same month serialize on the row lock and each adds to the latest value.
CREATE FUNCTION effect_activity_month_apply(a "Activity", sign INTEGER) RETURNS void AS $$
DECLARE
  f RECORD;
  c INTEGER;
  p INTEGER;
BEGIN
  SELECT * INTO f FROM effect_activity_fact(a, effect_city_time_zone());
  IF NOT f.counted THEN RETURN; END IF;
  c := CASE WHEN f.confirmed THEN sign ELSE 0 END;
  p := CASE WHEN f.confirmed THEN 0 ELSE sign END;
  INSERT INTO "ActivityMonthStat" AS s ("pairingId", month,
    "s1Confirmed", "s1Pending", "s2HoursConfirmed", "s2HoursPending", "s2Pending", "s3Confirmed", "s3Pending",
    "s4Confirmed", "s4Pending", "doneConfirmed", "donePending", "completeConfirmed", "completePending",
    "trendSend", "trendObservation", "trendLecture", "trendFollowUp", "trendOther")
  VALUES (a."pairingId", f.month,
    c * f.s1, p * f.s1, c * f.s2_hours, p * f.s2_hours, p * f.s2, c * f.s3, p * f.s3,
    c * f.s4, p * f.s4, c, p, c * f.complete, p * f.complete,
    sign * f.trend_send, sign * f.trend_observation, sign * f.trend_lecture, sign * f.trend_follow_up, sign * f.trend_other)
  ON CONFLICT ("pairingId", month) DO UPDATE SET
    "s1Confirmed" = s."s1Confirmed" + EXCLUDED."s1Confirmed", "s1Pending" = s."s1Pending" + EXCLUDED."s1Pending",
    "s2HoursConfirmed" = s."s2HoursConfirmed" + EXCLUDED."s2HoursConfirmed", "s2HoursPending" = s."s2HoursPending" + EXCLUDED."s2HoursPending",
    "s2Pending" = s."s2Pending" + EXCLUDED."s2Pending",
    "s3Confirmed" = s."s3Confirmed" + EXCLUDED."s3Confirmed", "s3Pending" = s."s3Pending" + EXCLUDED."s3Pending",
    "s4Confirmed" = s."s4Confirmed" + EXCLUDED."s4Confirmed", "s4Pending" = s."s4Pending" + EXCLUDED."s4Pending",
    "doneConfirmed" = s."doneConfirmed" + EXCLUDED."doneConfirmed", "donePending" = s."donePending" + EXCLUDED."donePending",
    "completeConfirmed" = s."completeConfirmed" + EXCLUDED."completeConfirmed", "completePending" = s."completePending" + EXCLUDED."completePending",
    "trendSend" = s."trendSend" + EXCLUDED."trendSend", "trendObservation" = s."trendObservation" + EXCLUDED."trendObservation",
    "trendLecture" = s."trendLecture" + EXCLUDED."trendLecture", "trendFollowUp" = s."trendFollowUp" + EXCLUDED."trendFollowUp",
    "trendOther" = s."trendOther" + EXCLUDED."trendOther";
  IF sign < 0 THEN
    -- A month with nothing left goes, so the table only holds months with counted activities.
    DELETE FROM "ActivityMonthStat" WHERE "pairingId" = a."pairingId" AND month = f.month AND "doneConfirmed" = 0 AND "donePending" = 0;
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION effect_activity_month_trigger() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD."pairingId", OLD.status, OLD."startsAt", OLD.type, OLD.direction, OLD.confirmation, OLD."classHours", OLD.plan, OLD.measures, OLD.record, OLD.summary)
     IS NOT DISTINCT FROM
     (NEW."pairingId", NEW.status, NEW."startsAt", NEW.type, NEW.direction, NEW.confirmation, NEW."classHours", NEW.plan, NEW.measures, NEW.record, NEW.summary) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM effect_activity_month_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM effect_activity_month_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Activity_effect_month"
AFTER INSERT OR DELETE OR UPDATE ON "Activity"
FOR EACH ROW EXECUTE FUNCTION effect_activity_month_trigger();

-- The rollup's rows computed from Activity for the given per-pairing instant ranges [from, to):
-- the rebuild below (all time), and the partial months at a window's edges (evaluate.ts).
CREATE FUNCTION effect_activity_months(pids TEXT[], froms TIMESTAMPTZ[], tos TIMESTAMPTZ[]) RETURNS SETOF "ActivityMonthStat" AS $$
  SELECT a."pairingId", f.month,
    coalesce(sum(f.s1) FILTER (WHERE f.confirmed), 0)::int, coalesce(sum(f.s1) FILTER (WHERE NOT f.confirmed), 0)::int,
    coalesce(sum(f.s2_hours) FILTER (WHERE f.confirmed), 0), coalesce(sum(f.s2_hours) FILTER (WHERE NOT f.confirmed), 0),
    coalesce(sum(f.s2) FILTER (WHERE NOT f.confirmed), 0)::int,
    coalesce(sum(f.s3) FILTER (WHERE f.confirmed), 0)::int, coalesce(sum(f.s3) FILTER (WHERE NOT f.confirmed), 0)::int,
    coalesce(sum(f.s4) FILTER (WHERE f.confirmed), 0)::int, coalesce(sum(f.s4) FILTER (WHERE NOT f.confirmed), 0)::int,
    (count(*) FILTER (WHERE f.confirmed))::int, (count(*) FILTER (WHERE NOT f.confirmed))::int,
    coalesce(sum(f.complete) FILTER (WHERE f.confirmed), 0)::int, coalesce(sum(f.complete) FILTER (WHERE NOT f.confirmed), 0)::int,
    sum(f.trend_send)::int, sum(f.trend_observation)::int, sum(f.trend_lecture)::int, sum(f.trend_follow_up)::int, sum(f.trend_other)::int
  FROM (SELECT effect_city_time_zone() AS tz) z,
    unnest(pids, froms, tos) AS w(pid, wfrom, wto)
    JOIN "Activity" a ON a."pairingId" = w.pid AND a.status = 'DONE' AND a."startsAt" >= w.wfrom AND a."startsAt" < w.wto,
    LATERAL effect_activity_fact(a, z.tz) f
  WHERE f.counted
  GROUP BY a."pairingId", f.month
$$ LANGUAGE sql STABLE;

-- Recomputes the whole rollup: the backfill below, after a bulk load with triggers off (the
-- bench), and when the city's time zone changes (activities move between months).
CREATE FUNCTION effect_rebuild_activity_months() RETURNS void AS $$
  DELETE FROM "ActivityMonthStat";
  INSERT INTO "ActivityMonthStat"
  SELECT * FROM effect_activity_months(
    ARRAY(SELECT id FROM "Pairing"),
    array_fill('-infinity'::timestamptz, ARRAY[(SELECT count(*)::int FROM "Pairing")]),
    array_fill('infinity'::timestamptz, ARRAY[(SELECT count(*)::int FROM "Pairing")]));
$$ LANGUAGE sql;

CREATE FUNCTION effect_activity_truncate_trigger() RETURNS trigger AS $$
BEGIN
  DELETE FROM "ActivityMonthStat";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Activity_effect_month_truncate"
AFTER TRUNCATE ON "Activity"
FOR EACH STATEMENT EXECUTE FUNCTION effect_activity_truncate_trigger();

CREATE FUNCTION effect_city_time_zone_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM effect_rebuild_activity_months();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Region_effect_time_zone"
AFTER UPDATE OF "timeZone" ON "Region"
FOR EACH ROW WHEN (NEW.kind = 'CITY' AND OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
EXECUTE FUNCTION effect_city_time_zone_trigger();

SELECT effect_rebuild_activity_months();

-- ---------------------------------------------------------------------------------------------
-- A2 rollup (TeacherYearRating, previous migration): rebuilt when semester dates change, and its
-- refresh serialized per teacher so two lesson writes at once cannot leave a stale row.
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION effect_refresh_teacher_rating(t TEXT, k TEXT, d DATE) RETURNS void AS $$
DECLARE y INTEGER;
BEGIN
  -- Delete-and-recompute reads the lessons: a second writer waits here until the first commits,
  -- then (read committed: each statement takes a fresh snapshot) sees its lesson.
  PERFORM pg_advisory_xact_lock(hashtext('TeacherYearRating:' || k || ':' || t));
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

CREATE FUNCTION effect_rebuild_teacher_ratings() RETURNS void AS $$
  DELETE FROM "TeacherYearRating";
  INSERT INTO "TeacherYearRating" ("kindergartenId", "academicYear", "teacherId", "lessonId", "heldOn", rating)
  SELECT DISTINCT ON (l."kindergartenId", y."academicYear", l."teacherId") l."kindergartenId", y."academicYear", l."teacherId", l.id, l."heldOn", l.rating
  FROM "LessonRecord" l
  JOIN (SELECT "academicYear", MIN("startsOn") AS f, MAX("endsOn") AS t FROM "Semester" GROUP BY "academicYear") y ON l."heldOn" BETWEEN y.f AND y.t
  WHERE l.rating IS NOT NULL
  ORDER BY l."kindergartenId", y."academicYear", l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST, l.id DESC;
$$ LANGUAGE sql;

CREATE FUNCTION effect_semester_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM effect_rebuild_teacher_ratings();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Once per statement: creating a cycle inserts its four semesters in one statement.
CREATE TRIGGER "Semester_effect_rating"
AFTER INSERT OR DELETE OR UPDATE OF "academicYear", "startsOn", "endsOn" ON "Semester"
FOR EACH STATEMENT EXECUTE FUNCTION effect_semester_trigger();
