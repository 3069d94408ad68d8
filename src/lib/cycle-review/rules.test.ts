import { describe, expect, it } from 'vitest';
import {
  adviseRollover,
  comparisonRows,
  lessonRates,
  measurementDateProblem,
  rollupRows,
  semesterVerdict,
  standardAllMeets,
  standardMeetsShare,
  staffingRatio,
  type AdviceInput,
  type Figures,
  type Standard,
} from './rules';
import { pairedBars, CHART } from './chart';

const std = (c: string, m: string, t: string, ch: string) =>
  ({
    conditions: { result: c, note: '' },
    management: { result: m, note: '' },
    teachers: { result: t, note: '' },
    children: { result: ch, note: '' },
  }) as Standard;
const sem = (allMet: boolean, supportingMissed = false) => ({ allMet, supportingMissed });
const base: AdviceInput = { semesters: [], endStandard: null, grade: null, overdueRectifications: 0, questionedRecords: 0 };
const settings = { semesterMetShare: 0.8, missedShare: 0.5 };

describe('a semester of the history', () => {
  it('is met when every judged test was met; n.a. and not-yet-due are not judged', () => {
    expect(
      semesterVerdict([
        { test: 'S1', status: 'MET' },
        { test: 'S2', status: 'MET' },
        { test: 'A1', status: 'NOT_APPLICABLE' },
      ]),
    ).toEqual({
      judged: 2,
      met: 2,
      allMet: true,
      supportingMissed: false,
    });
    expect(semesterVerdict([{ test: 'S1', status: 'NOT_APPLICABLE' }])).toBeNull();
    expect(semesterVerdict([])).toBeNull();
  });
  it('counts the supporting side as missing only for its own tests (S1–S5)', () => {
    expect(
      semesterVerdict([
        { test: 'S1', status: 'MET' },
        { test: 'A2', status: 'MISSED' },
      ]),
    ).toMatchObject({ allMet: false, supportingMissed: false });
    expect(
      semesterVerdict([
        { test: 'S3', status: 'MISSED' },
        { test: 'A2', status: 'MET' },
      ]),
    ).toMatchObject({ allMet: false, supportingMissed: true });
  });
});

describe('re-pairing advice', () => {
  it('graduates when the end checklist meets the standard in every area (n.a. allowed, but not all n.a.)', () => {
    expect(adviseRollover({ ...base, endStandard: std('MEETS', 'MEETS', 'NOT_APPLICABLE', 'MEETS') }, settings).advice).toBe('GRADUATE');
    expect(adviseRollover({ ...base, endStandard: std('MEETS', 'PARTLY', 'MEETS', 'MEETS') }, settings).advice).toBe('CONTINUE');
    expect(standardAllMeets(std('NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE'))).toBe(false);
  });

  it('graduates at the met-semester share with a good grade, not below it, not with a lower grade', () => {
    const five = [sem(true), sem(true), sem(true), sem(true), sem(false)];
    // 4 of 5 is exactly 0.8: at the threshold counts (no floating-point loss).
    expect(adviseRollover({ ...base, semesters: five, grade: 'GOOD' }, settings).advice).toBe('GRADUATE');
    expect(adviseRollover({ ...base, semesters: five, grade: 'EXCELLENT' }, settings).reasons.map((r) => r.key)).toEqual([
      'semestersMet',
      'gradeGood',
    ]);
    const four = [sem(true), sem(true), sem(true), sem(false)];
    expect(adviseRollover({ ...base, semesters: four, grade: 'GOOD' }, settings).advice).toBe('CONTINUE');
    expect(adviseRollover({ ...base, semesters: four, grade: 'GOOD' }, { ...settings, semesterMetShare: 0.75 }).advice).toBe('GRADUATE');
    expect(adviseRollover({ ...base, semesters: five, grade: 'PASS' }, settings).advice).toBe('CONTINUE');
    expect(adviseRollover({ ...base, semesters: five, grade: null }, settings).advice).toBe('CONTINUE');
  });

  it('changes the supporter only above the missed share', () => {
    const half = [sem(false, true), sem(false, true), sem(true), sem(true)];
    expect(adviseRollover({ ...base, semesters: half }, settings).advice).toBe('CONTINUE');
    const most = [sem(false, true), sem(false, true), sem(false, true), sem(true)];
    const a = adviseRollover({ ...base, semesters: most }, settings);
    expect(a.advice).toBe('CHANGE_SUPPORTER');
    expect(a.reasons[0]).toEqual({ rule: 'CHANGE_SUPPORTER', key: 'supportingMissed', values: { missed: 3, closed: 4, share: 50 } });
    expect(adviseRollover({ ...base, semesters: half }, { ...settings, missedShare: 0.49 }).advice).toBe('CHANGE_SUPPORTER');
  });

  it('looks closer before anything else, and still names what else holds', () => {
    const graduating = { ...base, endStandard: std('MEETS', 'MEETS', 'MEETS', 'MEETS') };
    const a = adviseRollover({ ...graduating, overdueRectifications: 1 }, settings);
    expect(a.advice).toBe('LOOK_CLOSER');
    expect(a.applies).toEqual(['LOOK_CLOSER', 'GRADUATE']);
    expect(a.reasons.map((r) => r.rule)).toEqual(['LOOK_CLOSER', 'GRADUATE']);
    expect(adviseRollover({ ...base, questionedRecords: 2 }, settings).reasons).toEqual([
      { rule: 'LOOK_CLOSER', key: 'questionedRecords', values: { count: 2 } },
    ]);
  });

  it('graduates rather than changing the supporter when both hold', () => {
    const a = adviseRollover(
      { ...base, semesters: [sem(false, true), sem(false, true), sem(false, true)], endStandard: std('MEETS', 'MEETS', 'MEETS', 'MEETS') },
      settings,
    );
    expect(a.advice).toBe('GRADUATE');
    expect(a.applies).toEqual(['GRADUATE', 'CHANGE_SUPPORTER']);
  });

  it('continues otherwise, saying why', () => {
    expect(adviseRollover(base, settings)).toEqual({
      advice: 'CONTINUE',
      applies: ['CONTINUE'],
      reasons: [{ rule: 'CONTINUE', key: 'noClosedSemesters', values: {} }],
    });
    expect(adviseRollover({ ...base, semesters: [sem(true), sem(false)] }, settings).reasons).toEqual([
      { rule: 'CONTINUE', key: 'notYetStandard', values: { met: 1, closed: 2 } },
    ]);
  });
});

describe('when a measurement may be dated', () => {
  const cycle = { startsOn: '2023-09-01', endsOn: '2025-07-31', firstSemesterEndsOn: '2024-01-31', lastSemesterStartsOn: '2025-02-01' };
  it('takes a baseline at the start and an end measurement at the end, never in the future', () => {
    expect(measurementDateProblem('BASELINE', '2023-09-10', cycle, '2026-01-01', null)).toBeNull();
    expect(measurementDateProblem('BASELINE', '2023-05-04', cycle, '2026-01-01', null)).toBeNull();
    expect(measurementDateProblem('BASELINE', '2023-05-03', cycle, '2026-01-01', null)).toMatchObject({ key: 'baselineWindow' });
    expect(measurementDateProblem('BASELINE', '2024-02-01', cycle, '2026-01-01', null)).toMatchObject({ key: 'baselineWindow' });
    expect(measurementDateProblem('END', '2025-01-31', cycle, '2026-01-01', null)).toMatchObject({
      key: 'endWindow',
      values: { from: '2025-02-01', to: '2025-11-28' },
    });
    expect(measurementDateProblem('END', '2025-07-20', cycle, '2026-01-01', null)).toBeNull();
    expect(measurementDateProblem('END', '2025-07-20', cycle, '2025-07-19', null)).toEqual({ key: 'future' });
  });
  it('keeps the baseline before the end', () => {
    const shortCycle = { ...cycle, firstSemesterEndsOn: '2025-06-30', lastSemesterStartsOn: '2023-09-01' };
    expect(measurementDateProblem('END', '2024-01-01', shortCycle, '2026-01-01', '2024-01-01')).toEqual({
      key: 'order',
      values: { date: '2024-01-01' },
    });
    expect(measurementDateProblem('BASELINE', '2024-03-01', shortCycle, '2026-01-01', '2024-02-01')).toMatchObject({ key: 'order' });
  });
});

describe('figures and the before/after table', () => {
  it('computes the staffing ratio and lesson rates over the latest rated lessons', () => {
    expect(staffingRatio(173, 13)).toBe(13.3);
    expect(staffingRatio(10, 0)).toBeNull();
    expect(lessonRates({ EXCELLENT: 1, GOOD: 1, PASS: 1, FAIL: 1 })).toEqual({ excellentRate: 0.25, passRate: 0.75, teachersRated: 4 });
    expect(lessonRates({ EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 })).toEqual({ excellentRate: null, passRate: null, teachersRated: 0 });
  });
  it('sets the same measures side by side, the standard as a share of the areas that apply', () => {
    const f = (o: Partial<Figures>): Figures => ({
      children: 100,
      teachers: 10,
      classes: 4,
      staffingRatio: 10,
      qualifiedTeachers: null,
      excellentRate: null,
      passRate: null,
      teachersRated: 0,
      inspectionGrade: null,
      inspectedOn: null,
      testsYear: null,
      testsMet: 0,
      testsJudged: 0,
      ...o,
    });
    const rows = comparisonRows(
      {
        figures: f({ excellentRate: 0.1, testsMet: 2, testsJudged: 6, inspectionGrade: 'PASS' }),
        standard: std('FAILS', 'PARTLY', 'MEETS', 'NOT_APPLICABLE'),
      },
      {
        figures: f({ excellentRate: 0.4, testsMet: 6, testsJudged: 6, inspectionGrade: 'GOOD' }),
        standard: std('MEETS', 'MEETS', 'MEETS', 'PARTLY'),
      },
    );
    expect(Object.fromEntries(rows.map((r) => [r.key, [r.before, r.after]]))).toEqual({
      staffingRatio: [10, 10],
      qualifiedTeachers: [null, null],
      excellentRate: [0.1, 0.4],
      passRate: [null, null],
      inspectionGrade: ['PASS', 'GOOD'],
      testsMetShare: [0.333, 1],
      standardMeetsShare: [0.333, 0.75],
    });
    expect(comparisonRows(null, null).every((r) => r.before === null && r.after === null)).toBe(true);
    expect(standardMeetsShare(std('NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE'))).toBeNull();
  });
  it('rolls up averages and shares, nothing where nothing was compared', () => {
    const m = { n: 2, staffing: 14.25, excellent: 0.2, pass: 0.9, tests: 0.5, meets: 3, applicable: 8, good: 1, graded: 2 };
    const rows = rollupRows(m, { ...m, excellent: 0.45, meets: 7 });
    expect(rows.find((r) => r.key === 'staffingRatio')).toMatchObject({ before: 14.3 });
    expect(rows.find((r) => r.key === 'standardMeetsShare')).toMatchObject({ before: 0.375, after: 0.875 });
    expect(rows.find((r) => r.key === 'goodGradeShare')).toMatchObject({ before: 0.5 });
    expect(rollupRows(null, null).every((r) => r.before === null && r.after === null)).toBe(true);
  });
});

describe('the before/after chart', () => {
  it('draws bars in proportion, none for a missing value, never past the plot', () => {
    const { groups, plotWidth, height } = pairedBars([
      { key: 'a', label: 'A', before: 0.25, after: 1.2 },
      { key: 'b', label: 'B', before: null, after: 0.5 },
    ]);
    expect(groups[0].before!.width).toBeCloseTo(plotWidth / 4, 1);
    expect(groups[0].after!.width).toBe(plotWidth);
    expect(groups[1].before).toBeNull();
    expect(groups[1].after!.y).toBeGreaterThan(groups[0].after!.y);
    expect(height).toBeGreaterThan(groups[1].after!.y + CHART.bar);
  });
});
