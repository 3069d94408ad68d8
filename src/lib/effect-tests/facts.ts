import 'server-only';
/**
 * What the effect tests read from the record, per pairing and period: counts, class hours, months
 * visited, teachers and their ratings, programmes, papers, the annual plan and the latest assessment,
 * with confirmed and pending (unconfirmed) activities apart. No status and no threshold: those depend
 * on today and on the city's settings, and are judged on read (evaluate.ts, rules.ts). So these facts
 * can be kept (KeptResult, docs/decisions/027) and stay true until a record changes.
 *
 * A constant number of aggregate queries per call whatever the number of pairings; per-pairing
 * windows travel as parallel arrays joined with `unnest` (docs/decisions/009, 010).
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { zonedToInstant } from '@/lib/time/zoned';
import { addDays } from '@/lib/cycles/periods';
import { splitWindow, type Window } from './rules';

export const TREND_CATEGORIES = ['SEND', 'OBSERVATION', 'LECTURE', 'FOLLOW_UP', 'OTHER'] as const;
export type TrendPoint = { month: string; category: (typeof TREND_CATEGORIES)[number]; n: number };

/** A pairing in scope, with its part of the semester and of the academic year (null: not active then). */
export type Scoped = { id: string; assistedId: string; startsOn: IsoDate; endsOn: IsoDate | null; sem: Window | null; year: Window | null };

export type SemesterFacts = {
  /** Months with a confirmed S1 visit; with any S1 visit (confirmed or pending). */
  s1MonthsConfirmed: string[];
  s1MonthsAny: string[];
  s1Pending: number;
  s2HoursConfirmed: number;
  s2HoursPending: number;
  s2Pending: number;
  s3Confirmed: number;
  s3Pending: number;
  s4Confirmed: number;
  s4Pending: number;
  doneConfirmed: number;
  donePending: number;
  completeConfirmed: number;
  completePending: number;
};

export type YearFacts = {
  planSubmitted: boolean;
  papers: number;
  papersUnconfirmed: number;
  assessment: { outcome: 'PASS' | 'FAIL'; on: IsoDate; source: 'INSPECTION' | 'ATTESTATION' } | null;
  inspection: { outcome: 'PASS' | 'FAIL'; on: IsoDate; inspectionId: string } | null;
  /** Active teachers of the assisted kindergarten, and each one's latest evaluated lesson of the year. */
  teachers: number;
  ratings: Record<'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL', number>;
  programmes: Partial<Record<string, { hasPlan: boolean; records: number; hasResults: boolean }>>;
};

export type Facts = {
  sem: SemesterFacts | null;
  year: YearFacts | null;
  /** Done, undisputed activities per local month of the semester: [month, SEND, OBSERVATION, LECTURE, FOLLOW_UP, OTHER]. */
  trend: [string, number, number, number, number, number][];
};

/**
 * Done, undisputed activities per pairing and local month within each pairing's window, as rows
 * shaped like ActivityMonthStat: whole months straight from the rollup (kept by a trigger, see
 * docs/decisions/010-activity-month-rollup.md), the partial months at a window's edges computed
 * from Activity by the same SQL function the rollup is built with.
 *
 * Late corrections waiting for review or turned down count nowhere (decision 020), but the rollup's
 * trigger still counts them: they are taken off again here. Such records only exist in closed
 * periods, so the join through ClosedPeriod reads Activity only for windows that reach one; once the
 * rollup's fact function leaves them out itself, this part finds nothing (`f.counted` is false).
 */
export function activityMonthRows(windows: { pid: string; window: Window }[], timeZone: string): Prisma.Sql {
  const whole = { ids: [] as string[], first: [] as string[], last: [] as string[] };
  const part = { ids: [] as string[], from: [] as string[], to: [] as string[] };
  const all = { ids: [] as string[], from: [] as string[], to: [] as string[] };
  for (const { pid, window } of windows) {
    all.ids.push(pid);
    all.from.push(zonedToInstant(window.from, '00:00', timeZone).toISOString());
    all.to.push(zonedToInstant(addDays(window.to, 1), '00:00', timeZone).toISOString());
    const split = splitWindow(window);
    if (split.whole) {
      whole.ids.push(pid);
      whole.first.push(`${split.whole.first}-01`);
      whole.last.push(`${split.whole.last}-01`);
    }
    for (const w of split.partial) {
      part.ids.push(pid);
      part.from.push(zonedToInstant(w.from, '00:00', timeZone).toISOString());
      part.to.push(zonedToInstant(addDays(w.to, 1), '00:00', timeZone).toISOString());
    }
  }
  // Overall bounds as constants let the planner scan one semester's months by index (city-wide).
  const low = whole.first.reduce((a, b) => (b < a ? b : a), '9999-12-01');
  const high = whole.last.reduce((a, b) => (b > a ? b : a), '0001-01-01');
  return Prisma.sql`
    SELECT n."pairingId", n.month,
      SUM(n."s1Confirmed")::int AS "s1Confirmed", SUM(n."s1Pending")::int AS "s1Pending",
      SUM(n."s2HoursConfirmed") AS "s2HoursConfirmed", SUM(n."s2HoursPending") AS "s2HoursPending", SUM(n."s2Pending")::int AS "s2Pending",
      SUM(n."s3Confirmed")::int AS "s3Confirmed", SUM(n."s3Pending")::int AS "s3Pending",
      SUM(n."s4Confirmed")::int AS "s4Confirmed", SUM(n."s4Pending")::int AS "s4Pending",
      SUM(n."doneConfirmed")::int AS "doneConfirmed", SUM(n."donePending")::int AS "donePending",
      SUM(n."completeConfirmed")::int AS "completeConfirmed", SUM(n."completePending")::int AS "completePending",
      SUM(n."trendSend")::int AS "trendSend", SUM(n."trendObservation")::int AS "trendObservation", SUM(n."trendLecture")::int AS "trendLecture",
      SUM(n."trendFollowUp")::int AS "trendFollowUp", SUM(n."trendOther")::int AS "trendOther"
    FROM (
    SELECT m.* FROM unnest(${whole.ids}::text[], ${whole.first}::date[], ${whole.last}::date[]) AS w(pid, mfirst, mlast)
    JOIN "ActivityMonthStat" m ON m."pairingId" = w.pid AND m.month BETWEEN w.mfirst AND w.mlast
      AND m.month BETWEEN ${low}::date AND ${high}::date
    UNION ALL
    SELECT * FROM effect_activity_months(${part.ids}::text[], ${part.from}::timestamptz[], ${part.to}::timestamptz[])
    UNION ALL
    SELECT a."pairingId", f.month, -f.s1 * k.c, -f.s1 * k.p, -f.s2_hours * k.c, -f.s2_hours * k.p, -f.s2 * k.p,
      -f.s3 * k.c, -f.s3 * k.p, -f.s4 * k.c, -f.s4 * k.p, -k.c, -k.p, -f.complete * k.c, -f.complete * k.p,
      -f.trend_send, -f.trend_observation, -f.trend_lecture, -f.trend_follow_up, -f.trend_other
    FROM unnest(${all.ids}::text[], ${all.from}::timestamptz[], ${all.to}::timestamptz[]) AS w(pid, wfrom, wto)
      CROSS JOIN (SELECT effect_city_time_zone() AS tz) z
      -- Windows lie within semesters, and closed semesters never overlap: each record is taken off once.
      JOIN "ClosedPeriod" cp ON cp.kind = 'SEMESTER' AND cp."startsOn"::timestamp AT TIME ZONE z.tz < w.wto AND (cp."endsOn" + 1)::timestamp AT TIME ZONE z.tz > w.wfrom
      JOIN "Activity" a ON a."pairingId" = w.pid AND a.status = 'DONE'
        AND a."startsAt" >= GREATEST(w.wfrom, cp."startsOn"::timestamp AT TIME ZONE z.tz)
        AND a."startsAt" < LEAST(w.wto, (cp."endsOn" + 1)::timestamp AT TIME ZONE z.tz)
        AND a."lateCorrection" IN ('PENDING', 'REJECTED'),
      LATERAL effect_activity_fact(a, z.tz) f,
      LATERAL (SELECT f.confirmed::int AS c, (NOT f.confirmed)::int AS p) k
    WHERE f.counted
    ) n
    GROUP BY n."pairingId", n.month`;
}

/** Per pairing (month null) and, from the second grouping set, per pairing and month for the trend. */
type ActivityAgg = Record<(typeof TREND_CATEGORIES)[number], number> & {
  pid: string;
  month: string | null;
  s1_months_c: string[] | null;
  s1_months_any: string[] | null;
  s1p: number;
  s2hc: string | null;
  s2hp: string | null;
  s2p: number;
  s3c: number;
  s3p: number;
  s4c: number;
  s4p: number;
  done_c: number;
  done_p: number;
  complete_c: number;
  complete_p: number;
};

type YearRow = {
  pid: string;
  plan_submitted: boolean;
  papers: number;
  papers_unconfirmed: number;
  outcome: 'PASS' | 'FAIL' | null;
  assessed_on: Date | null;
  source: 'INSPECTION' | 'ATTESTATION' | null;
  inspection_id: string | null;
  inspection_outcome: 'PASS' | 'FAIL' | null;
  inspected_on: Date | null;
};
type StaffAgg = { kg: string; n: number; EXCELLENT: number; GOOD: number; PASS: number; FAIL: number };

const num = (v: unknown) => (v == null ? 0 : Number(v));

/** Prints each query's time as it settles when EFFECT_TESTS_TIMING is set (scripts/dev/effects-timing.ts). */
function timedAll<T extends readonly unknown[]>(names: string[], promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (process.env.EFFECT_TESTS_TIMING) {
    const t0 = performance.now();
    promises.forEach((p, i) =>
      Promise.resolve(p).then(
        () => console.log(`  ${names[i]}: ${(performance.now() - t0).toFixed(0)} ms`),
        () => {},
      ),
    );
  }
  return Promise.all(promises);
}

/**
 * The facts of every given pairing for a semester of `academicYear` (whose whole span is `yearWindow`),
 * with each pairing's windows already clipped to its dates. Pairings active in neither window get none.
 */
export async function computeFacts(
  db: Db | Tx,
  pairings: Scoped[],
  academicYear: number,
  yearWindow: Window,
  timeZone: string,
): Promise<Map<string, Facts>> {
  const out = new Map<string, Facts>();
  const semP = pairings.filter((p) => p.sem);
  const yearP = pairings.filter((p) => p.year);
  if (semP.length === 0 && yearP.length === 0) return out;
  const yIds = yearP.map((p) => p.id);
  const yKg = yearP.map((p) => p.assistedId);
  const yFrom = yearP.map((p) => p.year!.from);
  const yTo = yearP.map((p) => p.year!.to);
  // A2 reads the TeacherYearRating rollup for pairings active the whole year, the lessons for the others.
  const fullYear = new Set(yearP.filter((p) => p.year!.from === yearWindow.from && p.year!.to === yearWindow.to).map((p) => p.id));
  const clipped = yearP.filter((p) => !fullYear.has(p.id));
  const yearWindows = Prisma.sql`unnest(${yIds}::text[], ${yKg}::text[], ${yFrom}::date[], ${yTo}::date[]) AS w(pid, kg, wfrom, wto)`;

  const [acts, staff, lessonsClipped, programmes, yearRows] = await timedAll(
    ['acts', 'staff', 'lessonsClipped', 'programmes', 'yearFacts'],
    [
      semP.length === 0
        ? []
        : db.$queryRaw<ActivityAgg[]>`
      SELECT r."pairingId" AS pid, to_char(r.month, 'YYYY-MM') AS month,
        array_agg(DISTINCT to_char(r.month, 'YYYY-MM')) FILTER (WHERE r."s1Confirmed" > 0) AS s1_months_c,
        array_agg(DISTINCT to_char(r.month, 'YYYY-MM')) FILTER (WHERE r."s1Confirmed" + r."s1Pending" > 0) AS s1_months_any,
        SUM(r."s1Pending")::int AS s1p,
        SUM(r."s2HoursConfirmed") AS s2hc, SUM(r."s2HoursPending") AS s2hp, SUM(r."s2Pending")::int AS s2p,
        SUM(r."s3Confirmed")::int AS s3c, SUM(r."s3Pending")::int AS s3p,
        SUM(r."s4Confirmed")::int AS s4c, SUM(r."s4Pending")::int AS s4p,
        SUM(r."doneConfirmed")::int AS done_c, SUM(r."donePending")::int AS done_p,
        SUM(r."completeConfirmed")::int AS complete_c, SUM(r."completePending")::int AS complete_p,
        SUM(r."trendSend")::int AS "SEND", SUM(r."trendObservation")::int AS "OBSERVATION", SUM(r."trendLecture")::int AS "LECTURE",
        SUM(r."trendFollowUp")::int AS "FOLLOW_UP", SUM(r."trendOther")::int AS "OTHER"
      FROM (${activityMonthRows(
        semP.map((p) => ({ pid: p.id, window: p.sem! })),
        timeZone,
      )}) r
      GROUP BY GROUPING SETS ((r."pairingId"), (r."pairingId", r.month))`,
      yIds.length === 0
        ? []
        : db.$queryRaw<StaffAgg[]>`
      SELECT u."kindergartenId" AS kg, COUNT(*)::int AS n,
        COUNT(*) FILTER (WHERE r.rating = 'EXCELLENT')::int AS "EXCELLENT", COUNT(*) FILTER (WHERE r.rating = 'GOOD')::int AS "GOOD",
        COUNT(*) FILTER (WHERE r.rating = 'PASS')::int AS "PASS", COUNT(*) FILTER (WHERE r.rating = 'FAIL')::int AS "FAIL"
      FROM "User" u
      LEFT JOIN "TeacherYearRating" r ON r."kindergartenId" = u."kindergartenId" AND r."academicYear" = ${academicYear} AND r."teacherId" = u.id
      WHERE u."kindergartenId" = ANY(${yKg}::text[]) AND u.role = 'TEACHER' AND u.active
      GROUP BY u."kindergartenId"`,
      clipped.length === 0
        ? []
        : db.$queryRaw<{ pid: string; rating: string; n: number }[]>`
      SELECT pid, rating, COUNT(*)::int AS n FROM (
        SELECT DISTINCT ON (w.pid, l."teacherId") w.pid, l.rating::text AS rating
        FROM unnest(${clipped.map((p) => p.id)}::text[], ${clipped.map((p) => p.assistedId)}::text[], ${clipped.map((p) => p.year!.from)}::date[], ${clipped.map((p) => p.year!.to)}::date[]) AS w(pid, kg, wfrom, wto)
        JOIN "LessonRecord" l ON l."kindergartenId" = w.kg AND l."heldOn" BETWEEN w.wfrom AND w.wto AND l.rating IS NOT NULL
        JOIN "User" u ON u.id = l."teacherId" AND u."kindergartenId" = w.kg AND u.role = 'TEACHER' AND u.active
        ORDER BY w.pid, l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST
      ) latest GROUP BY pid, rating`,
      yIds.length === 0
        ? []
        : db.$queryRaw<{ pid: string; kind: string; has_plan: boolean; has_results: boolean; records: number }[]>`
      SELECT w.pid, p.kind::text AS kind, bool_or(btrim(p.plan) <> '') AS has_plan, bool_or(btrim(p.results) <> '') AS has_results,
        COUNT(r."programmeId") FILTER (WHERE r."heldOn" BETWEEN w.wfrom AND w.wto)::int AS records
      FROM ${yearWindows} JOIN "Programme" p ON p."pairingId" = w.pid AND p."academicYear" = ${academicYear}
      LEFT JOIN "ProgrammeRecord" r ON r."programmeId" = p.id
      GROUP BY w.pid, p.kind`,
      // One row per pairing for the year: S5's annual plan, A6's papers, A1's latest assessment and inspection.
      // S5 counts a plan filed by the bureau, or handed in and awaiting review; a returned one does not
      // count until it is resubmitted (the bureau found it wanting).
      yIds.length === 0
        ? []
        : db.$queryRaw<YearRow[]>`
      SELECT w.pid,
        EXISTS (SELECT 1 FROM "AnnualPlan" ap WHERE ap."pairingId" = w.pid AND ap."academicYear" = ${academicYear} AND ap."planStatus"::text IN ('SUBMITTED', 'FILED')) AS plan_submitted,
        (SELECT COUNT(*)::int FROM "Paper" p WHERE p."kindergartenId" = w.kg AND p.date BETWEEN w.wfrom AND w.wto
          AND p.level::text IN ('MUNICIPAL','PROVINCIAL','NATIONAL') AND p."confirmedAt" IS NOT NULL) AS papers,
        (SELECT COUNT(*)::int FROM "Paper" p WHERE p."kindergartenId" = w.kg AND p.date BETWEEN w.wfrom AND w.wto
          AND p.level::text IN ('MUNICIPAL','PROVINCIAL','NATIONAL') AND p."confirmedAt" IS NULL) AS papers_unconfirmed,
        a1.outcome, a1.assessed_on, a1.source, ins.id AS inspection_id, ins.outcome AS inspection_outcome, ins.inspected_on
      FROM ${yearWindows}
      LEFT JOIN LATERAL (
        SELECT s.outcome::text AS outcome, s."assessedOn" AS assessed_on, s.source::text AS source FROM "Assessment" s
        WHERE s."pairingId" = w.pid AND s.test = 'A1' AND s."assessedOn" BETWEEN w.wfrom AND w.wto
        ORDER BY s."assessedOn" DESC, s."createdAt" DESC LIMIT 1) a1 ON true
      -- The latest recorded inspection of the pairing that judged an A1 item, with A1 by the rule of
      -- inspections/rules.ts a1Outcome: PASS only when every judged A1 item meets.
      LEFT JOIN LATERAL (
        SELECT i.id, i."inspectedOn" AS inspected_on,
          CASE WHEN bool_and(it.result = 'MEETS') THEN 'PASS' ELSE 'FAIL' END AS outcome
        FROM "Inspection" i
        JOIN "InspectionItem" it ON it."inspectionId" = i.id AND it."countsForA1" AND it.result IS NOT NULL AND it.result <> 'NOT_APPLICABLE'
        WHERE i."pairingId" = w.pid AND i.status = 'RECORDED' AND i."inspectedOn" BETWEEN w.wfrom AND w.wto
        GROUP BY i.id
        ORDER BY i."inspectedOn" DESC, i."recordedAt" DESC LIMIT 1) ins ON true`,
    ],
  );

  const semBy = new Map<string, SemesterFacts>();
  const trendBy = new Map<string, Facts['trend']>();
  for (const r of acts) {
    if (r.month == null) {
      semBy.set(r.pid, {
        s1MonthsConfirmed: [...(r.s1_months_c ?? [])].sort(),
        s1MonthsAny: [...(r.s1_months_any ?? [])].sort(),
        s1Pending: r.s1p,
        s2HoursConfirmed: num(r.s2hc),
        s2HoursPending: num(r.s2hp),
        s2Pending: r.s2p,
        s3Confirmed: r.s3c,
        s3Pending: r.s3p,
        s4Confirmed: r.s4c,
        s4Pending: r.s4p,
        doneConfirmed: r.done_c,
        donePending: r.done_p,
        completeConfirmed: r.complete_c,
        completePending: r.complete_p,
      });
    } else if (TREND_CATEGORIES.some((c) => r[c] > 0)) {
      const list = trendBy.get(r.pid) ?? [];
      list.push([r.month, r.SEND, r.OBSERVATION, r.LECTURE, r.FOLLOW_UP, r.OTHER]);
      trendBy.set(r.pid, list);
    }
  }
  const staffBy = new Map(staff.map((t) => [t.kg, t]));
  const clippedRatings = new Map<string, Record<string, number>>();
  for (const l of lessonsClipped) clippedRatings.set(l.pid, { ...(clippedRatings.get(l.pid) ?? {}), [l.rating]: l.n });
  const progBy = new Map<string, YearFacts['programmes']>();
  for (const g of programmes)
    progBy.set(g.pid, { ...(progBy.get(g.pid) ?? {}), [g.kind]: { hasPlan: g.has_plan, records: g.records, hasResults: g.has_results } });
  const yearBy = new Map(yearRows.map((f) => [f.pid, f]));

  const emptySem: SemesterFacts = {
    s1MonthsConfirmed: [],
    s1MonthsAny: [],
    s1Pending: 0,
    s2HoursConfirmed: 0,
    s2HoursPending: 0,
    s2Pending: 0,
    s3Confirmed: 0,
    s3Pending: 0,
    s4Confirmed: 0,
    s4Pending: 0,
    doneConfirmed: 0,
    donePending: 0,
    completeConfirmed: 0,
    completePending: 0,
  };
  for (const p of pairings) {
    if (!p.sem && !p.year) continue;
    let year: YearFacts | null = null;
    if (p.year) {
      const j = yearBy.get(p.id);
      const s = staffBy.get(p.assistedId);
      const r = (fullYear.has(p.id) ? s : clippedRatings.get(p.id)) ?? {};
      year = {
        planSubmitted: j?.plan_submitted ?? false,
        papers: j?.papers ?? 0,
        papersUnconfirmed: j?.papers_unconfirmed ?? 0,
        assessment: j?.outcome && j.assessed_on && j.source ? { outcome: j.outcome, on: isoOf(j.assessed_on), source: j.source } : null,
        inspection:
          j?.inspection_id && j.inspection_outcome && j.inspected_on
            ? { outcome: j.inspection_outcome, on: isoOf(j.inspected_on), inspectionId: j.inspection_id }
            : null,
        teachers: s?.n ?? 0,
        ratings: { EXCELLENT: num(r.EXCELLENT), GOOD: num(r.GOOD), PASS: num(r.PASS), FAIL: num(r.FAIL) },
        programmes: progBy.get(p.id) ?? {},
      };
    }
    const trend = (trendBy.get(p.id) ?? []).sort((a, b) => a[0].localeCompare(b[0]));
    out.set(p.id, { sem: p.sem ? (semBy.get(p.id) ?? emptySem) : null, year, trend: p.sem ? trend : [] });
  }
  return out;
}
