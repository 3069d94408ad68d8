/**
 * The closing guard every command that writes a dated record asks (activities, lessons, papers,
 * mentoring sessions, programme records): the rule is `closingVerdict` in rules.ts.
 */
import type { Db, Tx } from '@/lib/db';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { invalid, type Failure, type Message } from '@/lib/result';
import { closingVerdict, parsePeriodKey, type ClosedSpan, type ClosingVerdict } from './rules';

/** Every closed period's days (a handful of rows: a city closes two semesters and a year a year). */
export async function closedSpans(db: Db | Tx): Promise<ClosedSpan[]> {
  const rows = await db.closedPeriod.findMany({ select: { key: true, startsOn: true, endsOn: true } });
  return rows.map((r) => ({ key: r.key, startsOn: isoOf(r.startsOn), endsOn: isoOf(r.endsOn) }));
}

/** The record's date before the write (null for a new one) and after it. */
export async function checkClosing(
  db: Db | Tx,
  change: { before: IsoDate | null; after: IsoDate | null },
  opts: { lateAllowed?: boolean; late?: boolean } = {},
): Promise<ClosingVerdict> {
  return closingVerdict(await closedSpans(db), change, { lateAllowed: opts.lateAllowed ?? false, late: opts.late ?? false });
}

/** The period in words for a message: its academic year, its term (or the whole year) and its days. */
export function periodValues(span: ClosedSpan): Record<string, string> {
  const p = parsePeriodKey(span.key);
  const year = p?.academicYear ?? Number(span.startsOn.slice(0, 4));
  return { year: String(year), next: String(year + 1), term: p?.term ?? 'YEAR', from: span.startsOn, to: span.endsOn };
}

/**
 * The answer to a refused write: the sentence on the date field and above the form; where a late
 * correction is offered, a `lateCorrection` entry that makes the form show the choice.
 */
export function closedRefusal(v: Extract<ClosingVerdict, { kind: 'refused' }>, dateField: string): Failure {
  const message: Message = { key: 'bulletins.closed.refused', values: periodValues(v.period) };
  return invalid({ [dateField]: [message], ...(v.lateOffered ? { lateCorrection: ['bulletins.closed.lateOffer'] } : {}) }, message);
}
