/**
 * When a reminder is due, as pure rules on the city's calendar dates ('YYYY-MM-DD' in the city's time
 * zone, which the caller reads once with the instant of the run). The checks (checks.ts) ask the
 * database for the candidates; these functions say which occasion, if any, each one has today.
 *
 * An occasion is named by a key (e.g. 'visit:2026-11:<pairingId>'); with the recipient's id appended
 * it is stored in ReminderOccasion in the same transaction as the notification, so a reminder goes out
 * once per occasion and person, whatever the number of runs or workers (docs/decisions/022). Windows
 * rather than single days: a run missed on the exact day (server down) still sends it the next day.
 */
import { addDays } from '@/lib/cycles/periods';
import { daysBetween } from '@/lib/effect-tests/rules';
import type { IsoDate } from '@/lib/time/date-only';
import { localDate, zonedToInstant } from '@/lib/time/zoned';

export const REMINDER_KINDS = [
  'reminder.visit',
  'reminder.request',
  'reminder.confirmation',
  'reminder.annualPlan',
  'reminder.rectification',
  'reminder.classHours',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** Several reminders of one run for one person arrive as one line of this kind. */
export const DIGEST_KIND = 'reminder.digest';
/** Overdue rectifications are told with the event kind of the catalogue, to the kindergarten and the office. */
export type ReminderItemKind = ReminderKind | 'rectification.overdue';

/** From this day of the month on, a supporting director who has not visited yet this month is reminded (S1). */
export const VISIT_REMINDER_DAY = 20;
/** A request unanswered, or a record unconfirmed, for this many days (city dates) is reminded. */
export const WAITING_DAYS = 7;
/** Plans and summaries: reminded this many days before the due date, then again this many. */
export const PLAN_NOTICE_DAYS = [14, 3] as const;
/** Rectifications: reminded this many days before the deadline, then on the day. */
export const RECTIFICATION_NOTICE_DAYS = 3;
/** Class hours behind pace are reminded once the semester has this many days or fewer left. */
export const CLASS_HOURS_NOTICE_DAYS = 30;

/** The month ('2026-11') whose visit is reminded today, or null before the 20th. */
export function visitReminderMonth(today: IsoDate): string | null {
  return Number(today.slice(8, 10)) >= VISIT_REMINDER_DAY ? today.slice(0, 7) : null;
}

/** Whole city days from the day of `since` to today: a request asked at 23:59 has waited a day at 00:00. */
export function daysWaited(since: Date, today: IsoDate, timeZone: string): number {
  return daysBetween(localDate(since, timeZone), today);
}

export function waitedTooLong(since: Date, today: IsoDate, timeZone: string): boolean {
  return daysWaited(since, today, timeZone) >= WAITING_DAYS;
}

/**
 * The instant before which a record has waited WAITING_DAYS city days today: for the database's
 * WHERE, equal to waitedTooLong on every instant (the start of the day WAITING_DAYS - 1 days ago).
 */
export function waitingCutoff(today: IsoDate, timeZone: string): Date {
  return zonedToInstant(addDays(today, -(WAITING_DAYS - 1)), '00:00', timeZone);
}

/** 'd14' from 14 days before the due date, 'd3' from 3 days before through the due date; null otherwise. */
export function planOccasion(today: IsoDate, dueOn: IsoDate): 'd14' | 'd3' | null {
  const left = daysBetween(today, dueOn);
  if (left < 0 || left > PLAN_NOTICE_DAYS[0]) return null;
  return left > PLAN_NOTICE_DAYS[1] ? 'd14' : 'd3';
}

/** 'd3' within three days of the deadline, 'd0' on it, 'overdue' after it (the deadline day is still in time). */
export function rectificationOccasion(today: IsoDate, deadline: IsoDate): 'd3' | 'd0' | 'overdue' | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  if (left === 0) return 'd0';
  return left <= RECTIFICATION_NOTICE_DAYS ? 'd3' : null;
}

/** A semester in its last CLASS_HOURS_NOTICE_DAYS days (its last day included). */
export function classHoursNoticeDue(today: IsoDate, semesterEndsOn: IsoDate): boolean {
  const left = daysBetween(today, semesterEndsOn);
  return left >= 0 && left <= CLASS_HOURS_NOTICE_DAYS;
}

/** Days from today to a date (negative once it has passed). */
export function daysLeft(today: IsoDate, date: IsoDate): number {
  return daysBetween(today, date);
}

/** The stored key of one occasion for one person. */
export function occasionKey(occasion: string, recipientId: string): string {
  return `${occasion}:${recipientId}`;
}
