/**
 * The days a pairing's records may fall on, and whether the pairing is history (decision 013).
 * One place for the rule every command that records on a pairing applies: activities, requests,
 * annual plans, mentor pairs, programmes.
 */
import type { Db, Tx } from '@/lib/db';
import { addDays, sortSemesters } from '@/lib/cycles/periods';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { cityToday } from '@/lib/time/today';

/**
 * Pairings at work on `day` (a date-only value of the city's date), in Prisma's terms: started, not
 * ended, and in a cycle that has not ended (a past cycle's pairings keep endsOn empty).
 */
export function runningOn(day: Date) {
  return {
    startsOn: { lte: day },
    OR: [{ endsOn: null }, { endsOn: { gte: day } }],
    cycle: { semesters: { some: { endsOn: { gte: day } } } },
  };
}

/** How long after its academic year (or the pairing) ends a year's summary may still be written and submitted. */
export const SUMMARY_GRACE_DAYS = 92;

export type AcademicYearSpan = { academicYear: number; startsOn: IsoDate; endsOn: IsoDate };

export type RecordWindow = {
  today: IsoDate;
  startsOn: IsoDate;
  /** The pairing's own end, else its cycle's last day; null only for a cycle without semesters. */
  endsOn: IsoDate | null;
  /** The last day has passed in the city: nothing new is recorded on the pairing. */
  ended: boolean;
  /** The cycle's academic years, each cut to the pairing's days (years the pairing does not reach are absent). */
  years: AcademicYearSpan[];
};

export async function recordWindow(db: Db | Tx, pairingId: string, now = new Date()): Promise<RecordWindow | null> {
  const p = await db.pairing.findUnique({
    where: { id: pairingId },
    select: { startsOn: true, endsOn: true, cycle: { select: { semesters: true } } },
  });
  if (!p) return null;
  const today = await cityToday(db, now);
  const semesters = sortSemesters(p.cycle.semesters.map((s) => ({ ...s, startsOn: isoOf(s.startsOn), endsOn: isoOf(s.endsOn) })));
  const startsOn = isoOf(p.startsOn);
  const cycleEnd = semesters.length ? semesters[semesters.length - 1].endsOn : null;
  const endsOn = p.endsOn ? isoOf(p.endsOn) : cycleEnd;
  const years: AcademicYearSpan[] = [];
  for (const academicYear of new Set(semesters.map((s) => s.academicYear))) {
    const inYear = semesters.filter((s) => s.academicYear === academicYear);
    const from = maxDate(inYear[0].startsOn, startsOn);
    const to = endsOn ? minDate(inYear[inYear.length - 1].endsOn, endsOn) : inYear[inYear.length - 1].endsOn;
    if (from <= to) years.push({ academicYear, startsOn: from, endsOn: to });
  }
  return { today, startsOn, endsOn, ended: endsOn != null && endsOn < today, years };
}

export function withinWindow(w: Pick<RecordWindow, 'startsOn' | 'endsOn'>, date: IsoDate): boolean {
  return date >= w.startsOn && (w.endsOn == null || date <= w.endsOn);
}

/** The message of a date outside the pairing's days, naming them. */
export function outsideMessage(key: string, w: Pick<RecordWindow, 'startsOn' | 'endsOn'>) {
  return { key, values: { from: w.startsOn, to: w.endsOn ?? '…' } };
}

export function summaryDeadline(year: AcademicYearSpan): IsoDate {
  return addDays(year.endsOn, SUMMARY_GRACE_DAYS);
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
