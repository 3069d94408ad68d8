/**
 * The end of a cycle, pure (issue 14, docs/decisions/026): how a semester of the history reads, the
 * re-pairing advice and its precedence, when a measurement may be dated, and the figures a measurement
 * keeps. Dates are the city's calendar dates ('YYYY-MM-DD'); today comes in from the caller.
 */
import { addDays } from '@/lib/cycles/periods';
import type { IsoDate } from '@/lib/time/date-only';

export type AdviceKind = 'CONTINUE' | 'GRADUATE' | 'CHANGE_SUPPORTER' | 'LOOK_CLOSER';
export const ADVICE_KINDS: AdviceKind[] = ['CONTINUE', 'GRADUATE', 'CHANGE_SUPPORTER', 'LOOK_CLOSER'];
/** Which advice wins when several rules hold: first in this list. */
export const PRECEDENCE: AdviceKind[] = ['LOOK_CLOSER', 'GRADUATE', 'CHANGE_SUPPORTER', 'CONTINUE'];

export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
export const GRADES: Grade[] = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];
export type AreaResult = 'MEETS' | 'PARTLY' | 'FAILS' | 'NOT_APPLICABLE';
export const AREA_RESULTS: AreaResult[] = ['MEETS', 'PARTLY', 'FAILS', 'NOT_APPLICABLE'];
/** The four target areas of the seeds, as the municipal quality-kindergarten standard is checked. */
export const AREAS = ['conditions', 'management', 'teachers', 'children'] as const;
export type Area = (typeof AREAS)[number];
export type Standard = Record<Area, { result: AreaResult; note: string }>;

const SUPPORTING_TESTS = new Set(['S1', 'S2', 'S3', 'S4', 'S5']);
/** A frozen status that judged the test (a closed period holds final statuses; others are not counted). */
const JUDGED = new Set(['MET', 'MISSED', 'ON_TRACK', 'AT_RISK']);

// ---- the two-year history ----

export type SemesterTests = { test: string; status: string }[];
export type SemesterVerdict = { judged: number; met: number; allMet: boolean; supportingMissed: boolean };

/**
 * A closed semester as the history reads it: its S tests, and on the semester that ends an academic
 * year that year's A tests too. It is "met" when every judged test was met; the supporting side
 * "missed" it when any of its S tests was missed. Null when nothing was judged (no row, all n.a.).
 */
export function semesterVerdict(tests: SemesterTests): SemesterVerdict | null {
  const judged = tests.filter((t) => JUDGED.has(t.status));
  if (judged.length === 0) return null;
  const met = judged.filter((t) => t.status === 'MET').length;
  return {
    judged: judged.length,
    met,
    allMet: met === judged.length,
    supportingMissed: judged.some((t) => SUPPORTING_TESTS.has(t.test) && t.status === 'MISSED'),
  };
}

// ---- the advice ----

export type AdviceSettings = {
  /** GRADUATE: at least this share of the closed semesters met. */
  semesterMetShare: number;
  /** CHANGE_SUPPORTER: the supporting side missed in more than this share of the closed semesters. */
  missedShare: number;
};
export const DEFAULT_ADVICE_SETTINGS: AdviceSettings = { semesterMetShare: 0.8, missedShare: 0.5 };

export type AdviceInput = {
  /** Closed semesters of the pairing's cycle that judged something. */
  semesters: Pick<SemesterVerdict, 'allMet' | 'supportingMissed'>[];
  /** The confirmed END measurement's checklist; an unconfirmed one does not count. */
  endStandard: Standard | null;
  /** The confirmed END measurement's inspection grade, else the latest recorded one. */
  grade: Grade | null;
  overdueRectifications: number;
  questionedRecords: number;
};

export type ReasonKey =
  | 'overdueRectifications'
  | 'questionedRecords'
  | 'standardAllMeets'
  | 'semestersMet'
  | 'gradeGood'
  | 'supportingMissed'
  | 'notYetStandard'
  | 'noClosedSemesters';
export type AdviceReason = { rule: AdviceKind; key: ReasonKey; values: Record<string, string | number> };
export type Advice = { advice: AdviceKind; reasons: AdviceReason[]; applies: AdviceKind[] };

/** a/b ≥ share, in whole hundredths so that 4 of 5 against 0.8 is not lost to floating point. */
const atLeast = (a: number, b: number, share: number) => a * 100 >= Math.round(share * 100) * b;
const moreThan = (a: number, b: number, share: number) => a * 100 > Math.round(share * 100) * b;
const percent = (share: number) => Math.round(share * 100);

/** Every area meets the standard (or does not apply), and at least one meets. */
export function standardAllMeets(s: Standard | null): boolean {
  if (!s) return false;
  const results = AREAS.map((a) => s[a]?.result);
  return results.every((r) => r === 'MEETS' || r === 'NOT_APPLICABLE') && results.includes('MEETS');
}

/**
 * The re-pairing advice. Each rule that holds adds its reasons; the advice is the first of them in
 * PRECEDENCE: look closer before anything (records in doubt make the rest unreliable), then graduate
 * (an assisted kindergarten at the standard needs no new supporter), then change the supporter, else
 * continue.
 */
export function adviseRollover(input: AdviceInput, settings: AdviceSettings): Advice {
  const reasons: AdviceReason[] = [];
  const closed = input.semesters.length;
  const met = input.semesters.filter((s) => s.allMet).length;
  const missed = input.semesters.filter((s) => s.supportingMissed).length;

  if (input.overdueRectifications > 0)
    reasons.push({ rule: 'LOOK_CLOSER', key: 'overdueRectifications', values: { count: input.overdueRectifications } });
  if (input.questionedRecords > 0)
    reasons.push({ rule: 'LOOK_CLOSER', key: 'questionedRecords', values: { count: input.questionedRecords } });

  if (standardAllMeets(input.endStandard)) reasons.push({ rule: 'GRADUATE', key: 'standardAllMeets', values: {} });
  else if (closed > 0 && atLeast(met, closed, settings.semesterMetShare) && (input.grade === 'EXCELLENT' || input.grade === 'GOOD')) {
    reasons.push({ rule: 'GRADUATE', key: 'semestersMet', values: { met, closed, share: percent(settings.semesterMetShare) } });
    reasons.push({ rule: 'GRADUATE', key: 'gradeGood', values: { grade: input.grade } });
  }

  if (closed > 0 && moreThan(missed, closed, settings.missedShare))
    reasons.push({ rule: 'CHANGE_SUPPORTER', key: 'supportingMissed', values: { missed, closed, share: percent(settings.missedShare) } });

  const applies = PRECEDENCE.filter((k) => reasons.some((r) => r.rule === k));
  const advice = applies[0] ?? 'CONTINUE';
  if (advice === 'CONTINUE')
    reasons.push(
      closed === 0
        ? { rule: 'CONTINUE', key: 'noClosedSemesters', values: {} }
        : { rule: 'CONTINUE', key: 'notYetStandard', values: { met, closed } },
    );
  // The winner's reasons first, the others after it in precedence order.
  const order = (r: AdviceReason) => (r.rule === advice ? -1 : PRECEDENCE.indexOf(r.rule));
  return { advice, reasons: reasons.sort((a, b) => order(a) - order(b)), applies: applies.length ? applies : ['CONTINUE'] };
}

// ---- measurements ----

export type MeasurementKind = 'BASELINE' | 'END';

/** How far before the cycle a baseline, and after it an end measurement, may be dated. */
export const MEASUREMENT_MARGIN_DAYS = 120;

export type CycleDates = { startsOn: IsoDate; endsOn: IsoDate; firstSemesterEndsOn: IsoDate; lastSemesterStartsOn: IsoDate };

export type DateProblem =
  | { key: 'future' }
  | { key: 'baselineWindow'; values: { from: IsoDate; to: IsoDate } }
  | { key: 'endWindow'; values: { from: IsoDate; to: IsoDate } }
  | { key: 'order'; values: { date: IsoDate } };

/**
 * A baseline is taken at the start (from a little before the cycle to the end of its first semester),
 * an end measurement at the end (from the start of the last semester to a little after); neither in
 * the future, and the baseline before the end.
 */
export function measurementDateProblem(
  kind: MeasurementKind,
  measuredOn: IsoDate,
  cycle: CycleDates,
  today: IsoDate,
  other: IsoDate | null,
): DateProblem | null {
  if (measuredOn > today) return { key: 'future' };
  if (kind === 'BASELINE') {
    const from = addDays(cycle.startsOn, -MEASUREMENT_MARGIN_DAYS);
    if (measuredOn < from || measuredOn > cycle.firstSemesterEndsOn)
      return { key: 'baselineWindow', values: { from, to: cycle.firstSemesterEndsOn } };
    if (other && measuredOn >= other) return { key: 'order', values: { date: other } };
  } else {
    const to = addDays(cycle.endsOn, MEASUREMENT_MARGIN_DAYS);
    if (measuredOn < cycle.lastSemesterStartsOn || measuredOn > to)
      return { key: 'endWindow', values: { from: cycle.lastSemesterStartsOn, to } };
    if (other && measuredOn <= other) return { key: 'order', values: { date: other } };
  }
  return null;
}

/** What a measurement keeps, as it stood on the day measured. */
export type Figures = {
  children: number;
  teachers: number;
  classes: number;
  /** Children per teacher (the registry's counts), one decimal. */
  staffingRatio: number | null;
  /** Entered by whoever measured: the registry does not hold qualifications. */
  qualifiedTeachers: number | null;
  /** Of the teachers rated in the twelve months up to the day, by their latest rated lesson. */
  excellentRate: number | null;
  passRate: number | null;
  teachersRated: number;
  inspectionGrade: Grade | null;
  inspectedOn: IsoDate | null;
  /** The assisted side's tests (A1–A6) of the last academic year closed by the day, from the frozen results. */
  testsYear: number | null;
  testsMet: number;
  testsJudged: number;
};

export function staffingRatio(children: number, teachers: number): number | null {
  return teachers > 0 ? Math.round((children / teachers) * 10) / 10 : null;
}

/** Rates over the teachers' latest rated lessons: excellent, and at least a pass. */
export function lessonRates(latest: { EXCELLENT: number; GOOD: number; PASS: number; FAIL: number }) {
  const rated = latest.EXCELLENT + latest.GOOD + latest.PASS + latest.FAIL;
  if (rated === 0) return { excellentRate: null, passRate: null, teachersRated: 0 };
  const r = (n: number) => Math.round((n / rated) * 1000) / 1000;
  return { excellentRate: r(latest.EXCELLENT), passRate: r(rated - latest.FAIL), teachersRated: rated };
}

// ---- before and after ----

export type Unit = 'ratio' | 'count' | 'percent' | 'grade';
export type ComparisonKey =
  'staffingRatio' | 'qualifiedTeachers' | 'excellentRate' | 'passRate' | 'inspectionGrade' | 'testsMetShare' | 'standardMeetsShare';
export type ComparisonRow = { key: ComparisonKey; unit: Unit; before: number | string | null; after: number | string | null };

/** Share of the applicable areas that meet the standard (null when none applies). */
export function standardMeetsShare(s: Standard | null): number | null {
  if (!s) return null;
  const applicable = AREAS.filter((a) => s[a]?.result && s[a].result !== 'NOT_APPLICABLE');
  if (applicable.length === 0) return null;
  return Math.round((applicable.filter((a) => s[a].result === 'MEETS').length / applicable.length) * 1000) / 1000;
}

export const testsMetShare = (f: Pick<Figures, 'testsMet' | 'testsJudged'> | null) =>
  f && f.testsJudged > 0 ? Math.round((f.testsMet / f.testsJudged) * 1000) / 1000 : null;

type Side = { figures: Figures; standard: Standard } | null;

/** The before/after table of one pairing: the same measures side by side. */
export function comparisonRows(before: Side, after: Side): ComparisonRow[] {
  const pick = <T>(s: Side, f: (x: NonNullable<Side>) => T) => (s ? f(s) : null);
  return [
    {
      key: 'staffingRatio',
      unit: 'ratio',
      before: pick(before, (s) => s.figures.staffingRatio),
      after: pick(after, (s) => s.figures.staffingRatio),
    },
    {
      key: 'qualifiedTeachers',
      unit: 'count',
      before: pick(before, (s) => s.figures.qualifiedTeachers),
      after: pick(after, (s) => s.figures.qualifiedTeachers),
    },
    {
      key: 'excellentRate',
      unit: 'percent',
      before: pick(before, (s) => s.figures.excellentRate),
      after: pick(after, (s) => s.figures.excellentRate),
    },
    { key: 'passRate', unit: 'percent', before: pick(before, (s) => s.figures.passRate), after: pick(after, (s) => s.figures.passRate) },
    {
      key: 'inspectionGrade',
      unit: 'grade',
      before: pick(before, (s) => s.figures.inspectionGrade),
      after: pick(after, (s) => s.figures.inspectionGrade),
    },
    {
      key: 'testsMetShare',
      unit: 'percent',
      before: pick(before, (s) => testsMetShare(s.figures)),
      after: pick(after, (s) => testsMetShare(s.figures)),
    },
    {
      key: 'standardMeetsShare',
      unit: 'percent',
      before: pick(before, (s) => standardMeetsShare(s.standard)),
      after: pick(after, (s) => standardMeetsShare(s.standard)),
    },
  ];
}

// ---- roll-up per county and for the city ----

/** Averages of the confirmed measurements of one kind over the pairings compared (both confirmed). */
export type MeasureAverages = {
  n: number;
  staffing: number | null;
  excellent: number | null;
  pass: number | null;
  tests: number | null;
  /** Areas meeting the standard, of the areas that apply, summed over the pairings. */
  meets: number;
  applicable: number;
  /** Measurements whose inspection grade was good or excellent, of those with a grade. */
  good: number;
  graded: number;
};

export type RollupKey = 'staffingRatio' | 'excellentRate' | 'passRate' | 'testsMetShare' | 'standardMeetsShare' | 'goodGradeShare';
export type RollupRow = { key: RollupKey; unit: 'ratio' | 'percent'; before: number | null; after: number | null };

const round3 = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 1000);
const ratio = (a: number, b: number) => (b > 0 ? round3(a / b) : null);

export function rollupRows(before: MeasureAverages | null, after: MeasureAverages | null): RollupRow[] {
  const row = (key: RollupKey, unit: 'ratio' | 'percent', f: (m: MeasureAverages) => number | null): RollupRow => ({
    key,
    unit,
    before: before ? f(before) : null,
    after: after ? f(after) : null,
  });
  return [
    row('staffingRatio', 'ratio', (m) => (m.staffing == null ? null : Math.round(m.staffing * 10) / 10)),
    row('excellentRate', 'percent', (m) => round3(m.excellent)),
    row('passRate', 'percent', (m) => round3(m.pass)),
    row('testsMetShare', 'percent', (m) => round3(m.tests)),
    row('standardMeetsShare', 'percent', (m) => ratio(m.meets, m.applicable)),
    row('goodGradeShare', 'percent', (m) => ratio(m.good, m.graded)),
  ];
}
