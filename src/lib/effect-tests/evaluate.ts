import 'server-only';
/**
 * Effect tests for many pairings at once, from the record, in SQL.
 *
 * A constant number of aggregate queries per call (GROUP BY pairing [, month]), whatever the
 * number of pairings; rules.ts judges the figures. Month and period boundaries are local dates in
 * the city's time zone: `startsAt AT TIME ZONE tz` (an activity at 23:30 on 31 October local
 * belongs to October). See docs/decisions/009-effect-tests-in-sql.md for the type mapping.
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { pairingWhere, type Actor } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly, isoOf, type IsoDate } from '@/lib/time/date-only';
import { localDate, zonedToInstant } from '@/lib/time/zoned';
import { addDays, sortSemesters, type CyclePeriods, type SemesterDates } from '@/lib/cycles/periods';
import {
  DEFAULT_THRESHOLDS,
  judgeByAssessment,
  latestA1Judgement,
  judgeDocumentation,
  judgeLessonRates,
  judgeMonthlyVisits,
  judgeProgramme,
  judgeQuantity,
  proRated,
  splitWindow,
  TESTS,
  type Status,
  type TestId,
  type Thresholds,
  type Window,
} from './rules';
import { readFrozen, type FrozenRead } from './frozen';

export const TEST_IDS = Object.keys(TESTS) as TestId[];

/** Which activities count for which test (only DONE, never disputed; see the decision record). */
export const COUNTED_TYPES = {
  S1: { types: ['DAILY_OBSERVATION'], direction: 'TO_ASSISTED' },
  S2: { types: ['SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH'], direction: 'TO_ASSISTED' },
  S3: { types: ['FOLLOW_UP_STUDY'], direction: 'TO_SUPPORTING' },
  S4: { types: ['SPECIAL_LECTURE'], direction: 'TO_ASSISTED' },
} as const;
/** A6 counts confirmed papers and awards at these levels. */
export const PAPER_LEVELS = ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] as const;
export const PROGRAMME_TEST = { A3: 'RESEARCH', A4: 'PARENT_WORK', A5: 'CHARACTERISTIC' } as const;

export type Figure =
  | { kind: 'months'; visited: number; required: number; months: { month: string; visited: boolean; due: boolean }[]; unconfirmed: number }
  | { kind: 'hours'; have: number; need: number; unconfirmed: number }
  | { kind: 'count'; unit: 'stays' | 'lectures' | 'papers'; have: number; need: number; unconfirmed: number }
  | { kind: 'docs'; planSubmitted: boolean; done: number; complete: number }
  | {
      kind: 'rates';
      excellentRate: number | null;
      passRate: number | null;
      teachers: number;
      notEvaluated: number;
      excellentTarget: number;
      passTarget: number;
    }
  | { kind: 'programme'; hasPlan: boolean; records: number; hasResults: boolean }
  | {
      kind: 'assessment';
      outcome: 'PASS' | 'FAIL';
      on: IsoDate;
      source: 'INSPECTION' | 'ATTESTATION';
      /** Set when a recorded inspection's A1 items decided (not an assessment row). */
      inspectionId?: string;
    }
  | { kind: 'none' };

export type ResultStatus = Status | 'NOT_APPLICABLE';
export type TestResult = { test: TestId; status: ResultStatus; figure: Figure; window: Window | null };

export type PeriodChoice = {
  cycleId: string;
  semester: SemesterDates;
  /** The academic year containing the semester (A tests), from its first semester's start to its last's end. */
  academicYear: Window;
};

export type PairingEffects = {
  id: string;
  supporting: { id: string; name: string; countyId: string };
  assisted: { id: string; name: string; countyId: string };
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  results: Record<TestId, TestResult>;
};

/** A closed semester or academic year: its results come from FrozenResult (docs/decisions/020). */
export type ClosedInfo = { key: string; closedAt: Date };

/** What a FrozenResult's `detail` holds: the result as it was shown, and the threshold in force. */
export type FrozenDetail = {
  figure: Figure;
  window: Window | null;
  threshold: Thresholds & { effectiveFrom: IsoDate | null };
  confirmedOnly: boolean;
  evaluatedOn: IsoDate;
};

export type Evaluation = {
  period: PeriodChoice;
  /** Set where the semester (S tests) or its academic year (A tests) is closed and read frozen. */
  closed: { semester: ClosedInfo | null; year: ClosedInfo | null };
  today: IsoDate;
  timeZone: string;
  confirmedOnly: boolean;
  thresholds: { semester: Thresholds & { effectiveFrom: IsoDate | null }; year: Thresholds & { effectiveFrom: IsoDate | null } };
  pairings: PairingEffects[];
  /** Done, undisputed activities per local month and category over all the pairings evaluated (the dashboards' chart). */
  trend: TrendPoint[];
};

// ---- settings in force ----

export async function confirmedOnlySetting(db: Db): Promise<boolean> {
  const s = await db.citySetting.findFirst({ select: { effectConfirmedOnly: true } });
  return s?.effectConfirmedOnly ?? false;
}

/** The thresholds in force for a period starting on `start`: the latest row effective on or before it. */
export async function thresholdsFor(db: Db, start: IsoDate): Promise<Thresholds & { effectiveFrom: IsoDate | null }> {
  const row = await db.effectTestThresholds.findFirst({
    where: { effectiveFrom: { lte: dateOnly(start) } },
    orderBy: { effectiveFrom: 'desc' },
  });
  if (!row) return { ...DEFAULT_THRESHOLDS, effectiveFrom: null };
  return {
    classHours: Number(row.classHours),
    shadowStudies: row.shadowStudies,
    lectures: row.lectures,
    excellentRate: Number(row.excellentRate),
    passRate: Number(row.passRate),
    papers: row.papers,
    effectiveFrom: isoOf(row.effectiveFrom),
  };
}

// ---- periods ----

// Cycles come from listCycles in lib/cycles/queries.ts (semester dates as ISO dates).

/** A period key in URLs: `<cycleId>:<academicYear>-<AUTUMN|SPRING>`. */
export function periodKey(p: PeriodChoice) {
  return `${p.cycleId}:${p.semester.academicYear}-${p.semester.term}`;
}

export function periodOf(cycle: CyclePeriods, academicYear: number, term: 'AUTUMN' | 'SPRING'): PeriodChoice | null {
  const sems = sortSemesters(cycle.semesters);
  const semester = sems.find((s) => s.academicYear === academicYear && s.term === term);
  if (!semester) return null;
  const year = sems.filter((s) => s.academicYear === academicYear);
  return {
    cycleId: cycle.id,
    semester: { academicYear, term, startsOn: semester.startsOn, endsOn: semester.endsOn },
    academicYear: { from: year[0].startsOn, to: year[year.length - 1].endsOn },
  };
}

/** The period a URL names, or the semester containing today (else the nearest one before it, else the first). */
export function resolvePeriod(cycles: CyclePeriods[], key: string | undefined, today: IsoDate): PeriodChoice | null {
  if (key) {
    const m = /^([^:]+):(\d{4})-(AUTUMN|SPRING)$/.exec(key);
    const cycle = m && cycles.find((c) => c.id === m[1]);
    if (cycle && m) return periodOf(cycle, Number(m[2]), m[3] as 'AUTUMN' | 'SPRING');
  }
  const all = cycles.flatMap((c) => c.semesters.map((s) => ({ c, s, from: s.startsOn, to: s.endsOn })));
  const pick =
    all.find((x) => x.from <= today && today <= x.to) ??
    all.filter((x) => x.to < today).sort((a, b) => b.to.localeCompare(a.to))[0] ??
    all.sort((a, b) => a.from.localeCompare(b.from))[0];
  return pick ? periodOf(pick.c, pick.s.academicYear, pick.s.term) : null;
}

/** Every semester of every cycle, newest first, for the period filter. */
export function allPeriods(cycles: CyclePeriods[]): PeriodChoice[] {
  return [...cycles]
    .sort((a, b) => b.startYear - a.startYear)
    .flatMap((c) =>
      sortSemesters(c.semesters)
        .reverse()
        .map((s) => periodOf(c, s.academicYear, s.term))
        .filter((p): p is PeriodChoice => p != null),
    );
}

function clip(w: Window, startsOn: IsoDate, endsOn: IsoDate | null): Window | null {
  const from = startsOn > w.from ? startsOn : w.from;
  const to = endsOn && endsOn < w.to ? endsOn : w.to;
  return from <= to ? { from, to } : null;
}

// ---- the queries ----

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

export const TREND_CATEGORIES = ['SEND', 'OBSERVATION', 'LECTURE', 'FOLLOW_UP', 'OTHER'] as const;
export type TrendPoint = { month: string; category: (typeof TREND_CATEGORIES)[number]; n: number };

/** Per pairing (pid set) or, from the second grouping set, per month over all pairings (pid null). */
type ActivityAgg = Record<(typeof TREND_CATEGORIES)[number], number> & {
  pid: string | null;
  month: string;
  s2_hours: string | null;
  s2_unconf: number;
  s3: number;
  s3_unconf: number;
  s4: number;
  s4_unconf: number;
  s1_unconf: number;
  s1_months: string[] | null;
  done: number;
  complete: number;
};

type YearFacts = {
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

const asNumber = (v: unknown) => (v == null ? 0 : Number(v));

/** Promise.all, printing each query's time when EFFECT_TESTS_TIMING is set (scripts/dev/effects-timing.ts). */
function timedAll<T extends readonly unknown[]>(names: string[], promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (!process.env.EFFECT_TESTS_TIMING) return Promise.all(promises);
  if (process.env.EFFECT_TESTS_TIMING === 'each') {
    // Each query alone (they are already running; awaiting in turn shows when each finished).
    return (async () => {
      for (const [i, p] of promises.entries()) {
        const t0 = performance.now();
        await p;
        console.log(`  ${names[i]}: +${(performance.now() - t0).toFixed(0)} ms`);
      }
      return Promise.all(promises);
    })();
  }
  const t0 = performance.now();
  // Each time is printed as its query settles; a failure still reaches the caller through Promise.all.
  promises.forEach((p, i) =>
    Promise.resolve(p).then(
      () => console.log(`  ${names[i]}: ${(performance.now() - t0).toFixed(0)} ms`),
      () => {},
    ),
  );
  return Promise.all(promises);
}

export type EvaluateOptions = {
  pairingIds?: string[];
  period: PeriodChoice;
  today?: Date;
  /** Extra filters (county, search) in SQL. */ where?: Prisma.PairingWhereInput;
  /** Compute from the record even where the period is closed: closing itself, and live figures. */
  live?: boolean;
};

const SEMESTER_TESTS = ['S1', 'S2', 'S3', 'S4', 'S5'] as const;
const YEAR_TESTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const;

/**
 * S1–S5 and A1–A6 for every pairing in the actor's scope that is active in the period (optionally
 * only the given ids). Pairings outside the scope are silently absent. Where the semester or its
 * academic year is closed, its tests are the results frozen when it closed, never recomputed: a
 * pairing the close did not evaluate shows them as not applicable.
 */
export async function evaluatePairings(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Evaluation> {
  if (opts.live) return evaluateLive(actor, opts, db);
  const scope: Prisma.PairingWhereInput = {
    AND: [
      pairingWhere(actor, 'effectTests.view'),
      opts.where ?? {},
      { cycleId: opts.period.cycleId },
      opts.pairingIds ? { id: { in: opts.pairingIds } } : {},
    ],
  };
  const [ev, frozen] = await Promise.all([evaluateLive(actor, opts, db), readFrozen(db, opts.period.semester, scope)]);
  return withFrozen(ev, frozen);
}

function withFrozen(ev: Evaluation, frozen: FrozenRead): Evaluation {
  if (!frozen.semester && !frozen.year) return ev;
  const thresholds = { ...ev.thresholds };
  const parts = [
    { part: frozen.semester, tests: SEMESTER_TESTS, which: 'semester' as const },
    { part: frozen.year, tests: YEAR_TESTS, which: 'year' as const },
  ];
  const pairings = ev.pairings.map((p) => {
    const results = { ...p.results };
    for (const { part, tests, which } of parts) {
      if (!part) continue;
      const rows = part.rows.get(p.id);
      for (const test of tests) {
        const row = rows?.get(test);
        const detail = row?.detail as FrozenDetail | undefined;
        if (detail) thresholds[which] = detail.threshold;
        results[test] =
          row && detail
            ? { test, status: row.status as ResultStatus, figure: detail.figure, window: detail.window }
            : { test, status: 'NOT_APPLICABLE', figure: { kind: 'none' }, window: null };
      }
    }
    return { ...p, results };
  });
  const info = (part: FrozenRead['semester']) => part && { key: part.key, closedAt: part.closedAt };
  return { ...ev, thresholds, closed: { semester: info(frozen.semester), year: info(frozen.year) }, pairings };
}

/** The evaluation from the record as it stands (see evaluatePairings). */
async function evaluateLive(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Evaluation> {
  const { period } = opts;
  const yearWin = period.academicYear;
  const tList = performance.now();
  // The settings and the pairings in scope in one round. The scope filter is Prisma's (authz.ts);
  // the names and their order come from one join that runs beside the aggregates below (a nested
  // Prisma select sorted by relation fields cost 3× as much at city size).
  const [timeZone, confirmedOnly, semT, yearT, inScope] = await Promise.all([
    cityTimeZone(db),
    confirmedOnlySetting(db),
    thresholdsFor(db, period.semester.startsOn),
    thresholdsFor(db, period.academicYear.from),
    db.pairing.findMany({
      where: {
        AND: [
          pairingWhere(actor, 'effectTests.view'),
          opts.where ?? {},
          { cycleId: period.cycleId },
          opts.pairingIds ? { id: { in: opts.pairingIds } } : {},
          { startsOn: { lte: dateOnly(yearWin.to) } },
          { OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(yearWin.from) } }] },
        ],
      },
      select: { id: true, startsOn: true, endsOn: true, assistedId: true },
    }),
  ]);
  const today = localDate(opts.today ?? new Date(), timeZone);
  const semWin: Window = { from: period.semester.startsOn, to: period.semester.endsOn };
  if (process.env.EFFECT_TESTS_TIMING) console.log(`  pairings in scope: ${(performance.now() - tList).toFixed(0)} ms`);
  const pairings = inScope.map((p) => {
    const startsOn = isoOf(p.startsOn);
    const endsOn = p.endsOn ? isoOf(p.endsOn) : null;
    return {
      id: p.id,
      assisted: { id: p.assistedId },
      startsOn,
      endsOn,
      sem: clip(semWin, startsOn, endsOn),
      year: clip(yearWin, startsOn, endsOn),
    };
  });
  const base: Evaluation = {
    period,
    closed: { semester: null, year: null },
    today,
    timeZone,
    confirmedOnly,
    thresholds: { semester: semT, year: yearT },
    pairings: [],
    trend: [],
  };
  if (pairings.length === 0) return base;

  // Per-pairing windows travel as parallel arrays and are joined with unnest: one query for all.
  const semP = pairings.filter((p) => p.sem);
  const yearP = pairings.filter((p) => p.year);
  const semIds = semP.map((p) => p.id);
  // Pending (unconfirmed) activities count unless the city counts only confirmed ones.
  const pending = confirmedOnly ? 0 : 1;
  const yIds = yearP.map((p) => p.id);
  const yKg = yearP.map((p) => p.assisted.id);
  const isFullYear = (p: (typeof yearP)[number]) => p.year!.from === yearWin.from && p.year!.to === yearWin.to;
  const full = yearP.filter(isFullYear);
  const clipped = yearP.filter((p) => !isFullYear(p));
  const [clippedIds, clippedKg] = [clipped.map((p) => p.id), clipped.map((p) => p.assisted.id)];
  const [clippedFrom, clippedTo] = [clipped.map((p) => p.year!.from), clipped.map((p) => p.year!.to)];
  const yFrom = yearP.map((p) => p.year!.from);
  const yTo = yearP.map((p) => p.year!.to);
  const yearWindows = Prisma.sql`unnest(${yIds}::text[], ${yKg}::text[], ${yFrom}::date[], ${yTo}::date[]) AS w(pid, kg, wfrom, wto)`;

  const [named, acts, staff, lessonsClipped, programmes, yearFacts] = await timedAll(
    ['names', 'acts', 'staff', 'lessonsClipped', 'programmes', 'yearFacts'],
    [
      db.$queryRaw<{ id: string; sid: string; sname: string; scounty: string; aname: string; acounty: string }[]>`
      SELECT p.id, s.id AS sid, s.name AS sname, s."countyId" AS scounty, a.name AS aname, a."countyId" AS acounty
      FROM "Pairing" p JOIN "Kindergarten" s ON s.id = p."supportingId" JOIN "Kindergarten" a ON a.id = p."assistedId"
      WHERE p.id = ANY(${pairings.map((p) => p.id)}::text[])
      ORDER BY s.name, a.name, p.id`,
      // Per pairing, and (second grouping set, pid NULL) per month over all of them for the trend chart.
      semIds.length === 0
        ? []
        : db.$queryRaw<ActivityAgg[]>`
      SELECT r."pairingId" AS pid, to_char(r.month, 'YYYY-MM') AS month,
        SUM(r."s2HoursConfirmed" + r."s2HoursPending" * ${pending}::int) AS s2_hours,
        SUM(r."s2Pending" * ${pending}::int)::int AS s2_unconf,
        SUM(r."s3Confirmed" + r."s3Pending" * ${pending}::int)::int AS s3,
        SUM(r."s3Pending" * ${pending}::int)::int AS s3_unconf,
        SUM(r."s4Confirmed" + r."s4Pending" * ${pending}::int)::int AS s4,
        SUM(r."s4Pending" * ${pending}::int)::int AS s4_unconf,
        SUM(r."s1Pending" * ${pending}::int)::int AS s1_unconf,
        array_agg(DISTINCT to_char(r.month, 'YYYY-MM')) FILTER (WHERE r."s1Confirmed" + r."s1Pending" * ${pending}::int > 0) AS s1_months,
        SUM(r."doneConfirmed" + r."donePending" * ${pending}::int)::int AS done,
        SUM(r."completeConfirmed" + r."completePending" * ${pending}::int)::int AS complete,
        SUM(r."trendSend")::int AS "SEND", SUM(r."trendObservation")::int AS "OBSERVATION", SUM(r."trendLecture")::int AS "LECTURE",
        SUM(r."trendFollowUp")::int AS "FOLLOW_UP", SUM(r."trendOther")::int AS "OTHER"
      FROM (${activityMonthRows(
        semP.map((p) => ({ pid: p.id, window: p.sem! })),
        timeZone,
      )}) r
      GROUP BY GROUPING SETS ((r."pairingId"), (r.month))`,
      // A2: each active teacher of the assisted kindergarten once, with their latest evaluated lesson of
      // the year: from the TeacherYearRating rollup for pairings active all year (with the teachers
      // counted in the same pass), from the lessons for the few whose window is clipped.
      yIds.length === 0
        ? []
        : db.$queryRaw<StaffAgg[]>`
      SELECT u."kindergartenId" AS kg, COUNT(*)::int AS n,
        COUNT(*) FILTER (WHERE r.rating = 'EXCELLENT')::int AS "EXCELLENT", COUNT(*) FILTER (WHERE r.rating = 'GOOD')::int AS "GOOD",
        COUNT(*) FILTER (WHERE r.rating = 'PASS')::int AS "PASS", COUNT(*) FILTER (WHERE r.rating = 'FAIL')::int AS "FAIL"
      FROM "User" u
      LEFT JOIN "TeacherYearRating" r ON r."kindergartenId" = u."kindergartenId" AND r."academicYear" = ${period.semester.academicYear} AND r."teacherId" = u.id
      WHERE u."kindergartenId" = ANY(${yKg}::text[]) AND u.role = 'TEACHER' AND u.active
      GROUP BY u."kindergartenId"`,
      clippedIds.length === 0
        ? []
        : db.$queryRaw<{ pid: string; rating: string; n: number }[]>`
      SELECT pid, rating, COUNT(*)::int AS n FROM (
        SELECT DISTINCT ON (w.pid, l."teacherId") w.pid, l.rating::text AS rating
        FROM unnest(${clippedIds}::text[], ${clippedKg}::text[], ${clippedFrom}::date[], ${clippedTo}::date[]) AS w(pid, kg, wfrom, wto)
        JOIN "LessonRecord" l ON l."kindergartenId" = w.kg AND l."heldOn" BETWEEN w.wfrom AND w.wto AND l.rating IS NOT NULL
        JOIN "User" u ON u.id = l."teacherId" AND u."kindergartenId" = w.kg AND u.role = 'TEACHER' AND u.active
        ORDER BY w.pid, l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST
      ) latest GROUP BY pid, rating`,
      yIds.length === 0
        ? []
        : db.$queryRaw<{ pid: string; kind: string; has_plan: boolean; has_results: boolean; records: number }[]>`
      SELECT w.pid, p.kind::text AS kind, bool_or(btrim(p.plan) <> '') AS has_plan, bool_or(btrim(p.results) <> '') AS has_results,
        COUNT(r."programmeId") FILTER (WHERE r."heldOn" BETWEEN w.wfrom AND w.wto)::int AS records
      FROM ${yearWindows} JOIN "Programme" p ON p."pairingId" = w.pid AND p."academicYear" = ${period.semester.academicYear}
      LEFT JOIN "ProgrammeRecord" r ON r."programmeId" = p.id
      GROUP BY w.pid, p.kind`,
      // One row per pairing for the year: S5's annual plan, A6's papers, A1's latest assessment and inspection.
      // S5 counts a plan filed by the bureau, or handed in and awaiting review; a returned one does not
      // count until it is resubmitted (the bureau found it wanting).
      yIds.length === 0
        ? []
        : db.$queryRaw<YearFacts[]>`
      SELECT w.pid,
        EXISTS (SELECT 1 FROM "AnnualPlan" ap WHERE ap."pairingId" = w.pid AND ap."academicYear" = ${period.semester.academicYear} AND ap."planStatus"::text IN ('SUBMITTED', 'FILED')) AS plan_submitted,
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

  const actBy = new Map<string, ActivityAgg>();
  for (const r of acts) {
    if (r.pid != null) actBy.set(r.pid, r);
    else base.trend.push(...TREND_CATEGORIES.filter((c) => r[c] > 0).map((category) => ({ month: r.month, category, n: r[category] })));
  }
  base.trend.sort((a, b) => a.month.localeCompare(b.month));
  const staffBy = new Map(staff.map((t) => [t.kg, t]));
  const teachersBy = new Map(staff.map((t) => [t.kg, t.n]));
  const fullYear = new Set(full.map((p) => p.id));
  const clippedRatings = new Map<string, Record<string, number>>();
  for (const l of lessonsClipped) clippedRatings.set(l.pid, { ...(clippedRatings.get(l.pid) ?? {}), [l.rating]: l.n });
  const ratingsOf = (p: { id: string; assisted: { id: string } }): Partial<Record<'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL', number>> =>
    (fullYear.has(p.id) ? staffBy.get(p.assisted.id) : clippedRatings.get(p.id)) ?? {};
  const progBy = new Map(programmes.map((p) => [`${p.pid}:${p.kind}`, p]));
  const factsBy = new Map(yearFacts.map((f) => [f.pid, f]));

  const na = (test: TestId): TestResult => ({ test, status: 'NOT_APPLICABLE', figure: { kind: 'none' }, window: null });

  const byId = new Map(pairings.map((p) => [p.id, p]));
  base.pairings = named.map((n) => {
    const p = byId.get(n.id)!;
    const results = {} as Record<TestId, TestResult>;
    const a = actBy.get(p.id);
    if (p.sem) {
      const w = p.sem;
      const s1 = judgeMonthlyVisits({ visitedMonths: a?.s1_months ?? [] }, w, today);
      results.S1 = {
        test: 'S1',
        status: s1.status,
        window: w,
        figure: { kind: 'months', visited: s1.visited, required: s1.required, months: s1.months, unconfirmed: a?.s1_unconf ?? 0 },
      };
      const hours = asNumber(a?.s2_hours);
      const needHours = proRated(semT.classHours, w, semWin, 0.5);
      results.S2 = {
        test: 'S2',
        status: judgeQuantity(hours, needHours, w, today),
        window: w,
        figure: { kind: 'hours', have: hours, need: needHours, unconfirmed: a?.s2_unconf ?? 0 },
      };
      const needStays = proRated(semT.shadowStudies, w, semWin);
      results.S3 = {
        test: 'S3',
        status: judgeQuantity(a?.s3 ?? 0, needStays, w, today),
        window: w,
        figure: { kind: 'count', unit: 'stays', have: a?.s3 ?? 0, need: needStays, unconfirmed: a?.s3_unconf ?? 0 },
      };
      const needLectures = proRated(semT.lectures, w, semWin);
      results.S4 = {
        test: 'S4',
        status: judgeQuantity(a?.s4 ?? 0, needLectures, w, today),
        window: w,
        figure: { kind: 'count', unit: 'lectures', have: a?.s4 ?? 0, need: needLectures, unconfirmed: a?.s4_unconf ?? 0 },
      };
      const docs = {
        planSubmitted: factsBy.get(p.id)?.plan_submitted ?? false,
        doneActivities: a?.done ?? 0,
        completeActivities: a?.complete ?? 0,
      };
      results.S5 = {
        test: 'S5',
        status: judgeDocumentation(docs, w, today),
        window: w,
        figure: { kind: 'docs', planSubmitted: docs.planSubmitted, done: docs.doneActivities, complete: docs.completeActivities },
      };
    } else {
      for (const t of ['S1', 'S2', 'S3', 'S4', 'S5'] as const) results[t] = na(t);
    }
    if (p.year) {
      const w = p.year;
      const j = factsBy.get(p.id);
      const judgement = latestA1Judgement(
        j?.outcome && j.assessed_on && j.source ? { outcome: j.outcome, on: isoOf(j.assessed_on), source: j.source } : null,
        j?.inspection_id && j.inspection_outcome && j.inspected_on
          ? { outcome: j.inspection_outcome, on: isoOf(j.inspected_on), source: 'INSPECTION', inspectionId: j.inspection_id }
          : null,
      );
      results.A1 = {
        test: 'A1',
        status: judgeByAssessment(judgement, w, today),
        window: w,
        figure: judgement ? { kind: 'assessment', ...judgement } : { kind: 'none' },
      };
      const r = ratingsOf(p);
      const rates = judgeLessonRates(
        {
          teachers: teachersBy.get(p.assisted.id) ?? 0,
          excellent: r.EXCELLENT ?? 0,
          good: r.GOOD ?? 0,
          pass: r.PASS ?? 0,
          fail: r.FAIL ?? 0,
        },
        yearT,
        w,
        today,
      );
      results.A2 = {
        test: 'A2',
        status: rates.status,
        window: w,
        figure: {
          kind: 'rates',
          excellentRate: rates.excellentRate,
          passRate: rates.passRate,
          teachers: teachersBy.get(p.assisted.id) ?? 0,
          notEvaluated: rates.notEvaluated,
          excellentTarget: yearT.excellentRate,
          passTarget: yearT.passRate,
        },
      };
      for (const [test, kind] of Object.entries(PROGRAMME_TEST) as [TestId, string][]) {
        const g = progBy.get(`${p.id}:${kind}`);
        const prog = g ? { hasPlan: g.has_plan, records: g.records, hasResults: g.has_results } : null;
        results[test] = {
          test,
          status: judgeProgramme(prog, w, today),
          window: w,
          figure: {
            kind: 'programme',
            hasPlan: prog?.hasPlan ?? false,
            records: prog?.records ?? 0,
            hasResults: prog?.hasResults ?? false,
          },
        };
      }
      const pp = factsBy.get(p.id);
      const needPapers = proRated(yearT.papers, w, yearWin);
      results.A6 = {
        test: 'A6',
        status: judgeQuantity(pp?.papers ?? 0, needPapers, w, today),
        window: w,
        figure: { kind: 'count', unit: 'papers', have: pp?.papers ?? 0, need: needPapers, unconfirmed: pp?.papers_unconfirmed ?? 0 },
      };
    } else {
      for (const t of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const) results[t] = na(t);
    }
    return {
      id: p.id,
      supporting: { id: n.sid, name: n.sname, countyId: n.scounty },
      assisted: { id: p.assisted.id, name: n.aname, countyId: n.acounty },
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      results,
    };
  });
  return base;
}

/** Worst first: a pairing's risk is its number of missed tests, then at-risk ones. */
export function riskScore(p: PairingEffects) {
  const statuses = Object.values(p.results).map((r) => r.status);
  return statuses.filter((s) => s === 'MISSED').length * 10 + statuses.filter((s) => s === 'AT_RISK').length;
}
