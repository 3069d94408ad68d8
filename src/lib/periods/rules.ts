/**
 * Closing a period (a semester or an academic year) and what may change afterwards. Pure: dates are
 * the city's calendar dates ('YYYY-MM-DD'), today comes in from the caller (docs/decisions/020).
 */
import { addDays } from '@/lib/cycles/periods';
import type { IsoDate } from '@/lib/time/date-only';

export type PeriodKind = 'SEMESTER' | 'ACADEMIC_YEAR';
export type Term = 'AUTUMN' | 'SPRING';

/** A semester or an academic year, as the city closes it. */
export type PeriodRef = { kind: PeriodKind; academicYear: number; term: Term | null };

/** "2025-SPRING" for a semester, "2025" for the academic year 2025–2026 (ClosedPeriod.key). */
export function periodKeyOf(p: PeriodRef): string {
  return p.kind === 'SEMESTER' ? `${p.academicYear}-${p.term}` : String(p.academicYear);
}

export function parsePeriodKey(key: string): PeriodRef | null {
  const m = /^(\d{4})(?:-(AUTUMN|SPRING))?$/.exec(key);
  if (!m) return null;
  return m[2]
    ? { kind: 'SEMESTER', academicYear: Number(m[1]), term: m[2] as Term }
    : { kind: 'ACADEMIC_YEAR', academicYear: Number(m[1]), term: null };
}

/** The first day a period may be closed: it has ended and the city's grace days have passed. */
export function closableOn(endsOn: IsoDate, graceDays: number): IsoDate {
  return addDays(endsOn, graceDays + 1);
}

export type CloseRefusal = 'alreadyClosed' | 'notYet' | 'semestersOpen';
export type CloseVerdict = { ok: true } | { ok: false; reason: CloseRefusal; closableOn: IsoDate };

/**
 * May the period be closed today? Once, after its last day plus the grace days. An academic year
 * closes after its semesters: its records are locked by then, and its S tests must be frozen first.
 */
export function closeVerdict(p: {
  endsOn: IsoDate;
  today: IsoDate;
  graceDays: number;
  alreadyClosed: boolean;
  openSemesters: number;
}): CloseVerdict {
  const from = closableOn(p.endsOn, p.graceDays);
  if (p.alreadyClosed) return { ok: false, reason: 'alreadyClosed', closableOn: from };
  if (p.today < from) return { ok: false, reason: 'notYet', closableOn: from };
  if (p.openSemesters > 0) return { ok: false, reason: 'semestersOpen', closableOn: from };
  return { ok: true };
}

/** A closed period's days, inclusive. */
export type ClosedSpan = { key: string; startsOn: IsoDate; endsOn: IsoDate };

export function closedSpanOf(closed: readonly ClosedSpan[], date: IsoDate | null): ClosedSpan | null {
  if (!date) return null;
  return closed.find((c) => c.startsOn <= date && date <= c.endsOn) ?? null;
}

/**
 * What a write may do to a record after a close:
 * - `open`: neither the record's date before the write nor after it lies in a closed period;
 * - `late`: it does, and the record is accepted as a late correction held for a bureau admin (activities
 *   only, when the writer chose it or the record already waits as one);
 * - `refused`: it does, and nothing is written. Creating, editing and moving a record into or out of a
 *   closed period are all refused alike: each would change what the frozen results counted.
 * Confirmations, receipts, ratings and cancelling a plan are no such write (their callers do not ask).
 */
export type ClosingVerdict =
  { kind: 'open' } | { kind: 'late'; period: ClosedSpan } | { kind: 'refused'; period: ClosedSpan; lateOffered: boolean };

export function closingVerdict(
  closed: readonly ClosedSpan[],
  change: { before: IsoDate | null; after: IsoDate | null },
  opts: { lateAllowed: boolean; late: boolean },
): ClosingVerdict {
  const period = closedSpanOf(closed, change.after) ?? closedSpanOf(closed, change.before);
  if (!period) return { kind: 'open' };
  if (opts.lateAllowed && opts.late) return { kind: 'late', period };
  return { kind: 'refused', period, lateOffered: opts.lateAllowed };
}
