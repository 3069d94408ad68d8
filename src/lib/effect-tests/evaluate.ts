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
import { zonedToInstant } from '@/lib/activities/time';
import { addDays, DEFAULT_TIME_ZONE, isoFromDbDate, localDate, sortSemesters, type IsoDate, type SemesterDates } from '@/lib/cycles/periods';
import {
  DEFAULT_THRESHOLDS, judgeByAssessment, judgeDocumentation, judgeLessonRates, judgeMonthlyVisits, judgeProgramme, judgeQuantity,
  proRated, TESTS, type Status, type TestId, type Thresholds, type Window,
} from './rules';

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
  | { kind: 'rates'; excellentRate: number | null; passRate: number | null; teachers: number; notEvaluated: number; excellentTarget: number; passTarget: number }
  | { kind: 'programme'; hasPlan: boolean; records: number; hasResults: boolean }
  | { kind: 'assessment'; outcome: 'PASS' | 'FAIL'; on: IsoDate; source: 'INSPECTION' | 'ATTESTATION' }
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

export type Evaluation = {
  period: PeriodChoice;
  today: IsoDate;
  timeZone: string;
  confirmedOnly: boolean;
  thresholds: { semester: Thresholds & { effectiveFrom: IsoDate | null }; year: Thresholds & { effectiveFrom: IsoDate | null } };
  pairings: PairingEffects[];
};

// ---- settings in force ----

export async function cityTimeZone(db: Db): Promise<string> {
  const city = await db.region.findFirst({ where: { kind: 'CITY' }, select: { timeZone: true } });
  return city?.timeZone ?? DEFAULT_TIME_ZONE;
}

export async function confirmedOnlySetting(db: Db): Promise<boolean> {
  const s = await db.citySetting.findFirst({ select: { effectConfirmedOnly: true } });
  return s?.effectConfirmedOnly ?? false;
}

/** The thresholds in force for a period starting on `start`: the latest row effective on or before it. */
export async function thresholdsFor(db: Db, start: IsoDate): Promise<Thresholds & { effectiveFrom: IsoDate | null }> {
  const row = await db.effectTestThresholds.findFirst({
    where: { effectiveFrom: { lte: new Date(`${start}T00:00:00Z`) } },
    orderBy: { effectiveFrom: 'desc' },
  });
  if (!row) return { ...DEFAULT_THRESHOLDS, effectiveFrom: null };
  return {
    classHours: Number(row.classHours), shadowStudies: row.shadowStudies, lectures: row.lectures,
    excellentRate: Number(row.excellentRate), passRate: Number(row.passRate), papers: row.papers,
    effectiveFrom: isoFromDbDate(row.effectiveFrom),
  };
}

// ---- periods ----

type CycleRow = { id: string; startYear: number; name: string; semesters: { id: string; academicYear: number; term: 'AUTUMN' | 'SPRING'; startsOn: Date; endsOn: Date }[] };

export async function listCycles(db: Db): Promise<CycleRow[]> {
  return db.cycle.findMany({
    orderBy: { startYear: 'desc' },
    select: { id: true, startYear: true, name: true, semesters: { select: { id: true, academicYear: true, term: true, startsOn: true, endsOn: true } } },
  });
}

/** A period key in URLs: `<cycleId>:<academicYear>-<AUTUMN|SPRING>`. */
export function periodKey(p: PeriodChoice) {
  return `${p.cycleId}:${p.semester.academicYear}-${p.semester.term}`;
}

export function periodOf(cycle: CycleRow, academicYear: number, term: 'AUTUMN' | 'SPRING'): PeriodChoice | null {
  const sems = sortSemesters(cycle.semesters.map((s) => ({ ...s, startsOn: isoFromDbDate(s.startsOn), endsOn: isoFromDbDate(s.endsOn) })));
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
export function resolvePeriod(cycles: CycleRow[], key: string | undefined, today: IsoDate): PeriodChoice | null {
  if (key) {
    const m = /^([^:]+):(\d{4})-(AUTUMN|SPRING)$/.exec(key);
    const cycle = m && cycles.find((c) => c.id === m[1]);
    if (cycle && m) return periodOf(cycle, Number(m[2]), m[3] as 'AUTUMN' | 'SPRING');
  }
  const all = cycles.flatMap((c) => c.semesters.map((s) => ({ c, s, from: isoFromDbDate(s.startsOn), to: isoFromDbDate(s.endsOn) })));
  const pick =
    all.find((x) => x.from <= today && today <= x.to) ??
    all.filter((x) => x.to < today).sort((a, b) => b.to.localeCompare(a.to))[0] ??
    all.sort((a, b) => a.from.localeCompare(b.from))[0];
  return pick ? periodOf(pick.c, pick.s.academicYear, pick.s.term) : null;
}

/** Every semester of every cycle, newest first, for the period filter. */
export function allPeriods(cycles: CycleRow[]): PeriodChoice[] {
  return cycles.flatMap((c) =>
    sortSemesters(c.semesters).reverse().map((s) => periodOf(c, s.academicYear, s.term)).filter((p): p is PeriodChoice => p != null),
  );
}

function clip(w: Window, startsOn: IsoDate, endsOn: IsoDate | null): Window | null {
  const from = startsOn > w.from ? startsOn : w.from;
  const to = endsOn && endsOn < w.to ? endsOn : w.to;
  return from <= to ? { from, to } : null;
}

// ---- the queries ----

type ActivityAgg = {
  pid: string;
  s2_hours: string | null; s2_unconf: number; s3: number; s3_unconf: number; s4: number; s4_unconf: number;
  s1_unconf: number; s1_months: string[] | null; done: number; complete: number;
};

const asNumber = (v: unknown) => (v == null ? 0 : Number(v));

/** Promise.all, printing each query's time when EFFECT_TESTS_TIMING is set (scripts/dev/effects-timing.ts). */
function timedAll<T extends readonly unknown[]>(names: string[], promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (!process.env.EFFECT_TESTS_TIMING) return Promise.all(promises) as never;
  const t0 = performance.now();
  return Promise.all(promises.map((p, i) => Promise.resolve(p).then((v) => {
    console.log(`  ${names[i]}: ${(performance.now() - t0).toFixed(0)} ms`);
    return v;
  }))) as never;
}

export type EvaluateOptions = { pairingIds?: string[]; period: PeriodChoice; today?: Date; /** Extra filters (county, search) in SQL. */ where?: Prisma.PairingWhereInput };

/**
 * S1–S5 and A1–A6 for every pairing in the actor's scope that is active in the period (optionally
 * only the given ids). Pairings outside the scope are silently absent.
 */
export async function evaluatePairings(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Evaluation> {
  const { period } = opts;
  const [timeZone, confirmedOnly, semT, yearT] = await Promise.all([
    cityTimeZone(db), confirmedOnlySetting(db), thresholdsFor(db, period.semester.startsOn), thresholdsFor(db, period.academicYear.from),
  ]);
  const today = localDate(opts.today ?? new Date(), timeZone);
  const semWin: Window = { from: period.semester.startsOn, to: period.semester.endsOn };
  const yearWin = period.academicYear;

  const tList = performance.now();
  const rows = await db.pairing.findMany({
    where: {
      AND: [
        pairingWhere(actor, 'effectTests.view'),
        opts.where ?? {},
        { cycleId: period.cycleId },
        opts.pairingIds ? { id: { in: opts.pairingIds } } : {},
        { startsOn: { lte: new Date(`${yearWin.to}T00:00:00Z`) } },
        { OR: [{ endsOn: null }, { endsOn: { gte: new Date(`${yearWin.from}T00:00:00Z`) } }] },
      ],
    },
    select: {
      id: true, startsOn: true, endsOn: true,
      supporting: { select: { id: true, name: true, countyId: true } },
      assisted: { select: { id: true, name: true, countyId: true } },
    },
    orderBy: [{ supporting: { name: 'asc' } }, { assisted: { name: 'asc' } }],
  });
  if (process.env.EFFECT_TESTS_TIMING) console.log(`  pairings list: ${(performance.now() - tList).toFixed(0)} ms`);
  const pairings = rows.map((p) => {
    const startsOn = isoFromDbDate(p.startsOn);
    const endsOn = p.endsOn ? isoFromDbDate(p.endsOn) : null;
    return { ...p, startsOn, endsOn, sem: clip(semWin, startsOn, endsOn), year: clip(yearWin, startsOn, endsOn) };
  });
  const base: Evaluation = { period, today, timeZone, confirmedOnly, thresholds: { semester: semT, year: yearT }, pairings: [] };
  if (pairings.length === 0) return base;

  // Per-pairing windows travel as parallel arrays and are joined with unnest: one query for all.
  const semP = pairings.filter((p) => p.sem);
  const yearP = pairings.filter((p) => p.year);
  const semIds = semP.map((p) => p.id);
  // Window bounds as instants computed once here: comparing startsAt to a precomputed timestamptz
  // avoids a time-zone conversion per row, and the overall bounds let the planner use an index on startsAt.
  const semFrom = semP.map((p) => zonedToInstant(p.sem!.from, '00:00', timeZone).toISOString());
  const semTo = semP.map((p) => zonedToInstant(addDays(p.sem!.to, 1), '00:00', timeZone).toISOString());
  const semLow = zonedToInstant(semWin.from, '00:00', timeZone);
  const semHigh = zonedToInstant(addDays(semWin.to, 1), '00:00', timeZone);
  const yIds = yearP.map((p) => p.id);
  const yKg = yearP.map((p) => p.assisted.id);
  const yFrom = yearP.map((p) => p.year!.from);
  const yTo = yearP.map((p) => p.year!.to);
  const full = yearP.filter((p) => p.year!.from === yearWin.from && p.year!.to === yearWin.to);
  const clipped = yearP.filter((p) => !full.includes(p));
  const [fullIds, fullKg] = [full.map((p) => p.id), full.map((p) => p.assisted.id)];
  const [clippedIds, clippedKg] = [clipped.map((p) => p.id), clipped.map((p) => p.assisted.id)];
  const [clippedFrom, clippedTo] = [clipped.map((p) => p.year!.from), clipped.map((p) => p.year!.to)];
  const counted = confirmedOnly ? Prisma.sql`a.confirmation = 'CONFIRMED'` : Prisma.sql`a.confirmation <> 'DISPUTED'`;
  const semWindows = Prisma.sql`unnest(${semIds}::text[], ${semFrom}::timestamptz[], ${semTo}::timestamptz[]) AS w(pid, wfrom, wto)`;
  const inSem = Prisma.sql`a."pairingId" = w.pid AND a.status = 'DONE' AND ${counted}
    AND a."startsAt" >= w.wfrom AND a."startsAt" < w.wto AND a."startsAt" >= ${semLow} AND a."startsAt" < ${semHigh}`;
  const yearWindows = Prisma.sql`unnest(${yIds}::text[], ${yKg}::text[], ${yFrom}::date[], ${yTo}::date[]) AS w(pid, kg, wfrom, wto)`;

  const [acts, lessonsFull, lessonsClipped, teachers, programmes, papers, plans, assessments] = await timedAll(['acts', 'lessonsFull', 'lessonsClipped', 'teachers', 'programmes', 'papers', 'plans', 'assessments'], [
    semIds.length === 0 ? [] : db.$queryRaw<ActivityAgg[]>`
      SELECT w.pid,
        SUM(a."classHours") FILTER (WHERE a.type::text IN ('SENT_DEMONSTRATION','SENT_LECTURE','SENT_RESEARCH') AND a.direction = 'TO_ASSISTED') AS s2_hours,
        COUNT(*) FILTER (WHERE a.type::text IN ('SENT_DEMONSTRATION','SENT_LECTURE','SENT_RESEARCH') AND a.direction = 'TO_ASSISTED' AND a.confirmation <> 'CONFIRMED')::int AS s2_unconf,
        COUNT(*) FILTER (WHERE a.type = 'FOLLOW_UP_STUDY' AND a.direction = 'TO_SUPPORTING')::int AS s3,
        COUNT(*) FILTER (WHERE a.type = 'FOLLOW_UP_STUDY' AND a.direction = 'TO_SUPPORTING' AND a.confirmation <> 'CONFIRMED')::int AS s3_unconf,
        COUNT(*) FILTER (WHERE a.type = 'SPECIAL_LECTURE' AND a.direction = 'TO_ASSISTED')::int AS s4,
        COUNT(*) FILTER (WHERE a.type = 'SPECIAL_LECTURE' AND a.direction = 'TO_ASSISTED' AND a.confirmation <> 'CONFIRMED')::int AS s4_unconf,
        COUNT(*) FILTER (WHERE a.type = 'DAILY_OBSERVATION' AND a.direction = 'TO_ASSISTED' AND a.confirmation <> 'CONFIRMED')::int AS s1_unconf,
        array_agg(DISTINCT to_char(a."startsAt" AT TIME ZONE ${timeZone}, 'YYYY-MM')) FILTER (WHERE a.type = 'DAILY_OBSERVATION' AND a.direction = 'TO_ASSISTED') AS s1_months,
        COUNT(*)::int AS done,
        COUNT(*) FILTER (WHERE btrim(a.plan) <> '' AND btrim(a.measures) <> '' AND btrim(a.record) <> '' AND btrim(a.summary) <> '')::int AS complete
      FROM ${semWindows} JOIN "Activity" a ON ${inSem}
      GROUP BY w.pid`,
    // A2: each active teacher of the assisted kindergarten once, with their latest evaluated lesson of
    // the year: from the TeacherYearRating rollup for pairings active all year, from the lessons for
    // the few whose window is clipped.
    fullIds.length === 0 ? [] : db.$queryRaw<{ pid: string; rating: string; n: number }[]>`
      SELECT w.pid, r.rating::text AS rating, COUNT(*)::int AS n
      FROM unnest(${fullIds}::text[], ${fullKg}::text[]) AS w(pid, kg)
      JOIN "TeacherYearRating" r ON r."kindergartenId" = w.kg AND r."academicYear" = ${period.semester.academicYear}
      JOIN "User" u ON u.id = r."teacherId" AND u."kindergartenId" = w.kg AND u.role = 'TEACHER' AND u.active
      GROUP BY w.pid, r.rating`,
    clippedIds.length === 0 ? [] : db.$queryRaw<{ pid: string; rating: string; n: number }[]>`
      SELECT pid, rating, COUNT(*)::int AS n FROM (
        SELECT DISTINCT ON (w.pid, l."teacherId") w.pid, l.rating::text AS rating
        FROM unnest(${clippedIds}::text[], ${clippedKg}::text[], ${clippedFrom}::date[], ${clippedTo}::date[]) AS w(pid, kg, wfrom, wto)
        JOIN "LessonRecord" l ON l."kindergartenId" = w.kg AND l."heldOn" BETWEEN w.wfrom AND w.wto AND l.rating IS NOT NULL
        JOIN "User" u ON u.id = l."teacherId" AND u."kindergartenId" = w.kg AND u.role = 'TEACHER' AND u.active
        ORDER BY w.pid, l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST
      ) latest GROUP BY pid, rating`,
    yIds.length === 0 ? [] : db.$queryRaw<{ kg: string; n: number }[]>`
      SELECT u."kindergartenId" AS kg, COUNT(*)::int AS n FROM "User" u
      WHERE u."kindergartenId" = ANY(${yKg}::text[]) AND u.role = 'TEACHER' AND u.active GROUP BY u."kindergartenId"`,
    yIds.length === 0 ? [] : db.$queryRaw<{ pid: string; kind: string; has_plan: boolean; has_results: boolean; records: number }[]>`
      SELECT w.pid, p.kind::text AS kind, bool_or(btrim(p.plan) <> '') AS has_plan, bool_or(btrim(p.results) <> '') AS has_results,
        (SELECT COUNT(*)::int FROM "ProgrammeRecord" r JOIN "Programme" p2 ON p2.id = r."programmeId"
          WHERE p2."pairingId" = w.pid AND p2.kind = p.kind AND p2."academicYear" = ${period.semester.academicYear}
          AND r."heldOn" BETWEEN w.wfrom AND w.wto) AS records
      FROM ${yearWindows} JOIN "Programme" p ON p."pairingId" = w.pid AND p."academicYear" = ${period.semester.academicYear}
      GROUP BY w.pid, w.wfrom, w.wto, p.kind`,
    yIds.length === 0 ? [] : db.$queryRaw<{ pid: string; confirmed: number; unconfirmed: number }[]>`
      SELECT w.pid, COUNT(*) FILTER (WHERE p."confirmedAt" IS NOT NULL)::int AS confirmed, COUNT(*) FILTER (WHERE p."confirmedAt" IS NULL)::int AS unconfirmed
      FROM ${yearWindows} JOIN "Paper" p ON p."kindergartenId" = w.kg AND p.date BETWEEN w.wfrom AND w.wto
        AND p.level::text IN ('MUNICIPAL','PROVINCIAL','NATIONAL')
      GROUP BY w.pid`,
    db.annualPlan.findMany({
      where: { pairingId: { in: semIds }, academicYear: period.semester.academicYear, planSubmittedAt: { not: null } },
      select: { pairingId: true },
    }),
    yIds.length === 0 ? [] : db.$queryRaw<{ pid: string; outcome: 'PASS' | 'FAIL'; assessed_on: Date; source: 'INSPECTION' | 'ATTESTATION' }[]>`
      SELECT DISTINCT ON (w.pid) w.pid, s.outcome::text AS outcome, s."assessedOn" AS assessed_on, s.source::text AS source
      FROM ${yearWindows} JOIN "Assessment" s ON s."pairingId" = w.pid AND s.test = 'A1' AND s."assessedOn" BETWEEN w.wfrom AND w.wto
      ORDER BY w.pid, s."assessedOn" DESC, s."createdAt" DESC`,
  ]);

  const lessons = [...lessonsFull, ...lessonsClipped];
  const actBy = new Map(acts.map((r) => [r.pid, r]));
  const ratingsBy = new Map<string, Record<string, number>>();
  for (const l of lessons) ratingsBy.set(l.pid, { ...(ratingsBy.get(l.pid) ?? {}), [l.rating]: l.n });
  const teachersBy = new Map(teachers.map((t) => [t.kg, t.n]));
  const progBy = new Map(programmes.map((p) => [`${p.pid}:${p.kind}`, p]));
  const papersBy = new Map(papers.map((p) => [p.pid, p]));
  const planned = new Set(plans.map((p) => p.pairingId));
  const assessBy = new Map(assessments.map((a) => [a.pid, a]));

  const na = (test: TestId): TestResult => ({ test, status: 'NOT_APPLICABLE', figure: { kind: 'none' }, window: null });

  base.pairings = pairings.map((p) => {
    const results = {} as Record<TestId, TestResult>;
    const a = actBy.get(p.id);
    if (p.sem) {
      const w = p.sem;
      const s1 = judgeMonthlyVisits({ visitedMonths: a?.s1_months ?? [] }, w, today);
      results.S1 = { test: 'S1', status: s1.status, window: w, figure: { kind: 'months', visited: s1.visited, required: s1.required, months: s1.months, unconfirmed: a?.s1_unconf ?? 0 } };
      const hours = asNumber(a?.s2_hours);
      const needHours = proRated(semT.classHours, w, semWin, 0.5);
      results.S2 = { test: 'S2', status: judgeQuantity(hours, needHours, w, today), window: w, figure: { kind: 'hours', have: hours, need: needHours, unconfirmed: a?.s2_unconf ?? 0 } };
      const needStays = proRated(semT.shadowStudies, w, semWin);
      results.S3 = { test: 'S3', status: judgeQuantity(a?.s3 ?? 0, needStays, w, today), window: w, figure: { kind: 'count', unit: 'stays', have: a?.s3 ?? 0, need: needStays, unconfirmed: a?.s3_unconf ?? 0 } };
      const needLectures = proRated(semT.lectures, w, semWin);
      results.S4 = { test: 'S4', status: judgeQuantity(a?.s4 ?? 0, needLectures, w, today), window: w, figure: { kind: 'count', unit: 'lectures', have: a?.s4 ?? 0, need: needLectures, unconfirmed: a?.s4_unconf ?? 0 } };
      const docs = { planSubmitted: planned.has(p.id), doneActivities: a?.done ?? 0, completeActivities: a?.complete ?? 0 };
      results.S5 = { test: 'S5', status: judgeDocumentation(docs, w, today), window: w, figure: { kind: 'docs', planSubmitted: docs.planSubmitted, done: docs.doneActivities, complete: docs.completeActivities } };
    } else {
      for (const t of ['S1', 'S2', 'S3', 'S4', 'S5'] as const) results[t] = na(t);
    }
    if (p.year) {
      const w = p.year;
      const j = assessBy.get(p.id);
      const judgement = j ? { outcome: j.outcome, on: isoFromDbDate(j.assessed_on), source: j.source } : null;
      results.A1 = { test: 'A1', status: judgeByAssessment(judgement, w, today), window: w, figure: judgement ? { kind: 'assessment', ...judgement } : { kind: 'none' } };
      const r = ratingsBy.get(p.id) ?? {};
      const rates = judgeLessonRates(
        { teachers: teachersBy.get(p.assisted.id) ?? 0, excellent: r.EXCELLENT ?? 0, good: r.GOOD ?? 0, pass: r.PASS ?? 0, fail: r.FAIL ?? 0 },
        yearT, w, today,
      );
      results.A2 = {
        test: 'A2', status: rates.status, window: w,
        figure: { kind: 'rates', excellentRate: rates.excellentRate, passRate: rates.passRate, teachers: teachersBy.get(p.assisted.id) ?? 0, notEvaluated: rates.notEvaluated, excellentTarget: yearT.excellentRate, passTarget: yearT.passRate },
      };
      for (const [test, kind] of Object.entries(PROGRAMME_TEST) as [TestId, string][]) {
        const g = progBy.get(`${p.id}:${kind}`);
        const prog = g ? { hasPlan: g.has_plan, records: g.records, hasResults: g.has_results } : null;
        results[test] = { test, status: judgeProgramme(prog, w, today), window: w, figure: { kind: 'programme', hasPlan: prog?.hasPlan ?? false, records: prog?.records ?? 0, hasResults: prog?.hasResults ?? false } };
      }
      const pp = papersBy.get(p.id);
      const needPapers = proRated(yearT.papers, w, yearWin);
      results.A6 = { test: 'A6', status: judgeQuantity(pp?.confirmed ?? 0, needPapers, w, today), window: w, figure: { kind: 'count', unit: 'papers', have: pp?.confirmed ?? 0, need: needPapers, unconfirmed: pp?.unconfirmed ?? 0 } };
    } else {
      for (const t of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const) results[t] = na(t);
    }
    return { id: p.id, supporting: p.supporting, assisted: p.assisted, startsOn: p.startsOn, endsOn: p.endsOn, results };
  });
  return base;
}

/** Worst first: a pairing's risk is its number of missed tests, then at-risk ones. */
export function riskScore(p: PairingEffects) {
  const statuses = Object.values(p.results).map((r) => r.status);
  return statuses.filter((s) => s === 'MISSED').length * 10 + statuses.filter((s) => s === 'AT_RISK').length;
}
