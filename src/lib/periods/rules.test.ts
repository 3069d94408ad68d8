import { describe, expect, it } from 'vitest';
import { closableOn, closeVerdict, closingVerdict, parsePeriodKey, periodKeyOf, type ClosedSpan } from './rules';

describe('closing eligibility', () => {
  const spring = { endsOn: '2026-07-31', graceDays: 14, alreadyClosed: false, openSemesters: 0 };

  it('opens the day after the last day plus the grace days, not before', () => {
    expect(closableOn('2026-07-31', 14)).toBe('2026-08-15');
    expect(closeVerdict({ ...spring, today: '2026-08-14' })).toEqual({ ok: false, reason: 'notYet', closableOn: '2026-08-15' });
    expect(closeVerdict({ ...spring, today: '2026-08-15' })).toEqual({ ok: true });
    // Without grace, the day after the end.
    expect(closeVerdict({ ...spring, graceDays: 0, today: '2026-07-31' })).toMatchObject({ ok: false, reason: 'notYet' });
    expect(closeVerdict({ ...spring, graceDays: 0, today: '2026-08-01' })).toEqual({ ok: true });
    // Month and year boundaries.
    expect(closableOn('2026-01-31', 14)).toBe('2026-02-15');
    expect(closableOn('2026-12-25', 14)).toBe('2027-01-09');
  });

  it('closes once, and an academic year only after its semesters', () => {
    expect(closeVerdict({ ...spring, today: '2026-09-01', alreadyClosed: true })).toMatchObject({ ok: false, reason: 'alreadyClosed' });
    expect(closeVerdict({ ...spring, today: '2026-09-01', openSemesters: 1 })).toMatchObject({ ok: false, reason: 'semestersOpen' });
    // Too early says so before anything else it would say later.
    expect(closeVerdict({ ...spring, today: '2026-08-01', openSemesters: 2 })).toMatchObject({ ok: false, reason: 'notYet' });
  });

  it('names periods by a key that parses back', () => {
    expect(periodKeyOf({ kind: 'SEMESTER', academicYear: 2025, term: 'SPRING' })).toBe('2025-SPRING');
    expect(periodKeyOf({ kind: 'ACADEMIC_YEAR', academicYear: 2025, term: null })).toBe('2025');
    expect(parsePeriodKey('2025-AUTUMN')).toEqual({ kind: 'SEMESTER', academicYear: 2025, term: 'AUTUMN' });
    expect(parsePeriodKey('2025')).toEqual({ kind: 'ACADEMIC_YEAR', academicYear: 2025, term: null });
    expect(parsePeriodKey('2025-WINTER')).toBeNull();
  });
});

describe('what may change after a close', () => {
  const closed: ClosedSpan[] = [{ key: '2025-SPRING', startsOn: '2026-02-01', endsOn: '2026-07-31' }];
  const strict = { lateAllowed: false, late: false };

  it('leaves records outside closed periods alone', () => {
    expect(closingVerdict(closed, { before: null, after: '2026-09-01' }, strict)).toEqual({ kind: 'open' });
    expect(closingVerdict(closed, { before: '2026-01-31', after: '2026-08-01' }, strict)).toEqual({ kind: 'open' });
    expect(closingVerdict([], { before: '2026-03-01', after: '2026-03-01' }, strict)).toEqual({ kind: 'open' });
  });

  it('refuses creating, editing, moving in and moving out, first and last day included', () => {
    const refused = { kind: 'refused', period: closed[0], lateOffered: false };
    expect(closingVerdict(closed, { before: null, after: '2026-02-01' }, strict)).toEqual(refused);
    expect(closingVerdict(closed, { before: null, after: '2026-07-31' }, strict)).toEqual(refused);
    expect(closingVerdict(closed, { before: '2026-03-01', after: '2026-03-01' }, strict)).toEqual(refused);
    expect(closingVerdict(closed, { before: '2026-09-10', after: '2026-03-01' }, strict)).toEqual(refused);
    expect(closingVerdict(closed, { before: '2026-03-01', after: '2026-09-10' }, strict)).toEqual(refused);
  });

  it('accepts an activity as a late correction only when chosen, and only where offered', () => {
    const change = { before: null, after: '2026-03-01' };
    expect(closingVerdict(closed, change, { lateAllowed: true, late: false })).toEqual({
      kind: 'refused',
      period: closed[0],
      lateOffered: true,
    });
    expect(closingVerdict(closed, change, { lateAllowed: true, late: true })).toEqual({ kind: 'late', period: closed[0] });
    // Lessons, papers and sessions have no late path: asking for one changes nothing.
    expect(closingVerdict(closed, change, { lateAllowed: false, late: true })).toMatchObject({ kind: 'refused', lateOffered: false });
    // Choosing it for a record outside closed periods is no late correction.
    expect(closingVerdict(closed, { before: null, after: '2026-09-01' }, { lateAllowed: true, late: true })).toEqual({ kind: 'open' });
  });
});
