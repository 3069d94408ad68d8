/**
 * Period arithmetic for cycles, academic years and semesters. Pure: dates are ISO calendar
 * dates ('YYYY-MM-DD') in the city's time zone, which compare correctly as strings. Instants and
 * zones are the time module's (src/lib/time/): callers pass in today's date from `cityToday`.
 */
import type { Term } from '@/generated/prisma/enums';
import { dateOnly, isoOf, type IsoDate } from '@/lib/time/date-only';

export type SemesterDates = { academicYear: number; term: Term; startsOn: IsoDate; endsOn: IsoDate };
export type CyclePeriods = { id: string; startYear: number; semesters: SemesterDates[] };

/** A cycle's start year must lie in these bounds: typos like 225 or 20255 are refused. */
export const MIN_START_YEAR = 2000;
export const MAX_START_YEAR = 2999;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written as YYYY-MM-DD (rejects 2027-02-29, 2025-13-01). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = dateOnly(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

export function lastDayOfFebruary(year: number): IsoDate {
  return addDays(`${year}-03-01`, -1);
}

const TERM_ORDER: Record<Term, number> = { AUTUMN: 0, SPRING: 1 };

export function sortSemesters<T extends Pick<SemesterDates, 'academicYear' | 'term'>>(semesters: T[]): T[] {
  return [...semesters].sort((a, b) => a.academicYear - b.academicYear || TERM_ORDER[a.term] - TERM_ORDER[b.term]);
}

/** The four semesters a cycle must have, in order. */
export function semesterSlots(startYear: number): { academicYear: number; term: Term }[] {
  return [startYear, startYear + 1].flatMap((academicYear) => [
    { academicYear, term: 'AUTUMN' as Term },
    { academicYear, term: 'SPRING' as Term },
  ]);
}

/** The bureau's usual calendar: autumn 1 Sep – 31 Jan, spring 1 Feb – 31 Jul. */
export function defaultSemesters(startYear: number): SemesterDates[] {
  return semesterSlots(startYear).map(({ academicYear, term }) =>
    term === 'AUTUMN'
      ? { academicYear, term, startsOn: `${academicYear}-09-01`, endsOn: `${academicYear + 1}-01-31` }
      : { academicYear, term, startsOn: `${academicYear + 1}-02-01`, endsOn: `${academicYear + 1}-07-31` },
  );
}

/**
 * Where an academic year's semesters may lie: from 1 July of its first calendar year to 31 August
 * of the next. Wide enough for any real school calendar, narrow enough to catch a wrong year.
 */
export function academicYearWindow(academicYear: number): { from: IsoDate; to: IsoDate } {
  return { from: `${academicYear}-07-01`, to: `${academicYear + 1}-08-31` };
}

export type SemesterIssue = {
  academicYear: number;
  term: Term;
  field: 'startsOn' | 'endsOn';
  code: 'invalidDate' | 'endBeforeStart' | 'outOfBounds' | 'overlapsPrevious' | 'missing';
};

/** Checks a cycle's semester dates: all four present, real dates, in order, no overlap, within bounds. */
export function validateSemesters(startYear: number, semesters: SemesterDates[]): SemesterIssue[] {
  const issues: SemesterIssue[] = [];
  let previousEnd: IsoDate | null = null;
  for (const slot of semesterSlots(startYear)) {
    const s = semesters.find((x) => x.academicYear === slot.academicYear && x.term === slot.term);
    if (!s) {
      issues.push({ ...slot, field: 'startsOn', code: 'missing' });
      previousEnd = null;
      continue;
    }
    const startOk = isIsoDate(s.startsOn);
    const endOk = isIsoDate(s.endsOn);
    if (!startOk) issues.push({ ...slot, field: 'startsOn', code: 'invalidDate' });
    if (!endOk) issues.push({ ...slot, field: 'endsOn', code: 'invalidDate' });
    if (startOk && endOk) {
      const window = academicYearWindow(slot.academicYear);
      if (s.startsOn < window.from || s.startsOn > window.to) issues.push({ ...slot, field: 'startsOn', code: 'outOfBounds' });
      if (s.endsOn < window.from || s.endsOn > window.to) issues.push({ ...slot, field: 'endsOn', code: 'outOfBounds' });
      if (s.endsOn < s.startsOn) issues.push({ ...slot, field: 'endsOn', code: 'endBeforeStart' });
      if (previousEnd && s.startsOn <= previousEnd) issues.push({ ...slot, field: 'startsOn', code: 'overlapsPrevious' });
    }
    previousEnd = endOk ? s.endsOn : null;
  }
  return issues;
}

/** Two-year cycles may not overlap: a cycle starting a year before or after an existing one would. */
export function conflictingStartYear(existing: number[], startYear: number): number | null {
  return existing.find((y) => Math.abs(y - startYear) < 2) ?? null;
}

export function cycleSpan(cycle: Pick<CyclePeriods, 'semesters'>): { startsOn: IsoDate; endsOn: IsoDate } | null {
  if (cycle.semesters.length === 0) return null;
  const sorted = sortSemesters(cycle.semesters);
  return { startsOn: sorted[0].startsOn, endsOn: sorted[sorted.length - 1].endsOn };
}

/** A cycle whose last semester has ended is history: its pairings are read-only. */
export function cycleHasEnded(cycle: Pick<CyclePeriods, 'semesters'>, today: IsoDate): boolean {
  const span = cycleSpan(cycle);
  return span != null && today > span.endsOn;
}

export type Period<C extends CyclePeriods = CyclePeriods> = {
  /** The cycle whose span contains the date. */
  cycle: C | null;
  /** The academic year from its autumn start to its spring end (null in summer and outside cycles). */
  academicYear: number | null;
  /** The semester containing the date (null during holidays). */
  semester: SemesterDates | null;
  /** The next cycle to start after the date, and the last one to end before it. */
  next: C | null;
  previous: C | null;
};

export function periodAt<C extends CyclePeriods>(cycles: C[], today: IsoDate): Period<C> {
  const spans = cycles
    .map((c) => ({ c, span: cycleSpan(c) }))
    .filter((x): x is { c: C; span: { startsOn: IsoDate; endsOn: IsoDate } } => x.span != null)
    .sort((a, b) => a.span.startsOn.localeCompare(b.span.startsOn));
  const current = spans.find((x) => x.span.startsOn <= today && today <= x.span.endsOn)?.c ?? null;
  const next = spans.find((x) => x.span.startsOn > today)?.c ?? null;
  const previous = [...spans].reverse().find((x) => x.span.endsOn < today)?.c ?? null;
  let academicYear: number | null = null;
  let semester: SemesterDates | null = null;
  if (current) {
    semester = current.semesters.find((s) => s.startsOn <= today && today <= s.endsOn) ?? null;
    for (const year of new Set(current.semesters.map((s) => s.academicYear))) {
      const inYear = sortSemesters(current.semesters.filter((s) => s.academicYear === year));
      if (inYear[0].startsOn <= today && today <= inYear[inYear.length - 1].endsOn) academicYear = year;
    }
  }
  return { cycle: current, academicYear, semester, next, previous };
}

/** The cycle a page shows when none is chosen: the current one, else the coming one, else the last. */
export function defaultCycle<C extends CyclePeriods>(cycles: C[], today: IsoDate): C | null {
  const p = periodAt(cycles, today);
  return p.cycle ?? p.next ?? p.previous ?? null;
}

/** The cycle that follows another (cycles last two years). */
export function followingCycle<C extends CyclePeriods>(cycles: C[], cycle: Pick<CyclePeriods, 'startYear'>): C | null {
  return cycles.find((c) => c.startYear === cycle.startYear + 2) ?? null;
}

/** Whether a date lies within a cycle's span (pairing dates must). */
export function withinCycle(cycle: Pick<CyclePeriods, 'semesters'>, date: IsoDate): boolean {
  const span = cycleSpan(cycle);
  return span != null && span.startsOn <= date && date <= span.endsOn;
}
