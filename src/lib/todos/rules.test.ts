import { describe, expect, it } from 'vitest';
import { behindPace, newlyAtRiskTests } from './rules';

// Spring 2026: 1 February to 31 July, 181 days.
const spring = { from: '2026-02-01', to: '2026-07-31' };

describe('class hours behind the semester’s pace', () => {
  it('compares the hours so far with the target times the share of the semester gone', () => {
    // 1 May: 89 whole days gone of 181 → 10 × 89/181 ≈ 4.92 hours expected.
    expect(behindPace(4.5, 10, spring, '2026-05-01')).toBe(true);
    expect(behindPace(5, 10, spring, '2026-05-01')).toBe(false);
    // The exact share: 10 × 90/181 ≈ 4.97 on 2 May, so 4.97 is not enough and 5 is.
    expect(behindPace(4.97, 10, spring, '2026-05-02')).toBe(true);
    expect(behindPace(5, 10, spring, '2026-05-02')).toBe(false);
  });

  it('expects nothing on the first day, and the whole target only after the last', () => {
    expect(behindPace(0, 10, spring, '2026-02-01')).toBe(false);
    expect(behindPace(0, 10, spring, '2026-02-02')).toBe(true);
    // Last day: 180/181 of the target is due by its morning.
    expect(behindPace(9.9, 10, spring, '2026-07-31')).toBe(true);
    expect(behindPace(9.95, 10, spring, '2026-07-31')).toBe(false);
  });

  it('has no pace outside the window', () => {
    expect(behindPace(0, 10, spring, '2026-01-31')).toBe(false);
    expect(behindPace(0, 10, spring, '2026-08-01')).toBe(false);
  });

  it('follows a pairing’s clipped window and its pro-rated target', () => {
    const fromApril = { from: '2026-04-01', to: '2026-07-31' };
    // 19 of 122 days gone: 6.5 × 19/122 ≈ 1.01 hours expected.
    expect(behindPace(1, 6.5, fromApril, '2026-04-20')).toBe(true);
    expect(behindPace(1.5, 6.5, fromApril, '2026-04-20')).toBe(false);
    expect(behindPace(0, 6.5, fromApril, '2026-03-20')).toBe(false);
  });
});

describe('pairings newly at risk', () => {
  it('names the tests at risk now that were met or on track before', () => {
    expect(newlyAtRiskTests({ S1: 'AT_RISK', S2: 'AT_RISK', S4: 'ON_TRACK' }, { S1: 'MET', S2: 'MISSED', S4: 'MET' })).toEqual(['S1']);
    expect(newlyAtRiskTests({ A2: 'AT_RISK' }, { A2: 'ON_TRACK' })).toEqual(['A2']);
  });

  it('does not count a test that was already failing, not judged, or absent before', () => {
    expect(newlyAtRiskTests({ S1: 'AT_RISK' }, { S1: 'AT_RISK' })).toEqual([]);
    expect(newlyAtRiskTests({ S1: 'AT_RISK' }, { S1: 'MISSED' })).toEqual([]);
    expect(newlyAtRiskTests({ S1: 'AT_RISK' }, { S1: 'NOT_APPLICABLE' })).toEqual([]);
    expect(newlyAtRiskTests({ S1: 'AT_RISK' }, { S1: 'NOT_YET_DUE' })).toEqual([]);
    expect(newlyAtRiskTests({ S1: 'AT_RISK' }, {})).toEqual([]);
    expect(newlyAtRiskTests({ S1: 'MISSED' }, { S1: 'MET' })).toEqual([]);
  });
});
