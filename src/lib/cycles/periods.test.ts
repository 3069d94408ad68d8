import { describe, expect, it } from 'vitest';
import {
  addDays,
  conflictingStartYear,
  cycleHasEnded,
  cycleSpan,
  defaultCycle,
  defaultSemesters,
  followingCycle,
  isIsoDate,
  lastDayOfFebruary,
  periodAt,
  validateSemesters,
  withinCycle,
  type CyclePeriods,
  type SemesterDates,
} from './periods';
import { localDate } from '@/lib/time/zoned';

const cycle = (startYear: number, semesters: SemesterDates[] = defaultSemesters(startYear)): CyclePeriods => ({
  id: `c${startYear}`,
  startYear,
  semesters,
});
const c2023 = cycle(2023);
const c2025 = cycle(2025);
const cycles = [c2025, c2023];

describe('calendar dates', () => {
  it('knows real dates, including leap days', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false); // divisible by 100, not by 400
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-9-1')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(lastDayOfFebruary(2028)).toBe('2028-02-29');
    expect(lastDayOfFebruary(2027)).toBe('2027-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('takes the date in the city time zone, not in UTC', () => {
    // 00:30 on 1 February in Shanghai, still 31 January in UTC.
    expect(localDate(new Date('2026-01-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
    expect(localDate(new Date('2026-01-31T16:30:00Z'), 'UTC')).toBe('2026-01-31');
    // 23:59 on 31 January in Shanghai.
    expect(localDate(new Date('2026-01-31T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-01-31');
    expect(localDate(new Date('2026-01-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
  });
});

describe('default semesters', () => {
  it('are autumn 1 Sep – 31 Jan and spring 1 Feb – 31 Jul for both academic years', () => {
    expect(defaultSemesters(2025)).toEqual([
      { academicYear: 2025, term: 'AUTUMN', startsOn: '2025-09-01', endsOn: '2026-01-31' },
      { academicYear: 2025, term: 'SPRING', startsOn: '2026-02-01', endsOn: '2026-07-31' },
      { academicYear: 2026, term: 'AUTUMN', startsOn: '2026-09-01', endsOn: '2027-01-31' },
      { academicYear: 2026, term: 'SPRING', startsOn: '2027-02-01', endsOn: '2027-07-31' },
    ]);
    expect(validateSemesters(2025, defaultSemesters(2025))).toEqual([]);
    expect(cycleSpan(c2025)).toEqual({ startsOn: '2025-09-01', endsOn: '2027-07-31' });
  });
});

describe('the period of a date', () => {
  it('31 January 23:59 in Shanghai is autumn; one minute later it is spring', () => {
    const before = periodAt(cycles, localDate(new Date('2026-01-31T15:59:00Z'), 'Asia/Shanghai'));
    expect(before.cycle?.id).toBe('c2025');
    expect(before.academicYear).toBe(2025);
    expect(before.semester?.term).toBe('AUTUMN');
    const after = periodAt(cycles, localDate(new Date('2026-01-31T16:00:00Z'), 'Asia/Shanghai'));
    expect(after.semester).toMatchObject({ academicYear: 2025, term: 'SPRING' });
    // 2026-01-31T16:30Z is already 1 February in Shanghai.
    expect(periodAt(cycles, localDate(new Date('2026-01-31T16:30:00Z'), 'Asia/Shanghai')).semester?.term).toBe('SPRING');
  });

  it('the first and last days of a cycle belong to it', () => {
    expect(periodAt(cycles, '2025-09-01')).toMatchObject({ cycle: { id: 'c2025' }, academicYear: 2025, semester: { term: 'AUTUMN' } });
    expect(periodAt(cycles, '2027-07-31')).toMatchObject({ cycle: { id: 'c2025' }, academicYear: 2026, semester: { term: 'SPRING' } });
    expect(periodAt(cycles, '2027-08-01').cycle).toBeNull();
  });

  it('a summer inside a cycle belongs to the cycle but to no academic year or semester', () => {
    const p = periodAt(cycles, '2026-08-15');
    expect(p.cycle?.id).toBe('c2025');
    expect(p.academicYear).toBeNull();
    expect(p.semester).toBeNull();
  });

  it('a winter break between semesters keeps its academic year', () => {
    const semesters = defaultSemesters(2025).map((s) =>
      s.academicYear === 2025 && s.term === 'AUTUMN'
        ? { ...s, endsOn: '2026-01-20' }
        : s.academicYear === 2025
          ? { ...s, startsOn: '2026-02-20' }
          : s,
    );
    expect(validateSemesters(2025, semesters)).toEqual([]);
    const p = periodAt([cycle(2025, semesters)], '2026-02-05');
    expect(p).toMatchObject({ cycle: { id: 'c2025' }, academicYear: 2025, semester: null });
  });

  it('a date between cycles has no current cycle but knows the previous and the next', () => {
    const p = periodAt(cycles, '2025-08-20');
    expect(p.cycle).toBeNull();
    expect(p.semester).toBeNull();
    expect(p.previous?.id).toBe('c2023');
    expect(p.next?.id).toBe('c2025');
    expect(defaultCycle(cycles, '2025-08-20')?.id).toBe('c2025');
  });

  it('a date before any cycle has only a next cycle; after all cycles only a previous one', () => {
    const before = periodAt(cycles, '2020-01-01');
    expect(before).toMatchObject({ cycle: null, previous: null, next: { id: 'c2023' } });
    expect(defaultCycle(cycles, '2020-01-01')?.id).toBe('c2023');
    const after = periodAt(cycles, '2030-01-01');
    expect(after).toMatchObject({ cycle: null, previous: { id: 'c2025' }, next: null });
    expect(defaultCycle(cycles, '2030-01-01')?.id).toBe('c2025');
    expect(defaultCycle([], '2030-01-01')).toBeNull();
    expect(periodAt([], '2026-01-01')).toMatchObject({ cycle: null, previous: null, next: null });
  });

  it('a leap day inside a spring semester', () => {
    expect(periodAt([cycle(2027)], '2028-02-29')).toMatchObject({ academicYear: 2027, semester: { term: 'SPRING' } });
  });

  it('a cycle has ended only after its last day', () => {
    expect(cycleHasEnded(c2023, '2025-07-31')).toBe(false);
    expect(cycleHasEnded(c2023, '2025-08-01')).toBe(true);
    expect(cycleHasEnded({ semesters: [] }, '2025-08-01')).toBe(false);
    expect(withinCycle(c2025, '2025-09-01')).toBe(true);
    expect(withinCycle(c2025, '2025-08-31')).toBe(false);
    expect(followingCycle(cycles, c2023)?.id).toBe('c2025');
    expect(followingCycle(cycles, c2025)).toBeNull();
  });
});

describe('semester validation', () => {
  const base = defaultSemesters(2025);
  const edit = (i: number, change: Partial<SemesterDates>) => base.map((s, j) => (j === i ? { ...s, ...change } : s));
  const codes = (s: SemesterDates[]) => validateSemesters(2025, s).map((i) => `${i.academicYear}-${i.term}-${i.field}:${i.code}`);

  it('refuses overlapping semesters', () => {
    expect(codes(edit(1, { startsOn: '2026-01-31' }))).toEqual(['2025-SPRING-startsOn:overlapsPrevious']);
    // Touching is fine: spring may start the day after autumn ends.
    expect(codes(edit(1, { startsOn: '2026-02-01' }))).toEqual([]);
  });

  it('refuses semesters out of order', () => {
    expect(codes(edit(2, { startsOn: '2026-03-01', endsOn: '2026-06-30' }))).toEqual([
      '2026-AUTUMN-startsOn:outOfBounds',
      '2026-AUTUMN-endsOn:outOfBounds',
      '2026-AUTUMN-startsOn:overlapsPrevious',
    ]);
  });

  it('refuses an end before the start', () => {
    expect(codes(edit(0, { endsOn: '2025-08-31' }))).toEqual(['2025-AUTUMN-endsOn:endBeforeStart']);
  });

  it('refuses dates outside the academic year (a wrong year typed)', () => {
    expect(codes(edit(0, { startsOn: '2024-09-01' }))).toEqual(['2025-AUTUMN-startsOn:outOfBounds']);
    expect(codes(edit(3, { endsOn: '2027-09-01' }))).toEqual(['2026-SPRING-endsOn:outOfBounds']);
    expect(codes(edit(0, { startsOn: '2025-07-01' }))).toEqual([]);
    expect(codes(edit(3, { endsOn: '2027-08-31' }))).toEqual([]);
  });

  it('refuses impossible dates, such as 29 February in a common year', () => {
    expect(codes(edit(1, { endsOn: '2026-02-29' }))).toEqual(['2025-SPRING-endsOn:invalidDate']);
    expect(codes(edit(3, { startsOn: 'soon' }))).toEqual(['2026-SPRING-startsOn:invalidDate']);
  });

  it('accepts 29 February in a leap year', () => {
    const semesters = defaultSemesters(2027).map((s, i) =>
      i === 0 ? { ...s, endsOn: '2028-02-28' } : i === 1 ? { ...s, startsOn: '2028-02-29' } : s,
    );
    expect(validateSemesters(2027, semesters)).toEqual([]);
  });

  it('requires all four semesters', () => {
    expect(codes(base.slice(0, 3))).toEqual(['2026-SPRING-startsOn:missing']);
  });

  it('refuses a cycle overlapping another', () => {
    expect(conflictingStartYear([2023, 2025], 2026)).toBe(2025);
    expect(conflictingStartYear([2023, 2025], 2024)).toBe(2023);
    expect(conflictingStartYear([2023, 2025], 2025)).toBe(2025);
    expect(conflictingStartYear([2023, 2025], 2027)).toBeNull();
  });
});
