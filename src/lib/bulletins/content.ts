/**
 * What a bulletin (通报) publishes about a closed period, and who it commends or asks to improve. Pure:
 * the frozen results, inspection grades and overdue rectifications come in; the content is stored
 * when the bulletin is published and never changes (docs/decisions/020). It holds names, grades and
 * statuses only: no record, no evidence, no id.
 */
import type { IsoDate } from '@/lib/time/date-only';

export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
export const GRADES: Grade[] = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];
export type ImproveReason = 'mostMissed' | 'overdueRectifications' | 'failGrade';
export type Verdict = { verdict: 'commend' | 'improve' | null; reasons: ImproveReason[] };

/** A good grade on the city's scale: what commendation asks for beside every test met. */
const GOOD_GRADES: Grade[] = ['EXCELLENT', 'GOOD'];

/**
 * To improve: most of the tests that apply were missed (more than half), a rectification is overdue,
 * or the latest inspection failed. To commend: none of that, every test that applies met, and a good
 * grade (优秀 or 良好) from an inspection in the period. Improvement wins: a pairing with an overdue
 * rectification is never commended, whatever its figures.
 */
export function judgePairing(p: { statuses: string[]; grade: Grade | null; overdueRectifications: number }): Verdict {
  const applicable = p.statuses.filter((s) => s !== 'NOT_APPLICABLE');
  const missed = applicable.filter((s) => s === 'MISSED').length;
  const reasons: ImproveReason[] = [];
  if (applicable.length > 0 && missed * 2 > applicable.length) reasons.push('mostMissed');
  if (p.overdueRectifications > 0) reasons.push('overdueRectifications');
  if (p.grade === 'FAIL') reasons.push('failGrade');
  if (reasons.length) return { verdict: 'improve', reasons };
  const allMet = applicable.length > 0 && applicable.every((s) => s === 'MET');
  if (allMet && p.grade != null && GOOD_GRADES.includes(p.grade)) return { verdict: 'commend', reasons: [] };
  return { verdict: null, reasons: [] };
}

export type County = { code: string; name: string; nameEn: string | null };
export type PairingInput = {
  county: County;
  supporting: { name: string; county: string };
  assisted: { name: string; county: string };
  /** Frozen status per test of the period. */
  results: Record<string, string>;
  /** Recorded inspections in the period of the pairing or either kindergarten. */
  inspections: { on: IsoDate; grade: Grade | null }[];
  overdueRectifications: number;
};

export type BulletinPairing = Omit<PairingInput, 'county'> & {
  county: string;
  met: string[];
  missed: string[];
  /** The latest inspection's grade in the period. */
  grade: Grade | null;
} & Verdict;

export type BulletinCounty = County & {
  pairings: number;
  allMet: number;
  commended: number;
  toImprove: number;
  /** Tests missed, summed over the county's pairings. */
  missedTests: number;
  /** Every rectification of the county's kindergartens overdue on the day of publication. */
  overdueRectifications: number;
  grades: Record<Grade, number>;
};

export type BulletinPeriod = {
  key: string;
  kind: 'SEMESTER' | 'ACADEMIC_YEAR';
  academicYear: number;
  term: 'AUTUMN' | 'SPRING' | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  closedAt: string;
};

export type BulletinContent = {
  version: 1;
  period: BulletinPeriod;
  /** The city's date the content was computed (overdue is as of this day). */
  asOf: IsoDate;
  tests: string[];
  counties: BulletinCounty[];
  pairings: BulletinPairing[];
};

const latestGrade = (inspections: PairingInput['inspections']): Grade | null =>
  [...inspections].filter((i) => i.grade).sort((a, b) => b.on.localeCompare(a.on))[0]?.grade ?? null;

/**
 * The content, per county (by the assisted kindergarten's county, as the bureau's lists group
 * pairings) and per pairing, counties in their order and pairings by name within them.
 */
export function buildContent(input: {
  period: BulletinPeriod;
  asOf: IsoDate;
  tests: string[];
  counties: (County & { overdueRectifications: number })[];
  pairings: PairingInput[];
}): BulletinContent {
  const pairings: BulletinPairing[] = input.pairings.map((p) => {
    const statuses = input.tests.map((t) => p.results[t] ?? 'NOT_APPLICABLE');
    const grade = latestGrade(p.inspections);
    return {
      county: p.county.code,
      supporting: p.supporting,
      assisted: p.assisted,
      results: Object.fromEntries(input.tests.map((t, i) => [t, statuses[i]])),
      met: input.tests.filter((t) => p.results[t] === 'MET'),
      missed: input.tests.filter((t) => p.results[t] === 'MISSED'),
      inspections: [...p.inspections].sort((a, b) => a.on.localeCompare(b.on)),
      grade,
      overdueRectifications: p.overdueRectifications,
      ...judgePairing({ statuses, grade, overdueRectifications: p.overdueRectifications }),
    };
  });
  const order = new Map(input.counties.map((c, i) => [c.code, i]));
  pairings.sort(
    (a, b) =>
      (order.get(a.county) ?? 999) - (order.get(b.county) ?? 999) ||
      a.supporting.name.localeCompare(b.supporting.name, 'zh') ||
      a.assisted.name.localeCompare(b.assisted.name, 'zh'),
  );
  const counties = input.counties.map((c) => {
    const mine = pairings.filter((p) => p.county === c.code);
    const grades = Object.fromEntries(GRADES.map((g) => [g, mine.filter((p) => p.grade === g).length])) as Record<Grade, number>;
    return {
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      pairings: mine.length,
      allMet: mine.filter((p) => p.met.length > 0 && p.met.length === Object.values(p.results).filter((s) => s !== 'NOT_APPLICABLE').length)
        .length,
      commended: mine.filter((p) => p.verdict === 'commend').length,
      toImprove: mine.filter((p) => p.verdict === 'improve').length,
      missedTests: mine.reduce((n, p) => n + p.missed.length, 0),
      overdueRectifications: c.overdueRectifications,
      grades,
    };
  });
  return { version: 1, period: input.period, asOf: input.asOf, tests: input.tests, counties, pairings };
}
