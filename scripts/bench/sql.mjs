// The aggregates the effect-test pages need, written straight from the schema: what the database
// alone costs, to compare the pages with. Scope: the whole city, one county, or one pairing.
// Like the app (docs/decisions/010), activities come from the monthly rollup ActivityMonthStat and
// A2 from TeacherYearRating; the bench's semesters are whole months, so no partial months here.

function perPairing(scopeSql, sem) {
  const ayFrom = `'${sem.academicYear}-09-01'::date`;
  const ayTo = `'${sem.academicYear + 1}-09-01'::date`;
  return `
  WITH sem AS (
    SELECT '${sem.startsOn}'::date AS "startsOn", '${sem.endsOn}'::date AS "endsOn", ${sem.academicYear}::int AS "academicYear", ${sem.monthsDue}::int AS months_due),
  p AS (
    SELECT p.id, p."supportingId", p."assistedId", sk."countyId" AS county_id
    FROM "Pairing" p JOIN "Kindergarten" sk ON sk.id = p."supportingId" JOIN "Kindergarten" ak ON ak.id = p."assistedId"
    WHERE p."cycleId" = (SELECT c.id FROM "Cycle" c JOIN "Semester" s ON s."cycleId" = c.id, sem WHERE s."startsOn" = sem."startsOn" LIMIT 1)
      AND (p."endsOn" IS NULL OR p."endsOn" >= current_date) AND ${scopeSql}),
  a AS (
    SELECT m."pairingId",
      sum(m."s2HoursConfirmed" + m."s2HoursPending") AS class_hours,
      sum(m."s4Confirmed" + m."s4Pending") AS lectures,
      count(*) FILTER (WHERE m."s1Confirmed" + m."s1Pending" > 0) AS visited_months,
      sum(m."s3Confirmed" + m."s3Pending") AS follow_ups,
      sum(m."doneConfirmed" + m."donePending") AS done,
      sum(m."completeConfirmed" + m."completePending") AS complete,
      sum(m."doneConfirmed") AS confirmed
    FROM "ActivityMonthStat" m JOIN p ON p.id = m."pairingId", sem
    WHERE m.month BETWEEN sem."startsOn" AND sem."endsOn"
    GROUP BY m."pairingId"),
  l AS (
    SELECT r."kindergartenId",
      count(*) AS rated,
      count(*) FILTER (WHERE r.rating = 'EXCELLENT') AS excellent,
      count(*) FILTER (WHERE r.rating = 'FAIL') AS failed
    FROM "TeacherYearRating" r JOIN "User" u ON u.id = r."teacherId" AND u."kindergartenId" = r."kindergartenId" AND u.role = 'TEACHER' AND u.active, sem
    WHERE r."academicYear" = sem."academicYear" AND r."kindergartenId" IN (SELECT "assistedId" FROM p)
    GROUP BY r."kindergartenId"),
  t AS (
    SELECT u."kindergartenId", count(*) AS teachers FROM "User" u
    WHERE u.role = 'TEACHER' AND u.active AND u."kindergartenId" IN (SELECT "assistedId" FROM p) GROUP BY u."kindergartenId"),
  pp AS (
    SELECT pa."kindergartenId", count(*) AS papers
    FROM "Paper" pa
    WHERE pa."kindergartenId" IN (SELECT "assistedId" FROM p) AND pa."confirmedAt" IS NOT NULL AND pa.level <> 'COUNTY' AND pa.date >= ${ayFrom} AND pa.date < ${ayTo}
    GROUP BY pa."kindergartenId"),
  pr AS (
    SELECT g."pairingId", count(*) FILTER (WHERE g.plan <> '' AND g.results <> '' AND g.records > 0) AS programmes_met
    FROM (SELECT pg."pairingId", pg.plan, pg.results, (SELECT count(*) FROM "ProgrammeRecord" r WHERE r."programmeId" = pg.id) AS records
          FROM "Programme" pg, sem WHERE pg."pairingId" IN (SELECT id FROM p) AND pg."academicYear" = sem."academicYear") g
    GROUP BY g."pairingId"),
  ap AS (
    SELECT ap."pairingId" FROM "AnnualPlan" ap, sem
    WHERE ap."pairingId" IN (SELECT id FROM p) AND ap."academicYear" = sem."academicYear" AND ap."planStatus"::text IN ('SUBMITTED', 'FILED')),
  per_pairing AS (
    SELECT p.id, p.county_id,
      coalesce(a.class_hours, 0) AS class_hours, coalesce(a.lectures, 0) AS lectures, coalesce(a.visited_months, 0) AS visited_months,
      coalesce(a.follow_ups, 0) AS follow_ups, coalesce(a.done, 0) AS done,
      CASE WHEN coalesce(a.done, 0) = 0 THEN NULL ELSE a.complete::numeric / a.done END AS completeness,
      CASE WHEN coalesce(a.done, 0) = 0 THEN NULL ELSE a.confirmed::numeric / a.done END AS confirmed_share,
      coalesce(a.visited_months, 0) >= sem.months_due AS s1_met,
      coalesce(a.class_hours, 0) >= 10 AS s2_met,
      coalesce(a.lectures, 0) >= 2 AS s4_met,
      ap."pairingId" IS NOT NULL AND coalesce(a.complete, 0) = coalesce(a.done, 0) AS s5_ok,
      CASE WHEN coalesce(t.teachers, 0) = 0 THEN NULL ELSE coalesce(l.excellent, 0)::numeric / t.teachers END AS excellent_rate,
      coalesce(l.failed, 0) = 0 AND coalesce(l.rated, 0) = coalesce(t.teachers, 0) AS a2_pass,
      coalesce(pr.programmes_met, 0) AS programmes_met,
      coalesce(pp.papers, 0) AS papers
    FROM p CROSS JOIN sem LEFT JOIN a ON a."pairingId" = p.id LEFT JOIN l ON l."kindergartenId" = p."assistedId"
      LEFT JOIN t ON t."kindergartenId" = p."assistedId" LEFT JOIN pp ON pp."kindergartenId" = p."assistedId"
      LEFT JOIN pr ON pr."pairingId" = p.id LEFT JOIN ap ON ap."pairingId" = p.id)`;
}

function keptRead(scopeSql, sem) {
  return `
  SELECT k."pairingId", k.facts, sk.name, ak.name
  FROM "Pairing" p JOIN "Kindergarten" sk ON sk.id = p."supportingId" JOIN "Kindergarten" ak ON ak.id = p."assistedId"
  JOIN "KeptResult" k ON k."pairingId" = p.id AND k."academicYear" = ${sem.academicYear} AND k."term" = (
    SELECT s.term FROM "Semester" s WHERE s."startsOn" = '${sem.startsOn}'::date LIMIT 1)
  WHERE p."cycleId" = (SELECT s."cycleId" FROM "Semester" s WHERE s."startsOn" = '${sem.startsOn}'::date LIMIT 1)
    AND NOT EXISTS (SELECT 1 FROM "ResultStale" r WHERE r."pairingId" = p.id) AND ${scopeSql}
  ORDER BY sk.name, ak.name`;
}

const COUNTY_ROLLUP = `
  SELECT county_id, count(*) AS pairings, count(*) FILTER (WHERE s1_met) AS s1_met, count(*) FILTER (WHERE s2_met) AS s2_met,
         count(*) FILTER (WHERE s4_met) AS s4_met, count(*) FILTER (WHERE excellent_rate >= 0.3 AND a2_pass) AS a2_met,
         count(*) FILTER (WHERE papers > 0) AS a6_met, sum(class_hours) AS class_hours, avg(completeness) AS completeness
  FROM per_pairing GROUP BY ROLLUP (county_id) ORDER BY county_id`;

/** name → { sql, params } for a scope; the same keys as the pages' `sql` field in run.mjs. */
/**
 * The semester the pages report on (the latest begun), with its dates as literals: the planner
 * then sees the real ranges, as the app's queries will when they pass the semester as parameters.
 */
export async function currentSemester(client) {
  const {
    rows: [s],
  } = await client.query(`
    SELECT to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn", "academicYear",
           (extract(year FROM age(LEAST(current_date, "endsOn"), "startsOn")) * 12 + extract(month FROM age(LEAST(current_date, "endsOn"), "startsOn")) + 1)::int AS "monthsDue"
    FROM "Semester" WHERE "startsOn" <= current_date ORDER BY "startsOn" DESC LIMIT 1`);
  return s;
}

export function benchQueries({ countyId, pairingId, semester: sem }) {
  return {
    city: { sql: perPairing('true', sem) + COUNTY_ROLLUP, params: [] },
    county: {
      sql: perPairing(`(sk."countyId" = $1 OR ak."countyId" = $1)`, sem) + ` SELECT * FROM per_pairing ORDER BY id`,
      params: [countyId],
    },
    pairing: { sql: perPairing(`p.id = $1`, sem) + ` SELECT * FROM per_pairing`, params: [pairingId] },
    // The pages' own reads since decision 027: the kept facts of the pairings in scope, unless marked stale.
    cityKept: { sql: keptRead('true', sem), params: [] },
    countyKept: { sql: keptRead(`(sk."countyId" = $1 OR ak."countyId" = $1)`, sem), params: [countyId] },
    pairingKept: { sql: keptRead(`p.id = $1`, sem), params: [pairingId] },
  };
}
