/**
 * The rules of a rectification (整改), pure: the city's date comes in. States and transitions:
 * OPEN → ANSWERED (the kindergarten answers) → CLOSED (the office accepts) or RETURNED (the office sends
 * it back with a comment) → ANSWERED … Overdue is derived, never stored (decision 018).
 */
import type { ChecklistResult, RectificationStatus } from '@/generated/prisma/enums';
import { dateOnly, type IsoDate } from '@/lib/time/date-only';
import { localDate } from '@/lib/time/zoned';

/** Waiting for the kindergarten: these may be answered, and these become overdue. */
export const AWAITING_KINDERGARTEN: RectificationStatus[] = ['OPEN', 'RETURNED'];

/** What the list filters by: the stored states, plus the derived ones. */
export const STATUS_FILTERS = ['open', 'due', 'overdue', 'returned', 'answered', 'closed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Only a failed or partly met checklist item is a finding that opens a rectification. */
export const isFinding = (result: ChecklistResult | null) => result === 'FAILS' || result === 'PARTLY';

export const mayAnswer = (status: RectificationStatus) => AWAITING_KINDERGARTEN.includes(status);
export const mayReview = (status: RectificationStatus) => status === 'ANSWERED';

/** The office's decision on an answer. */
export function reviewOutcome(decision: 'accept' | 'return'): RectificationStatus {
  return decision === 'accept' ? 'CLOSED' : 'RETURNED';
}

/**
 * Overdue = still waiting for the kindergarten (open or returned) and the deadline day has passed in the
 * city: the deadline day itself is in time. An answered one waits for the office, not the kindergarten,
 * so it is never overdue; a closed one is done.
 */
export function isOverdue(status: RectificationStatus, deadline: IsoDate, today: IsoDate): boolean {
  return AWAITING_KINDERGARTEN.includes(status) && today > deadline;
}

/** The same rule at an instant, read on the city's wall clock. */
export function isOverdueAt(status: RectificationStatus, deadline: IsoDate, now: Date, timeZone: string): boolean {
  return isOverdue(status, deadline, localDate(now, timeZone));
}

/** The same rule as a database filter (deadline is a date column): lists and counts use it. */
export function overdueWhere(today: IsoDate) {
  return { status: { in: AWAITING_KINDERGARTEN }, deadline: { lt: dateOnly(today) } };
}

/** A list filter as a database filter. */
export function statusFilterWhere(filter: StatusFilter, today: IsoDate) {
  switch (filter) {
    case 'open':
      return { status: { in: AWAITING_KINDERGARTEN } };
    case 'due':
      return { status: { in: AWAITING_KINDERGARTEN }, deadline: { gte: dateOnly(today) } };
    case 'overdue':
      return overdueWhere(today);
    case 'returned':
      return { status: 'RETURNED' as const };
    case 'answered':
      return { status: 'ANSWERED' as const };
    case 'closed':
      return { status: 'CLOSED' as const };
  }
}

/** A deadline must leave the kindergarten time: a day after the city's today at the earliest. */
export const deadlineAllowed = (deadline: IsoDate, today: IsoDate) => deadline > today;

/**
 * Was a file part of an answer: on the rectification when the answer was sent (added before it, not
 * removed by then). Files stay attached across a return, so a later answer is backed by them too.
 */
export function offeredWith(file: { createdAt: Date; deletedAt: Date | null }, answeredAt: Date): boolean {
  return file.createdAt <= answeredAt && (file.deletedAt == null || file.deletedAt > answeredAt);
}

/** Requirements are free text; a notification title carries their first words. */
export function shortText(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
