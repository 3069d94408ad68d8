/**
 * The effect tests (效果检测) of DOMAIN.md as pure rules. Figures are aggregated in the database
 * (see queries.ts); these functions only judge them against a threshold and the time left.
 *
 * Dates are local calendar dates in the city's time zone ('YYYY-MM-DD'), inclusive. The window
 * is the test's period (semester or academic year) clipped to the dates the pairing was active.
 */

export type TestId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6';
export type Side = 'SUPPORTING' | 'ASSISTED';
export type PeriodKind = 'SEMESTER' | 'ACADEMIC_YEAR';
export type Status = 'MET' | 'ON_TRACK' | 'AT_RISK' | 'MISSED' | 'NOT_YET_DUE';
export type IsoDate = string;
export type Window = { from: IsoDate; to: IsoDate };

export type Thresholds = {
  /** S2: class hours sent per semester. */
  classHours: number;
  /** S3: follow-up study stays hosted per semester. */
  shadowStudies: number;
  /** S4: special lectures per semester. */
  lectures: number;
  /** A2: share of teachers whose latest evaluated lesson is excellent. */
  excellentRate: number;
  /** A2: share of teachers whose latest evaluated lesson is at least a pass. */
  passRate: number;
  /** A6: papers or awards at municipal level or above per academic year. */
  papers: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = { classHours: 10, shadowStudies: 1, lectures: 2, excellentRate: 0.3, passRate: 1, papers: 1 };

export const TESTS: Record<TestId, { side: Side; period: PeriodKind; judgement?: boolean }> = {
  S1: { side: 'SUPPORTING', period: 'SEMESTER' },
  S2: { side: 'SUPPORTING', period: 'SEMESTER' },
  S3: { side: 'SUPPORTING', period: 'SEMESTER' },
  S4: { side: 'SUPPORTING', period: 'SEMESTER' },
  S5: { side: 'SUPPORTING', period: 'SEMESTER' },
  A1: { side: 'ASSISTED', period: 'ACADEMIC_YEAR', judgement: true },
  A2: { side: 'ASSISTED', period: 'ACADEMIC_YEAR' },
  A3: { side: 'ASSISTED', period: 'ACADEMIC_YEAR' },
  A4: { side: 'ASSISTED', period: 'ACADEMIC_YEAR' },
  A5: { side: 'ASSISTED', period: 'ACADEMIC_YEAR' },
  A6: { side: 'ASSISTED', period: 'ACADEMIC_YEAR' },
};

/**
 * What is left can still be done if it needs at most this multiple of the even pace.
 * E.g. 10 hours a semester of five months: with one month left (20 %) and 4 hours done, 6 are
 * needed where 1.5 × 10 × 20 % = 3 could be expected → at risk.
 */
export const PACE_SLACK = 1.5;
/** S1: a month counts only if the window covers at least this many of its days. */
export const MIN_DAYS_FOR_A_MONTH = 14;
/** S1: the current month turns "at risk" when this few days are left without a visit. */
export const VISIT_WARNING_DAYS = 7;

// ---- calendar arithmetic on local dates ----
const DAY = 86_400_000;
// A city dashboard judges 2,500 pairings against the same few dates: parse each date once.
const dayNumbers = new Map<IsoDate, number>();
function toUtc(d: IsoDate) {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    if (dayNumbers.size > 5000) dayNumbers.clear();
    n = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
    dayNumbers.set(d, n);
  }
  return n;
}
export function daysBetween(from: IsoDate, to: IsoDate) {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}
/** Inclusive length in days. */
export function windowDays(w: Window) {
  return daysBetween(w.from, w.to) + 1;
}
function monthEnd(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
type MonthSlice = {
  readonly month: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  /** The window covers all of it. */ readonly whole: boolean;
};
// A dashboard asks for the same few windows thousands of times (every pairing active all
// semester shares one): computed once each, shared read-only.
const monthsCache = new Map<string, readonly MonthSlice[]>();

/** 'YYYY-MM' months the window touches, with how many of their days it covers. */
export function monthsOf(w: Window): readonly MonthSlice[] {
  const key = `${w.from}|${w.to}`;
  let months = monthsCache.get(key);
  if (!months) {
    if (monthsCache.size > 1000) monthsCache.clear();
    months = Object.freeze(computeMonths(w));
    monthsCache.set(key, months);
  }
  return months;
}

function computeMonths(w: Window): MonthSlice[] {
  const out = [];
  let month = w.from.slice(0, 7);
  while (`${month}-01` <= w.to) {
    const from = `${month}-01` < w.from ? w.from : `${month}-01`;
    const to = monthEnd(month) > w.to ? w.to : monthEnd(month);
    out.push({ month, from, to, days: daysBetween(from, to) + 1, whole: from === `${month}-01` && to === monthEnd(month) });
    const [y, m] = month.split('-').map(Number);
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}

/**
 * The window as a run of whole local months (the database reads them from its monthly rollup) and
 * the partial months at its edges (read activity by activity). Semesters of whole months leave no
 * edges; a pairing that started on the 10th has one.
 */
export function splitWindow(w: Window): { whole: { first: string; last: string } | null; partial: Window[] } {
  const months = monthsOf(w);
  const whole = months.filter((m) => m.whole);
  return {
    whole: whole.length ? { first: whole[0].month, last: whole[whole.length - 1].month } : null,
    partial: months.filter((m) => !m.whole).map((m) => ({ from: m.from, to: m.to })),
  };
}

/**
 * A pairing active for only part of the period owes the same share of the period's target,
 * rounded up to `step` (0.5 class hour, one lecture).
 */
export function proRated(target: number, active: Window, period: Window, step = 1) {
  const share = Math.min(1, windowDays(active) / windowDays(period));
  return Math.ceil((target * share) / step - 1e-9) * step;
}

// ---- judgements ----

/** A quantity to reach by the end of the window (hours, lectures, papers…). */
export function judgeQuantity(have: number, need: number, w: Window, today: IsoDate): Status {
  if (today < w.from) return 'NOT_YET_DUE';
  if (have >= need) return 'MET';
  if (today > w.to) return 'MISSED';
  const remainingShare = (daysBetween(today, w.to) + 1) / windowDays(w);
  return need - have <= PACE_SLACK * need * remainingShare ? 'ON_TRACK' : 'AT_RISK';
}

export type MonthlyVisits = { visitedMonths: string[] };
export type MonthlyResult = {
  status: Status;
  /** Months that count (see MIN_DAYS_FOR_A_MONTH) with whether each was visited. */
  months: { month: string; visited: boolean; due: boolean }[];
  visited: number;
  required: number;
};

/** S1: someone observes the assisted kindergarten's day every month. A missed month cannot be made up. */
export function judgeMonthlyVisits(input: MonthlyVisits, w: Window, today: IsoDate): MonthlyResult {
  const visited = new Set(input.visitedMonths);
  const months = monthsOf(w)
    .filter((m) => m.days >= MIN_DAYS_FOR_A_MONTH)
    .map((m) => ({ month: m.month, to: m.to, visited: visited.has(m.month), due: m.to < today }));
  const result = (status: Status): MonthlyResult => ({
    status,
    months: months.map(({ month, visited, due }) => ({ month, visited, due })),
    visited: months.filter((m) => m.visited).length,
    required: months.length,
  });
  if (today < w.from) return result('NOT_YET_DUE');
  if (months.some((m) => m.due && !m.visited)) return result('MISSED');
  if (months.every((m) => m.visited)) return result(months.length > 0 || today > w.to ? 'MET' : 'ON_TRACK');
  const current = months.find((m) => !m.due && m.month === today.slice(0, 7));
  if (current && !current.visited && daysBetween(today, current.to) + 1 <= VISIT_WARNING_DAYS) return result('AT_RISK');
  return result('ON_TRACK');
}

export type Documentation = { planSubmitted: boolean; doneActivities: number; completeActivities: number };

/** S5: an annual plan and, for every activity done, its plan, measures, record and summary. */
export function judgeDocumentation(d: Documentation, w: Window, today: IsoDate): Status {
  if (today < w.from) return 'NOT_YET_DUE';
  const complete = d.planSubmitted && d.completeActivities === d.doneActivities;
  if (today > w.to) return complete && d.doneActivities > 0 ? 'MET' : 'MISSED';
  if (!complete) return 'AT_RISK';
  return 'ON_TRACK';
}

export type TeacherRatings = {
  /** Active teachers of the assisted kindergarten. */
  teachers: number;
  /** Teachers whose latest evaluated lesson in the academic year has this rating. */
  excellent: number;
  good: number;
  pass: number;
  fail: number;
};
export type RatesResult = { status: Status; excellentRate: number | null; passRate: number | null; notEvaluated: number };

/**
 * A2, per teacher: each teacher counts once, with the rating of their latest evaluated lesson of
 * the academic year. Rates are over all active teachers, so a teacher not yet evaluated keeps the
 * pass rate below 100 % (a kindergarten cannot reach it by leaving weak lessons unevaluated).
 */
export function judgeLessonRates(
  r: TeacherRatings,
  thresholds: Pick<Thresholds, 'excellentRate' | 'passRate'>,
  w: Window,
  today: IsoDate,
): RatesResult {
  const evaluated = r.excellent + r.good + r.pass + r.fail;
  const notEvaluated = Math.max(0, r.teachers - evaluated);
  const excellentRate = r.teachers > 0 ? r.excellent / r.teachers : null;
  const passRate = r.teachers > 0 ? (r.excellent + r.good + r.pass) / r.teachers : null;
  const result = (status: Status): RatesResult => ({ status, excellentRate, passRate, notEvaluated });
  if (today < w.from) return result('NOT_YET_DUE');
  const met =
    excellentRate != null && passRate != null && excellentRate >= thresholds.excellentRate - 1e-9 && passRate >= thresholds.passRate - 1e-9;
  if (met) return result('MET');
  if (today > w.to) return result('MISSED');
  // A failed lesson, or targets still far off with a quarter of the year left, needs attention now.
  const lateInYear = (daysBetween(today, w.to) + 1) / windowDays(w) <= 0.25;
  return result(r.fail > 0 || r.teachers === 0 || lateInYear ? 'AT_RISK' : 'ON_TRACK');
}

export type Programme = { hasPlan: boolean; records: number; hasResults: boolean };

/** A3–A5: a programme with a plan, dated records of its sessions or events, and results. */
export function judgeProgramme(p: Programme | null, w: Window, today: IsoDate): Status {
  if (today < w.from) return 'NOT_YET_DUE';
  const complete = !!p && p.hasPlan && p.records > 0 && p.hasResults;
  if (complete) return 'MET';
  if (today > w.to) return 'MISSED';
  const share = (daysBetween(today, w.to) + 1) / windowDays(w);
  if (!p || !p.hasPlan) return share > 0.75 ? 'ON_TRACK' : 'AT_RISK';
  if (p.records === 0) return share > 0.5 ? 'ON_TRACK' : 'AT_RISK';
  return share > 0.25 ? 'ON_TRACK' : 'AT_RISK';
}

export type Judgement = { outcome: 'PASS' | 'FAIL'; on: IsoDate; source: 'INSPECTION' | 'ATTESTATION'; inspectionId?: string } | null;

/**
 * A1's evidence: the later of the latest A1 assessment (an inspection or an attestation entered as such)
 * and the latest recorded inspection's A1 items. On the same day the recorded inspection wins: its
 * checklist is the bureau's full record of the visit (docs/decisions/017). A later attestation or
 * assessment still decides, as before.
 */
export function latestA1Judgement(assessment: Judgement, inspection: Judgement): Judgement {
  if (!inspection) return assessment;
  if (!assessment) return inspection;
  return assessment.on > inspection.on ? assessment : inspection;
}

/**
 * A1 needs a person's judgement: the latest inspection (or a director's attestation with evidence)
 * in the window decides. Without one there is no figure to show, and the test says so.
 */
export function judgeByAssessment(j: Judgement, w: Window, today: IsoDate): Status {
  if (today < w.from) return 'NOT_YET_DUE';
  if (j && j.on >= w.from && j.on <= w.to) return j.outcome === 'PASS' ? 'MET' : 'MISSED';
  return today > w.to ? 'MISSED' : 'AT_RISK';
}
