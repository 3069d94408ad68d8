/**
 * What each activity type asks for. The form shows only the fields a type uses, the server
 * refuses the others, and the effect tests (S2 class hours, S4 lectures…) count on the same rules.
 */
import type { ActivityDirection, ActivityStatus, ActivityType } from '@/generated/prisma/enums';
import { localDate } from '@/lib/time/zoned';

export { ACTIVITY_TYPES, DIRECTIONS, TARGET_AREAS, TYPE_RULES, type TypeRule } from './type-rules';
import { ACTIVITY_TYPES, TYPE_RULES } from './type-rules';

export const TEACHING_TYPES = ACTIVITY_TYPES.filter((t) => TYPE_RULES[t].classHours !== 'none');

export type ActivityFacts = {
  type: ActivityType;
  direction: ActivityDirection;
  location: string;
  classHours: number | null;
  childCount: number | null;
  donationLineCount: number;
  startsAt: Date;
  endsAt: Date | null;
  status: ActivityStatus;
};

/** Field → message key (in the activities catalogue's `errors`) for every broken per-type rule. */
export function typeRuleErrors(f: ActivityFacts, now: Date, timeZone: string): Record<string, string> {
  const r = TYPE_RULES[f.type];
  const errors: Record<string, string> = {};
  if (!r.directions.includes(f.direction)) errors.direction = 'directionNotForType';
  if (r.location === 'required' && !f.location.trim()) errors.location = 'locationRequired';
  if (r.classHours === 'required' && f.classHours == null) errors.classHours = 'classHoursRequired';
  if (r.classHours === 'none' && f.classHours != null) errors.classHours = 'classHoursNotForType';
  if (r.childCount === 'required' && f.childCount == null) errors.childCount = 'childCountRequired';
  if (r.childCount === 'none' && f.childCount != null) errors.childCount = 'childCountNotForType';
  if (r.donationLines === 'required' && f.donationLineCount === 0) errors.donationLines = 'donationLinesRequired';
  if (r.donationLines === 'none' && f.donationLineCount > 0) errors.donationLines = 'donationLinesNotForType';
  if (f.endsAt && f.endsAt < f.startsAt) errors.endDate = 'endBeforeStart';
  // A record of something that has not happened yet is the fabrication the seeds warn about.
  // Compared by calendar day: logging this afternoon's activity in the morning is a typo, not fraud.
  if (f.status === 'DONE' && localDate(f.startsAt, timeZone) > localDate(now, timeZone)) errors.startDate = 'doneInFuture';
  return errors;
}

/**
 * The four parts of an activity's archive (有计划、有措施、有记录、有总结); S5 counts an activity
 * complete when all four are there. Forms trim what they store, so a missing part is ''.
 */
export const ARCHIVE_PARTS = ['plan', 'measures', 'record', 'summary'] as const;

/** A done activity still missing a part of its archive: the list's marker and the to-do count use this one rule. */
export function isIncomplete(a: { status: ActivityStatus } & Record<(typeof ARCHIVE_PARTS)[number], string>): boolean {
  return a.status === 'DONE' && ARCHIVE_PARTS.some((part) => !a[part].trim());
}

/** isIncomplete as a database filter (the to-do count). */
export const INCOMPLETE_WHERE = {
  status: 'DONE' as const,
  OR: ARCHIVE_PARTS.map((part) => ({ [part]: '' })),
};

/** The kindergarten that receives a donation. */
export function receivingSide(a: { direction: ActivityDirection }, p: { supportingId: string; assistedId: string }): string {
  return a.direction === 'TO_SUPPORTING' ? p.supportingId : p.assistedId;
}

/** The side that confirms: the one that did not log the activity. */
export function confirmingSide(recordingKindergartenId: string, p: { supportingId: string; assistedId: string }): string {
  return recordingKindergartenId === p.supportingId ? p.assistedId : p.supportingId;
}

/**
 * A donation whose confirming side is also its receiving side: that director's "it is true" and
 * "it arrived" are one answer, given in one step.
 */
export function confirmerReceives(
  a: { type: ActivityType; direction: ActivityDirection; recordingKindergartenId: string },
  p: { supportingId: string; assistedId: string },
): boolean {
  return a.type === 'DONATION' && receivingSide(a, p) === confirmingSide(a.recordingKindergartenId, p);
}

/**
 * Once an activity is logged as done, only the side that logged it changes the record; the other
 * side confirms or disputes it. (Both sides' directors may shape a plan.)
 */
export function editableBySide(
  a: { status: ActivityStatus; recordingKindergartenId: string },
  actorKindergartenId: string | null,
): boolean {
  return a.status === 'PLANNED' || a.recordingKindergartenId === actorKindergartenId;
}
