import { describe, expect, it } from 'vitest';
import {
  judgeByAssessment,
  latestA1Judgement,
  judgeDocumentation,
  judgeLessonRates,
  judgeMonthlyVisits,
  judgeProgramme,
  judgeQuantity,
  monthsOf,
  proRated,
  splitWindow,
  DEFAULT_THRESHOLDS,
  type Window,
} from './rules';

const autumn: Window = { from: '2026-09-01', to: '2027-01-31' }; // 153 days
const year: Window = { from: '2026-09-01', to: '2027-07-31' };

describe('judgeQuantity (S2 class hours, S3, S4 lectures, A6 papers)', () => {
  it('is met exactly at the threshold and not one below', () => {
    expect(judgeQuantity(10, 10, autumn, '2026-11-01')).toBe('MET');
    expect(judgeQuantity(9.5, 10, autumn, '2027-01-31')).toBe('AT_RISK');
    expect(judgeQuantity(9.5, 10, autumn, '2027-02-01')).toBe('MISSED');
    expect(judgeQuantity(10, 10, autumn, '2027-02-01')).toBe('MET');
  });
  it('is not yet due before the period starts, even with nothing done', () => {
    expect(judgeQuantity(0, 10, autumn, '2026-08-31')).toBe('NOT_YET_DUE');
  });
  it('an empty period early on is on track', () => {
    expect(judgeQuantity(0, 10, autumn, '2026-09-10')).toBe('ON_TRACK');
  });
  it('4 class hours with one month left is at risk (the example of the brief)', () => {
    expect(judgeQuantity(4, 10, autumn, '2027-01-01')).toBe('AT_RISK');
  });
  it('judges the pace: 4 hours with two months left is on track, one month later it is not', () => {
    // 62 of 153 days left: 6 needed ≤ 1.5 × 10 × 0.405 = 6.08
    expect(judgeQuantity(4, 10, autumn, '2026-12-01')).toBe('ON_TRACK');
    expect(judgeQuantity(4, 10, autumn, '2026-12-15')).toBe('AT_RISK');
  });
  it('one of two lectures: on track with half the semester left, at risk in the last weeks', () => {
    expect(judgeQuantity(1, 2, autumn, '2026-11-15')).toBe('ON_TRACK');
    expect(judgeQuantity(1, 2, autumn, '2027-01-10')).toBe('AT_RISK');
  });
});

describe('proRated: a pairing that ended mid-semester owes a share of the target', () => {
  it('rounds up to the step', () => {
    // active 1 Sep – 15 Nov = 76 of 153 days → 4.97 hours → 5
    expect(proRated(10, { from: '2026-09-01', to: '2026-11-15' }, autumn, 0.5)).toBe(5);
    expect(proRated(2, { from: '2026-09-01', to: '2026-11-15' }, autumn)).toBe(1);
  });
  it('a full period owes the full target', () => {
    expect(proRated(10, autumn, autumn, 0.5)).toBe(10);
  });
});

describe('judgeMonthlyVisits (S1)', () => {
  const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
  it('lists the semester months', () => {
    expect(monthsOf(autumn).map((m) => m.month)).toEqual(months);
  });
  it('every month visited is met; the figure counts visited of required', () => {
    const r = judgeMonthlyVisits({ visitedMonths: months }, autumn, '2027-02-01');
    expect(r).toMatchObject({ status: 'MET', visited: 5, required: 5 });
  });
  it('a past month without a visit is missed, whatever comes after', () => {
    const r = judgeMonthlyVisits({ visitedMonths: ['2026-09', '2026-11'] }, autumn, '2026-11-20');
    expect(r.status).toBe('MISSED');
    expect(r.months.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', visited: false, due: true });
  });
  it('the current month unvisited is on track until its last week, then at risk', () => {
    const visited = { visitedMonths: ['2026-09', '2026-10'] };
    expect(judgeMonthlyVisits(visited, autumn, '2026-11-23').status).toBe('ON_TRACK'); // 8 days left
    expect(judgeMonthlyVisits(visited, autumn, '2026-11-24').status).toBe('AT_RISK'); // 7 days left
  });
  it('the last day of the month still counts as that month', () => {
    const r = judgeMonthlyVisits({ visitedMonths: ['2026-09', '2026-10'] }, autumn, '2026-10-31');
    expect(r.status).toBe('ON_TRACK');
  });
  it('is not yet due before the semester', () => {
    expect(judgeMonthlyVisits({ visitedMonths: [] }, autumn, '2026-08-31').status).toBe('NOT_YET_DUE');
  });
  it('a pairing that ended mid-month owes no visit for a sliver of under 14 days', () => {
    const active = { from: '2026-09-01', to: '2026-11-10' };
    const r = judgeMonthlyVisits({ visitedMonths: ['2026-09', '2026-10'] }, active, '2026-12-01');
    expect(r).toMatchObject({ status: 'MET', required: 2 });
  });
});

describe('judgeDocumentation (S5)', () => {
  it('met at the end with a plan and every activity complete; missed if one lacks a part', () => {
    expect(judgeDocumentation({ planSubmitted: true, doneActivities: 4, completeActivities: 4 }, autumn, '2027-02-01')).toBe('MET');
    expect(judgeDocumentation({ planSubmitted: true, doneActivities: 4, completeActivities: 3 }, autumn, '2027-02-01')).toBe('MISSED');
  });
  it('no annual plan is at risk during the semester', () => {
    expect(judgeDocumentation({ planSubmitted: false, doneActivities: 0, completeActivities: 0 }, autumn, '2026-10-01')).toBe('AT_RISK');
  });
  it('an empty semester is missed at the end: no process records at all', () => {
    expect(judgeDocumentation({ planSubmitted: true, doneActivities: 0, completeActivities: 0 }, autumn, '2027-02-01')).toBe('MISSED');
  });
});

describe('judgeLessonRates (A2, per teacher)', () => {
  const t = DEFAULT_THRESHOLDS;
  it('met exactly at 30 % excellent and 100 % pass', () => {
    const r = judgeLessonRates({ teachers: 10, excellent: 3, good: 5, pass: 2, fail: 0 }, t, year, '2027-03-01');
    expect(r).toMatchObject({ status: 'MET', excellentRate: 0.3, passRate: 1, notEvaluated: 0 });
  });
  it('one excellent short (20 %) is not met', () => {
    const r = judgeLessonRates({ teachers: 10, excellent: 2, good: 6, pass: 2, fail: 0 }, t, year, '2027-08-01');
    expect(r.status).toBe('MISSED');
  });
  it('a teacher with no evaluated lesson keeps the pass rate below 100 %', () => {
    const r = judgeLessonRates({ teachers: 10, excellent: 3, good: 5, pass: 1, fail: 0 }, t, year, '2027-08-01');
    expect(r).toMatchObject({ status: 'MISSED', passRate: 0.9, notEvaluated: 1 });
  });
  it('a failed lesson puts the year at risk at once', () => {
    expect(judgeLessonRates({ teachers: 4, excellent: 1, good: 1, pass: 0, fail: 1 }, t, year, '2026-10-01').status).toBe('AT_RISK');
  });
  it('no teachers: no rate is invented', () => {
    expect(judgeLessonRates({ teachers: 0, excellent: 0, good: 0, pass: 0, fail: 0 }, t, year, '2026-10-01')).toMatchObject({
      excellentRate: null,
      passRate: null,
      status: 'AT_RISK',
    });
  });
  it('is not yet due before the academic year', () => {
    expect(judgeLessonRates({ teachers: 4, excellent: 0, good: 0, pass: 0, fail: 0 }, t, year, '2026-08-31').status).toBe('NOT_YET_DUE');
  });
});

describe('judgeProgramme (A3–A5)', () => {
  it('met with a plan, at least one dated record and results', () => {
    expect(judgeProgramme({ hasPlan: true, records: 1, hasResults: true }, year, '2027-03-01')).toBe('MET');
    expect(judgeProgramme({ hasPlan: true, records: 0, hasResults: true }, year, '2027-08-01')).toBe('MISSED');
  });
  it('no programme is on track in the first quarter, at risk afterwards', () => {
    expect(judgeProgramme(null, year, '2026-09-20')).toBe('ON_TRACK');
    expect(judgeProgramme(null, year, '2026-12-20')).toBe('AT_RISK');
  });
});

describe('judgeByAssessment (A1)', () => {
  it('the latest inspection in the year decides', () => {
    expect(judgeByAssessment({ outcome: 'PASS', on: '2026-11-02', source: 'INSPECTION' }, year, '2027-01-01')).toBe('MET');
    expect(judgeByAssessment({ outcome: 'FAIL', on: '2026-11-02', source: 'INSPECTION' }, year, '2027-01-01')).toBe('MISSED');
  });
  it('an inspection from last year does not count; none is at risk, then missed', () => {
    expect(judgeByAssessment({ outcome: 'PASS', on: '2026-05-02', source: 'ATTESTATION' }, year, '2027-01-01')).toBe('AT_RISK');
    expect(judgeByAssessment(null, year, '2027-08-01')).toBe('MISSED');
  });
});

describe('latestA1Judgement: a recorded inspection beside the A1 assessments', () => {
  const inspection = { outcome: 'FAIL', on: '2026-11-02', source: 'INSPECTION', inspectionId: 'i1' } as const;
  it('the recorded inspection decides over an assessment of the same or an earlier day', () => {
    expect(latestA1Judgement({ outcome: 'PASS', on: '2026-11-02', source: 'INSPECTION' }, inspection)).toBe(inspection);
    expect(latestA1Judgement({ outcome: 'PASS', on: '2026-10-01', source: 'ATTESTATION' }, inspection)).toBe(inspection);
    expect(latestA1Judgement(null, inspection)).toBe(inspection);
  });
  it('a later assessment or attestation still decides; without an inspection nothing changes', () => {
    const later = { outcome: 'PASS', on: '2026-12-01', source: 'ATTESTATION' } as const;
    expect(latestA1Judgement(later, inspection)).toBe(later);
    expect(latestA1Judgement(later, null)).toBe(later);
    expect(latestA1Judgement(null, null)).toBeNull();
  });
});

describe('splitWindow: whole months from the rollup, cut months row by row', () => {
  it('a semester of whole months has no partial edges', () => {
    expect(splitWindow({ from: '2026-09-01', to: '2027-01-31' })).toEqual({ whole: { first: '2026-09', last: '2027-01' }, partial: [] });
  });
  it('a pairing that started on the 10th and ended on the 20th: both edge months are partial', () => {
    expect(splitWindow({ from: '2026-09-10', to: '2026-12-20' })).toEqual({
      whole: { first: '2026-10', last: '2026-11' },
      partial: [
        { from: '2026-09-10', to: '2026-09-30' },
        { from: '2026-12-01', to: '2026-12-20' },
      ],
    });
  });
  it('a window inside one month is all partial', () => {
    expect(splitWindow({ from: '2027-02-03', to: '2027-02-27' })).toEqual({
      whole: null,
      partial: [{ from: '2027-02-03', to: '2027-02-27' }],
    });
  });
  it('February of a leap year ends on the 29th', () => {
    expect(splitWindow({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ whole: { first: '2028-02', last: '2028-02' }, partial: [] });
    expect(splitWindow({ from: '2028-02-01', to: '2028-02-28' }).partial).toEqual([{ from: '2028-02-01', to: '2028-02-28' }]);
  });
  it('one day', () => {
    expect(splitWindow({ from: '2026-10-31', to: '2026-10-31' })).toEqual({
      whole: null,
      partial: [{ from: '2026-10-31', to: '2026-10-31' }],
    });
  });
});
