import { describe, expect, it } from 'vitest';
import { defaultDueDates, dueOn, isEditable, planHandedIn, reviewState } from './due';

describe('annual plan due dates', () => {
  it('defaults to the end of August: the plan before its year, the summary after it', () => {
    expect(defaultDueDates(2025)).toEqual({ planDueOn: '2025-08-31', summaryDueOn: '2026-08-31' });
    expect(dueOn(defaultDueDates(2026), 'PLAN')).toBe('2026-08-31');
    expect(dueOn(defaultDueDates(2026), 'SUMMARY')).toBe('2027-08-31');
  });
});

describe('review state', () => {
  it('is overdue only for a draft after the due day', () => {
    expect(reviewState('DRAFT', '2026-08-31', '2026-08-30')).toBe('notSubmitted');
    expect(reviewState('DRAFT', '2026-08-31', '2026-08-31')).toBe('notSubmitted');
    expect(reviewState('DRAFT', '2026-08-31', '2026-09-01')).toBe('overdue');
  });
  it('keeps the stored status once handed in, late or not', () => {
    expect(reviewState('SUBMITTED', '2026-08-31', '2027-01-01')).toBe('submitted');
    expect(reviewState('RETURNED', '2026-08-31', '2027-01-01')).toBe('returned');
    expect(reviewState('FILED', '2026-08-31', '2027-01-01')).toBe('filed');
  });
  it('locks submitted and filed parts; a summary needs the plan handed in', () => {
    expect(['DRAFT', 'SUBMITTED', 'RETURNED', 'FILED'].map((s) => isEditable(s as never))).toEqual([true, false, true, false]);
    expect(planHandedIn('DRAFT')).toBe(false);
    expect(planHandedIn('RETURNED')).toBe(true);
  });
});
