// The aggregates the effect-test pages need, written straight from the schema: what the database
// alone costs, to compare the pages with. Scope: the whole city, one county, or one pairing.
const TZ = 'Asia/Shanghai'

function perPairing(scopeSql, sem) {
  const from = `'${sem.startsOn}'::timestamp AT TIME ZONE '${TZ}'`
  const to = `('${sem.endsOn}'::date + 1)::timestamp AT TIME ZONE '${TZ}'`
  const ayFrom = `'${sem.academicYear}-09-01'::date`
  const ayTo = `'${sem.academicYear + 1}-09-01'::date`
  return `
  WITH sem AS (
    SELECT '${sem.startsOn}'::date AS "startsOn", ${sem.academicYear}::int AS "academicYear", ${sem.monthsDue}::int AS months_due),
  p AS (
    SELECT p.id, p."supportingId", p."assistedId", sk."countyId" AS county_id
    FROM "Pairing" p JOIN "Kindergarten" sk ON sk.id = p."supportingId" JOIN "Kindergarten" ak ON ak.id = p."assistedId"
    WHERE p."cycleId" = (SELECT c.id FROM "Cycle" c JOIN "Semester" s ON s."cycleId" = c.id, sem WHERE s."startsOn" = sem."startsOn" LIMIT 1)
      AND (p."endsOn" IS NULL OR p."endsOn" >= current_date) AND ${scopeSql}),
  a AS (
    SELECT a."pairingId",
      coalesce(sum(a."classHours") FILTER (WHERE a.type IN ('SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH') AND a.status = 'DONE'), 0) AS class_hours,
      count(*) FILTER (WHERE a.type = 'SPECIAL_LECTURE' AND a.status = 'DONE') AS lectures,
      count(DISTINCT date_trunc('month', a."startsAt" AT TIME ZONE '${TZ}')) FILTER (WHERE a.type = 'DAILY_OBSERVATION' AND a.status = 'DONE') AS visited_months,
      count(*) FILTER (WHERE a.type = 'FOLLOW_UP_STUDY' AND a.status = 'DONE') AS follow_ups,
      count(*) FILTER (WHERE a.status = 'DONE') AS done,
      count(*) FILTER (WHERE a.status = 'DONE' AND a.plan <> '' AND a.measures <> '' AND a.record <> '' AND a.summary <> '') AS complete,
      count(*) FILTER (WHERE a.status = 'DONE' AND a.confirmation = 'CONFIRMED') AS confirmed
    FROM "Activity" a JOIN p ON p.id = a."pairingId"
    WHERE a."startsAt" >= ${from} AND a."startsAt" < ${to}
    GROUP BY a."pairingId"),
  l AS (
    SELECT lr."kindergartenId",
      count(*) FILTER (WHERE lr.rating IS NOT NULL) AS rated,
      count(*) FILTER (WHERE lr.rating = 'EXCELLENT') AS excellent,
      count(*) FILTER (WHERE lr.rating = 'FAIL') AS failed
    FROM "LessonRecord" lr JOIN p ON p."assistedId" = lr."kindergartenId"
    WHERE lr."heldOn" >= ${ayFrom} AND lr."heldOn" < ${ayTo}
    GROUP BY lr."kindergartenId"),
  pp AS (
    SELECT pa."kindergartenId", count(*) AS papers
    FROM "Paper" pa JOIN p ON p."assistedId" = pa."kindergartenId"
    WHERE pa."confirmedAt" IS NOT NULL AND pa.level <> 'COUNTY' AND pa.date >= ${ayFrom} AND pa.date < ${ayTo}
    GROUP BY pa."kindergartenId"),
  per_pairing AS (
    SELECT p.id, p.county_id,
      coalesce(a.class_hours, 0) AS class_hours, coalesce(a.lectures, 0) AS lectures, coalesce(a.visited_months, 0) AS visited_months,
      coalesce(a.follow_ups, 0) AS follow_ups, coalesce(a.done, 0) AS done,
      CASE WHEN coalesce(a.done, 0) = 0 THEN NULL ELSE a.complete::numeric / a.done END AS completeness,
      CASE WHEN coalesce(a.done, 0) = 0 THEN NULL ELSE a.confirmed::numeric / a.done END AS confirmed_share,
      coalesce(a.visited_months, 0) >= sem.months_due AS s1_met,
      coalesce(a.class_hours, 0) >= 10 AS s2_met,
      coalesce(a.lectures, 0) >= 2 AS s4_met,
      CASE WHEN coalesce(l.rated, 0) = 0 THEN NULL ELSE l.excellent::numeric / l.rated END AS excellent_rate,
      coalesce(l.failed, 0) = 0 AND coalesce(l.rated, 0) > 0 AS a2_pass,
      coalesce(pp.papers, 0) AS papers
    FROM p CROSS JOIN sem LEFT JOIN a ON a."pairingId" = p.id LEFT JOIN l ON l."kindergartenId" = p."assistedId" LEFT JOIN pp ON pp."kindergartenId" = p."assistedId")`
}

const COUNTY_ROLLUP = `
  SELECT county_id, count(*) AS pairings, count(*) FILTER (WHERE s1_met) AS s1_met, count(*) FILTER (WHERE s2_met) AS s2_met,
         count(*) FILTER (WHERE s4_met) AS s4_met, count(*) FILTER (WHERE excellent_rate >= 0.3 AND a2_pass) AS a2_met,
         count(*) FILTER (WHERE papers > 0) AS a6_met, sum(class_hours) AS class_hours, avg(completeness) AS completeness
  FROM per_pairing GROUP BY ROLLUP (county_id) ORDER BY county_id`

/** name → { sql, params } for a scope; the same keys as the pages' `sql` field in run.mjs. */
/**
 * The semester the pages report on (the latest begun), with its dates as literals: the planner
 * then sees the real ranges, as the app's queries will when they pass the semester as parameters.
 */
export async function currentSemester(client) {
  const { rows: [s] } = await client.query(`
    SELECT to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn", "academicYear",
           (extract(year FROM age(LEAST(current_date, "endsOn"), "startsOn")) * 12 + extract(month FROM age(LEAST(current_date, "endsOn"), "startsOn")) + 1)::int AS "monthsDue"
    FROM "Semester" WHERE "startsOn" <= current_date ORDER BY "startsOn" DESC LIMIT 1`)
  return s
}

export function benchQueries({ countyId, pairingId, semester: sem }) {
  return {
    city: { sql: perPairing('true', sem) + COUNTY_ROLLUP, params: [] },
    county: {
      sql: perPairing(`(sk."countyId" = $1 OR ak."countyId" = $1)`, sem) + ` SELECT * FROM per_pairing ORDER BY id`,
      params: [countyId],
    },
    pairing: { sql: perPairing(`p.id = $1`, sem) + ` SELECT * FROM per_pairing`, params: [pairingId] },
  }
}
