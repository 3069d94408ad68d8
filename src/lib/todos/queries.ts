import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { activityWhere, hasPermission, lessonWhere, paperWhere, pairingWhere, requestWhere, type Actor } from '@/lib/authz';
import { awaitingConfirmationBy } from '@/lib/activities/queries';
import { annualPlanCounts, statusRows } from '@/lib/annual-plans/queries';
import { COUNTED_TYPES } from '@/lib/effect-tests/evaluate';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { localDate, monthRange } from '@/lib/time/zoned';

/**
 * What waits for a person, computed from the records on every visit (nothing stored): each item is a
 * count under the same scope filters as the list it links to, so the figure and the list agree.
 * Not here yet because their records do not exist: rectifications, pairings newly at risk, class
 * hours behind pace, mentoring sessions to log.
 */
export const TODO_KEYS = [
  'toConfirm',
  'disputed',
  'requestsToAnswer',
  'requestsToClose',
  'incomplete',
  'monthlyVisit',
  'lessonsToRate',
  'papersToConfirm',
  'planDue',
  'planReturned',
  'lessonsAwaitingRating',
  'papersToComplete',
  'toReview',
  'overdue',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];
export type Todo = { key: TodoKey; count: number; href: string };

/** A plan or summary not yet handed in is "due" this many days before its due date. */
export const PLAN_DUE_SOON_DAYS = 30;

const NONE = Promise.resolve(0);

/** Every item for this actor with something waiting, in a fixed order; an empty list means nothing waits. */
export async function listTodos(actor: Actor, db: Db, now = new Date()): Promise<Todo[]> {
  const timeZone = await cityTimeZone(db);
  const todayIso = localDate(now, timeZone);
  const today = dateOnly(todayIso);
  const kg = actor.kindergartenId;
  const director = kg != null && hasPermission(actor, 'activity.confirm');
  const teacher = actor.role === 'TEACHER';
  const bureau = hasPermission(actor, 'annualPlan.status');

  const ownSide = (side: 'supportingId' | 'assistedId'): Prisma.PairingWhereInput => ({ [side]: kg ?? '' });
  const month = monthRange(todayIso.slice(0, 7), timeZone);
  const s1 = COUNTED_TYPES.S1;

  const counts: Record<TodoKey, Promise<number>> = {
    toConfirm: director ? db.activity.count({ where: { AND: [activityWhere(actor), awaitingConfirmationBy(actor)] } }) : NONE,
    // Only the side that logged a done record may change it (editableBySide), so the dispute is theirs to settle.
    disputed: director
      ? db.activity.count({
          where: { AND: [activityWhere(actor), { status: 'DONE', confirmation: 'DISPUTED', recordingKindergartenId: kg }] },
        })
      : NONE,
    requestsToAnswer:
      kg && hasPermission(actor, 'request.answer')
        ? db.assistanceRequest.count({ where: { AND: [requestWhere(actor), { status: 'OPEN', pairing: ownSide('supportingId') }] } })
        : NONE,
    requestsToClose:
      kg && hasPermission(actor, 'request.close')
        ? db.assistanceRequest.count({ where: { AND: [requestWhere(actor), { status: 'ANSWERED', pairing: ownSide('assistedId') }] } })
        : NONE,
    // The four parts of the archive (计划、措施、记录、总结); forms trim what they store.
    incomplete: director
      ? db.activity.count({
          where: {
            AND: [
              activityWhere(actor),
              { status: 'DONE', recordingKindergartenId: kg },
              { OR: [{ plan: '' }, { measures: '' }, { record: '' }, { summary: '' }] },
            ],
          },
        })
      : NONE,
    // S1: running pairings this kindergarten supports with no counted visit yet in the city's month.
    monthlyVisit: director
      ? db.pairing.count({
          where: {
            AND: [
              pairingWhere(actor, 'activity.view'),
              ownSide('supportingId'),
              { startsOn: { lte: today }, OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
              {
                activities: {
                  none: {
                    type: { in: [...s1.types] },
                    direction: s1.direction,
                    status: 'DONE',
                    confirmation: { not: 'DISPUTED' },
                    startsAt: { gte: month.from, lt: month.to },
                  },
                },
              },
            ],
          },
        })
      : NONE,
    // A director rates the kindergarten's lessons, a teacher their current apprentices'; never one's own.
    lessonsToRate:
      (director || teacher) && hasPermission(actor, 'lesson.evaluate')
        ? db.lessonRecord.count({
            where: { AND: [lessonWhere(actor, today), { rating: null, teacherId: { not: actor.id } }] },
          })
        : NONE,
    papersToConfirm:
      kg && hasPermission(actor, 'paper.confirm')
        ? db.paper.count({ where: { AND: [paperWhere(actor), { confirmedAt: null, authorId: { not: actor.id } }] } })
        : NONE,
    planDue: NONE,
    planReturned: NONE,
    lessonsAwaitingRating: teacher
      ? db.lessonRecord.count({ where: { AND: [lessonWhere(actor, today), { teacherId: actor.id, rating: null }] } })
      : NONE,
    // Unconfirmed and without a certificate or scan: the director has nothing to confirm it against.
    papersToComplete: teacher
      ? db.paper.count({
          where: { AND: [paperWhere(actor), { authorId: actor.id, confirmedAt: null, evidence: { none: { deletedAt: null } } }] },
        })
      : NONE,
    toReview: NONE,
    overdue: NONE,
  };

  const plans = await annualPlanTodos(actor, db, now, todayIso, bureau);
  const values = await Promise.all(TODO_KEYS.map((k) => counts[k]));
  const result = Object.fromEntries(TODO_KEYS.map((k, i) => [k, values[i] + (plans[k] ?? 0)])) as Record<TodoKey, number>;
  return TODO_KEYS.filter((k) => result[k] > 0).map((key) => ({ key, count: result[key], href: todoHref(key) }));
}

/**
 * Plan and summary states depend on each pairing's academic years and due dates, which the annual-plan
 * module derives per pairing; reading them from there keeps this count equal to its status list.
 */
async function annualPlanTodos(
  actor: Actor,
  db: Db,
  now: Date,
  todayIso: string,
  bureau: boolean,
): Promise<Partial<Record<TodoKey, number>>> {
  if (bureau) {
    const c = await annualPlanCounts(actor, db, now);
    return c ? { toReview: c.submitted, overdue: c.overdue } : {};
  }
  // The supporting director writes and hands in the plan; the assisted side only comments.
  if (!actor.kindergartenId || !hasPermission(actor, 'annualPlan.edit')) return {};
  const rows = await statusRows({ AND: [pairingWhere(actor, 'annualPlan.view'), { supportingId: actor.kindergartenId }] }, db, now);
  const soon = isoOf(new Date(dateOnly(todayIso).getTime() + PLAN_DUE_SOON_DAYS * 86_400_000));
  return {
    planDue: rows.filter((r) => r.state === 'overdue' || (r.state === 'notSubmitted' && r.dueOn <= soon)).length,
    planReturned: rows.filter((r) => r.state === 'returned').length,
  };
}

export function todoHref(key: TodoKey): string {
  switch (key) {
    case 'toConfirm':
      return '/activities?toConfirm=1';
    case 'disputed':
      return '/activities?confirmation=DISPUTED';
    case 'requestsToAnswer':
      return '/requests?status=OPEN';
    case 'requestsToClose':
      return '/requests?status=ANSWERED';
    case 'incomplete':
      return '/activities?status=DONE';
    case 'monthlyVisit':
      return '/activities/new';
    case 'lessonsToRate':
    case 'lessonsAwaitingRating':
      return '/lessons';
    case 'papersToConfirm':
    case 'papersToComplete':
      return '/papers';
    case 'planDue':
    case 'planReturned':
      return '/annual-plans';
    case 'toReview':
      return '/annual-plans/status?state=submitted';
    case 'overdue':
      return '/annual-plans/status?state=overdue';
  }
}
