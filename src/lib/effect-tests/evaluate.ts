import 'server-only';
/**
 * Effect tests for many pairings at once: the facts each test reads (facts.ts, in SQL; kept in
 * KeptResult between changes, docs/decisions/027), judged here with rules.ts against today and the
 * thresholds in force. Month and period boundaries are local dates in the city's time zone (an
 * activity at 23:30 on 31 October local belongs to October). See docs/decisions/009-effect-tests-in-sql.md
 * for the type mapping.
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { pairingWhere, type Actor } from '@/lib/authz';
import { cityTimeZone, cityZoneOf } from '@/lib/time/city-zone';
import { dateOnly, isoOf, type IsoDate } from '@/lib/time/date-only';
import { localDate } from '@/lib/time/zoned';
import { sortSemesters, type CyclePeriods, type SemesterDates } from '@/lib/cycles/periods';
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
  TESTS,
  type Status,
  type TestId,
  type Thresholds,
  type Window,
} from './rules';
import { readFrozen, type FrozenRead } from './frozen';
import { changedSince, readStamp, remember } from './memo';
import { mergeInOrder } from './order';
import { computeFacts, TREND_CATEGORIES, type Facts, type Scoped, type TrendPoint } from './facts';

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
  const [ev, frozen] = await Promise.all([rememberedKept(actor, opts, db), readFrozen(db, opts.period.semester, scope)]);
  return withFrozen(ev, frozen);
}

/**
 * evaluateKept, remembered while nothing it read has changed (memo.ts, decision 028): the scope
 * (the actor's filter itself, so two county admins of one county share it), the filters, the
 * period and the city's day are the key; the database's stamp says whether it still holds. When it
 * no longer holds, the remembered one is patched: only the pairings that may have changed since are
 * evaluated again (a write changes one pairing; evaluating a province's 25,000 took seconds).
 */
async function rememberedKept(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Evaluation> {
  const stamp = await readStamp(db);
  const today = localDate(opts.today ?? new Date(), cityZoneOf(stamp.timeZone));
  const key = JSON.stringify([pairingWhere(actor, 'effectTests.view'), opts.where ?? null, opts.pairingIds ?? null, opts.period, today]);
  const kept = await remember<Kept>(key, stamp, async (previous) => {
    const o = { ...opts, today: opts.today ?? new Date() };
    const changed = previous && (await changedSince(db, previous.stamp, stamp));
    const prior = changed && changed.size <= PATCH_AT_MOST && (await previous.value.catch(() => null));
    if (!prior) return evaluateKept(actor, o, db);
    const ids = opts.pairingIds ? opts.pairingIds.filter((id) => changed.has(id)) : [...changed];
    const fresh = await evaluateKept(actor, { ...o, pairingIds: ids }, db);
    const t0 = performance.now();
    const result = patched(prior, fresh, changed);
    if (process.env.EFFECT_TESTS_TIMING)
      console.log(`  patched ${changed.size} into ${prior.ev.pairings.length}: ${(performance.now() - t0).toFixed(0)} ms`);
    return result;
  });
  return kept.ev;
}

/** More changed pairings than this (a rebuild, an import) and the evaluation is made anew. */
const PATCH_AT_MOST = 2000;

/** An evaluation from kept facts with each pairing's trend, which a patch needs to sum the chart anew. */
type Kept = { ev: Evaluation; trends: ReadonlyMap<string, Facts['trend']>; sums: ReadonlyMap<string, readonly number[]> };

/**
 * `prior` with the pairings in `changed` replaced by `fresh` (those of them still in scope, evaluated
 * now under the same settings and day): the same list, in the same order, as evaluating all anew.
 * The chart's monthly sums are corrected by the changed pairings' trends (whole counts: exact).
 */
function patched(prior: Kept, fresh: Kept, changed: ReadonlySet<string>): Kept {
  const pairings = mergeInOrder(
    prior.ev.pairings.filter((p) => !changed.has(p.id)),
    fresh.ev.pairings,
  );
  const trends = new Map(prior.trends);
  const sums = new Map([...prior.sums].map(([month, ns]) => [month, [...ns]]));
  for (const id of changed) {
    addTrend(sums, prior.trends.get(id), -1);
    trends.delete(id);
  }
  for (const [id, t] of fresh.trends) {
    addTrend(sums, t, 1);
    trends.set(id, t);
  }
  return { ev: { ...fresh.ev, pairings, trend: pointsOf(sums) }, trends, sums };
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

/** The settings in force and the pairings in scope active in the period (either window), with their windows. */
async function scopeOf(actor: Actor, opts: EvaluateOptions, db: Db): Promise<{ base: Evaluation; pairings: Scoped[] }> {
  const { period } = opts;
  const yearWin = period.academicYear;
  const tList = performance.now();
  // The settings and the pairings in scope in one round. The scope filter is Prisma's (authz.ts);
  // the names and their order come from one join that runs beside the facts (a nested Prisma
  // select sorted by relation fields cost 3× as much at city size).
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
  if (process.env.EFFECT_TESTS_TIMING) console.log(`  pairings in scope: ${(performance.now() - tList).toFixed(0)} ms`);
  const base: Evaluation = {
    period,
    closed: { semester: null, year: null },
    today: localDate(opts.today ?? new Date(), timeZone),
    timeZone,
    confirmedOnly,
    thresholds: { semester: semT, year: yearT },
    pairings: [],
    trend: [],
  };
  return {
    base,
    pairings: inScope.map((p) => scopedIn(period, { ...p, startsOn: isoOf(p.startsOn), endsOn: p.endsOn ? isoOf(p.endsOn) : null })),
  };
}

/** A pairing's part of the period's semester and academic year. */
export function scopedIn(period: PeriodChoice, p: { id: string; assistedId: string; startsOn: IsoDate; endsOn: IsoDate | null }): Scoped {
  const semWin: Window = { from: period.semester.startsOn, to: period.semester.endsOn };
  return { ...p, sem: clip(semWin, p.startsOn, p.endsOn), year: clip(period.academicYear, p.startsOn, p.endsOn) };
}

type Named = { id: string; sid: string; sname: string; scounty: string; aname: string; acounty: string };

function namesOf(db: Db, ids: string[]) {
  return db.$queryRaw<Named[]>`
    SELECT p.id, s.id AS sid, s.name AS sname, s."countyId" AS scounty, a.name AS aname, a."countyId" AS acounty
    FROM "Pairing" p JOIN "Kindergarten" s ON s.id = p."supportingId" JOIN "Kindergarten" a ON a.id = p."assistedId"
    WHERE p.id = ANY(${ids}::text[])
    ORDER BY s.name COLLATE "C", a.name COLLATE "C", p.id COLLATE "C"`;
}

/** The evaluation from the record as it stands (see evaluatePairings): every pairing's facts computed now. */
async function evaluateLive(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Evaluation> {
  const { base, pairings } = await scopeOf(actor, opts, db);
  if (pairings.length === 0) return base;
  const { period } = opts;
  const [named, facts] = await Promise.all([
    namesOf(
      db,
      pairings.map((p) => p.id),
    ),
    computeFacts(db, pairings, period.semester.academicYear, period.academicYear, base.timeZone),
  ]);
  return assemble(base, pairings, named, facts).ev;
}

/**
 * The same evaluation from the kept facts (KeptResult, docs/decisions/027): one indexed read for all
 * the pairings. A pairing whose facts may be out of date (marked in ResultStale by the writing
 * transaction, not yet refreshed) or were never kept is computed live, so what is shown is never older
 * than the record. Mark and kept facts are read by one statement: one snapshot.
 */
async function evaluateKept(actor: Actor, opts: EvaluateOptions, db: Db): Promise<Kept> {
  const { base, pairings } = await scopeOf(actor, opts, db);
  if (pairings.length === 0) return { ev: base, trends: new Map(), sums: new Map() };
  const { period } = opts;
  // Names and kept facts in one statement (one snapshot for facts and marks); facts as their stored
  // text (json, not jsonb), parsed here: the cheapest way to bring 2,500 of them across.
  const tQuery = performance.now();
  const rows = await db.$queryRaw<(Named & { facts: string | null })[]>`
    SELECT p.id, s.id AS sid, s.name AS sname, s."countyId" AS scounty, a.name AS aname, a."countyId" AS acounty,
      CASE WHEN NOT EXISTS (SELECT 1 FROM "ResultStale" st WHERE st."pairingId" = p.id) THEN k.facts::text END AS facts
    FROM "Pairing" p JOIN "Kindergarten" s ON s.id = p."supportingId" JOIN "Kindergarten" a ON a.id = p."assistedId"
    LEFT JOIN "KeptResult" k ON k."pairingId" = p.id AND k."academicYear" = ${period.semester.academicYear} AND k.term = ${period.semester.term}::"Term"
    WHERE p.id = ANY(${pairings.map((p) => p.id)}::text[])
    ORDER BY s.name COLLATE "C", a.name COLLATE "C", p.id COLLATE "C"`;
  const tRead = performance.now();
  if (process.env.EFFECT_TESTS_TIMING) console.log(`  names and kept facts: ${(tRead - tQuery).toFixed(0)} ms`);
  const facts = new Map<string, Facts>();
  for (const r of rows) if (r.facts != null) facts.set(r.id, JSON.parse(r.facts) as Facts);
  const missing = pairings.filter((p) => !facts.has(p.id));
  if (missing.length > 0)
    for (const [id, f] of await computeFacts(db, missing, period.semester.academicYear, period.academicYear, base.timeZone))
      facts.set(id, f);
  const tJudge = performance.now();
  const kept = assemble(base, pairings, rows, facts);
  if (process.env.EFFECT_TESTS_TIMING)
    console.log(
      `  kept ${facts.size - missing.length}, computed now ${missing.length}: parse and compute ${(tJudge - tRead).toFixed(0)} ms, judge ${(performance.now() - tJudge).toFixed(0)} ms`,
    );
  return kept;
}

/**
 * Judges each pairing's facts (today, thresholds, the city's counting rule) and sums the trend; each
 * pairing's trend and the monthly sums come back beside it, for a later patch (rememberedKept).
 */
function assemble(base: Evaluation, pairings: Scoped[], named: Named[], facts: Map<string, Facts>): Kept {
  const byId = new Map(pairings.map((p) => [p.id, p]));
  base.pairings = named.map((n) => {
    const p = byId.get(n.id)!;
    return {
      id: p.id,
      supporting: { id: n.sid, name: n.sname, countyId: n.scounty },
      assisted: { id: p.assistedId, name: n.aname, countyId: n.acounty },
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      results: judge(p, facts.get(p.id), base),
    };
  });
  const trends = new Map(pairings.map((p) => [p.id, facts.get(p.id)?.trend ?? []]));
  const sums = new Map<string, number[]>();
  for (const p of pairings) addTrend(sums, trends.get(p.id), 1);
  base.trend = pointsOf(sums);
  return { ev: base, trends, sums };
}

function addTrend(sums: Map<string, number[]>, trend: Facts['trend'] | undefined, sign: 1 | -1) {
  for (const [month, ...ns] of trend ?? []) {
    const sum = sums.get(month) ?? [0, 0, 0, 0, 0];
    ns.forEach((n, i) => (sum[i] += sign * n));
    sums.set(month, sum);
  }
}

/** The chart's points from the monthly sums: months in order, categories with something in them. */
function pointsOf(sums: ReadonlyMap<string, readonly number[]>): TrendPoint[] {
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([month, ns]) => TREND_CATEGORIES.flatMap((category, i) => (ns[i] > 0 ? [{ month, category, n: ns[i] }] : [])));
}

const na = (test: TestId): TestResult => ({ test, status: 'NOT_APPLICABLE', figure: { kind: 'none' }, window: null });
/** Sums of tenths of an hour, without binary fractions showing (27.5 + 0.1). */
const tenths = (a: number, b: number) => Math.round((a + b) * 10) / 10;

/** One pairing's results from its facts: pending activities count unless the city counts only confirmed ones. */
function judge(p: Scoped, f: Facts | undefined, ev: Evaluation): Record<TestId, TestResult> {
  const { today } = ev;
  const semT = ev.thresholds.semester;
  const yearT = ev.thresholds.year;
  const semWin: Window = { from: ev.period.semester.startsOn, to: ev.period.semester.endsOn };
  const yearWin = ev.period.academicYear;
  const pending = ev.confirmedOnly ? 0 : 1;
  const results = {} as Record<TestId, TestResult>;
  if (p.sem && f?.sem) {
    const w = p.sem;
    const a = f.sem;
    const s1 = judgeMonthlyVisits({ visitedMonths: pending ? a.s1MonthsAny : a.s1MonthsConfirmed }, w, today);
    results.S1 = {
      test: 'S1',
      status: s1.status,
      window: w,
      figure: { kind: 'months', visited: s1.visited, required: s1.required, months: s1.months, unconfirmed: a.s1Pending * pending },
    };
    const hours = tenths(a.s2HoursConfirmed, a.s2HoursPending * pending);
    const needHours = proRated(semT.classHours, w, semWin, 0.5);
    results.S2 = {
      test: 'S2',
      status: judgeQuantity(hours, needHours, w, today),
      window: w,
      figure: { kind: 'hours', have: hours, need: needHours, unconfirmed: a.s2Pending * pending },
    };
    // S3 stays and S4 lectures: a count of activities against a pro-rated target.
    for (const [test, unit, confirmed, unconfirmed, target] of [
      ['S3', 'stays', a.s3Confirmed, a.s3Pending, semT.shadowStudies],
      ['S4', 'lectures', a.s4Confirmed, a.s4Pending, semT.lectures],
    ] as const) {
      const have = confirmed + unconfirmed * pending;
      const need = proRated(target, w, semWin);
      results[test] = {
        test,
        status: judgeQuantity(have, need, w, today),
        window: w,
        figure: { kind: 'count', unit, have, need, unconfirmed: unconfirmed * pending },
      };
    }
    const docs = {
      planSubmitted: f.year?.planSubmitted ?? false,
      doneActivities: a.doneConfirmed + a.donePending * pending,
      completeActivities: a.completeConfirmed + a.completePending * pending,
    };
    results.S5 = {
      test: 'S5',
      status: judgeDocumentation(docs, w, today),
      window: w,
      figure: { kind: 'docs', planSubmitted: docs.planSubmitted, done: docs.doneActivities, complete: docs.completeActivities },
    };
  } else {
    for (const t of SEMESTER_TESTS) results[t] = na(t);
  }
  if (p.year && f?.year) {
    const w = p.year;
    const y = f.year;
    const judgement = latestA1Judgement(y.assessment, y.inspection && { ...y.inspection, source: 'INSPECTION' });
    results.A1 = {
      test: 'A1',
      status: judgeByAssessment(judgement, w, today),
      window: w,
      figure: judgement ? { kind: 'assessment', ...judgement } : { kind: 'none' },
    };
    const rates = judgeLessonRates(
      { teachers: y.teachers, excellent: y.ratings.EXCELLENT, good: y.ratings.GOOD, pass: y.ratings.PASS, fail: y.ratings.FAIL },
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
        teachers: y.teachers,
        notEvaluated: rates.notEvaluated,
        excellentTarget: yearT.excellentRate,
        passTarget: yearT.passRate,
      },
    };
    for (const [test, kind] of Object.entries(PROGRAMME_TEST) as [TestId, string][]) {
      const prog = y.programmes[kind] ?? null;
      results[test] = {
        test,
        status: judgeProgramme(prog, w, today),
        window: w,
        figure: { kind: 'programme', hasPlan: prog?.hasPlan ?? false, records: prog?.records ?? 0, hasResults: prog?.hasResults ?? false },
      };
    }
    const needPapers = proRated(yearT.papers, w, yearWin);
    results.A6 = {
      test: 'A6',
      status: judgeQuantity(y.papers, needPapers, w, today),
      window: w,
      figure: { kind: 'count', unit: 'papers', have: y.papers, need: needPapers, unconfirmed: y.papersUnconfirmed },
    };
  } else {
    for (const t of YEAR_TESTS) results[t] = na(t);
  }
  return results;
}

/** Worst first: a pairing's risk is its number of missed tests, then at-risk ones. */
export function riskScore(p: PairingEffects) {
  let score = 0;
  for (const id of TEST_IDS) {
    const status = p.results[id]?.status;
    if (status === 'MISSED') score += 10;
    else if (status === 'AT_RISK') score += 1;
  }
  return score;
}
