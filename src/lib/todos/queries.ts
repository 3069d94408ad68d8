import 'server-only';
import { runningOn } from '@/lib/pairings/record-window';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import {
  activityWhere,
  currentMentorPairWhere,
  hasPermission,
  lessonWhere,
  paperWhere,
  pairingWhere,
  requestWhere,
  type Actor,
} from '@/lib/authz';
import { awaitingConfirmationBy } from '@/lib/activities/queries';
import { annualPlanCounts, statusRows } from '@/lib/annual-plans/queries';
import { rectificationTodos } from '@/lib/rectifications/queries';
import { INCOMPLETE_WHERE } from '@/lib/activities/rules';
import { allPeriods, COUNTED_TYPES, evaluatePairings, periodKey, resolvePeriod, type PairingEffects } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { behindPace, newlyAtRiskTests } from './rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { localDate, monthRange } from '@/lib/time/zoned';

/**
 * What waits for a person, computed from the records on every visit (nothing stored): each item is a
 * count under the same scope filters as the list it links to, so the figure and the list agree.
 * Class hours behind pace and pairings newly at risk judge the effect tests' figures instead
 * (evaluatePairings, rules in ./rules.ts), so they agree with the effect-test pages.
 */
export const TODO_KEYS = [
  'toConfirm',
  'disputed',
  'requestsToAnswer',
  'requestsToClose',
  'incomplete',
  'monthlyVisit',
  'classHoursBehind',
  'lessonsToRate',
  'papersToConfirm',
  'planDue',
  'planReturned',
  'lessonsAwaitingRating',
  'mentoringToLog',
  'papersToComplete',
  'toReview',
  'overdue',
  'newlyAtRisk',
  'rectificationsToAnswer',
  'rectificationsToAccept',
  'rectificationsOverdue',
  'measurementsToConfirm',
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
  const admin = actor.role === 'CITY_ADMIN' || actor.role === 'COUNTY_ADMIN';

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
    // The list's marker (isIncomplete) as a filter: the four parts of the archive (计划、措施、记录、总结).
    incomplete: director
      ? db.activity.count({ where: { AND: [activityWhere(actor), { recordingKindergartenId: kg }, INCOMPLETE_WHERE] } })
      : NONE,
    // S1: running pairings this kindergarten supports with no counted visit yet in the city's month.
    monthlyVisit: director
      ? db.pairing.count({
          where: {
            AND: [
              pairingWhere(actor, 'activity.view'),
              ownSide('supportingId'),
              runningOn(today),
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
    // S2 on the supporting side, judged from the effect test's own figure for the semester.
    classHoursBehind: director ? pairingsBehindOnHours(actor, db, now) : NONE,
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
    // Running mentor pairs the teacher is in (either role) with no session in the city's month.
    mentoringToLog: teacher
      ? db.mentorPair.count({
          where: {
            AND: [
              { pairing: pairingWhere(actor, 'mentor.view') },
              { OR: [{ mentorId: actor.id }, { apprenticeId: actor.id }] },
              { startsOn: { lte: today } },
              currentMentorPairWhere(today),
              { pairing: runningOn(today) },
              { sessions: { none: { heldOn: { gte: dateOnly(`${todayIso.slice(0, 7)}-01`), lte: today } } } },
            ],
          },
        })
      : NONE,
    // Unconfirmed and without a certificate or scan: the director has nothing to confirm it against.
    papersToComplete: teacher
      ? db.paper.count({
          where: { AND: [paperWhere(actor), { authorId: actor.id, confirmedAt: null, evidence: { none: { deletedAt: null } } }] },
        })
      : NONE,
    toReview: NONE,
    overdue: NONE,
    newlyAtRisk: admin ? pairingsNewlyAtRisk(actor, db, now) : NONE,
    // From the rectifications module below, which counts them under its list's filters.
    rectificationsToAnswer: NONE,
    rectificationsToAccept: NONE,
    rectificationsOverdue: NONE,
    // The assisted director confirms the before-and-after measurements (cycle-review/access.ts).
    measurementsToConfirm:
      kg && hasPermission(actor, 'measurement.confirm')
        ? db.cycleMeasurement.count({
            where: {
              confirmedAt: null,
              recordedById: { not: actor.id },
              pairing: { AND: [pairingWhere(actor, 'pairing.view'), ownSide('assistedId')] },
            },
          })
        : NONE,
  };

  // One await for every count: a count that fails while another is awaited would otherwise go unhandled.
  const [plans, rectifications, values] = await Promise.all([
    annualPlanTodos(actor, db, now, todayIso, bureau),
    rectificationTodos(actor, db, now) as Promise<Partial<Record<TodoKey, number>>>,
    Promise.all(TODO_KEYS.map((k) => counts[k])),
  ]);
  const result = Object.fromEntries(TODO_KEYS.map((k, i) => [k, values[i] + (plans[k] ?? 0) + (rectifications[k] ?? 0)])) as Record<
    TodoKey,
    number
  >;
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

/** The semester holding today (else the latest ended), as the effect-test pages resolve it, and the one before it. */
async function currentAndPreviousPeriods(db: Db, now: Date) {
  const [cycles, timeZone] = await Promise.all([listCycles(db), cityTimeZone(db)]);
  const current = resolvePeriod(cycles, undefined, localDate(now, timeZone));
  if (!current) return null;
  const all = allPeriods(cycles); // newest first, across cycles
  const i = all.findIndex((p) => periodKey(p) === periodKey(current));
  return { current, previous: i >= 0 ? (all[i + 1] ?? null) : null };
}

/** Pairings this director's kindergarten supports whose S2 class hours are behind the semester's pace (rules.ts). */
async function pairingsBehindOnHours(actor: Actor, db: Db, now: Date): Promise<number> {
  const periods = await currentAndPreviousPeriods(db, now);
  if (!periods) return 0;
  const ev = await evaluatePairings(
    actor,
    { period: periods.current, today: now, where: { supportingId: actor.kindergartenId ?? '' } },
    db,
  );
  return ev.pairings.filter((p) => {
    const s2 = p.results.S2;
    return s2.window && s2.figure.kind === 'hours' && behindPace(s2.figure.have, s2.figure.need, s2.window, ev.today);
  }).length;
}

const statusesOf = (p: PairingEffects) => Object.fromEntries(Object.values(p.results).map((r) => [r.test, r.status]));

/**
 * Pairings in scope with a test at risk this semester that was met or on track the semester before
 * (rules.ts). The earlier semester is judged only for the pairings at risk now; across a change of
 * cycle a pairing is compared with the one it continues (rollover), and one new this cycle has no past.
 */
async function pairingsNewlyAtRisk(actor: Actor, db: Db, now: Date): Promise<number> {
  const periods = await currentAndPreviousPeriods(db, now);
  if (!periods?.previous) return 0;
  const current = await evaluatePairings(actor, { period: periods.current, today: now }, db);
  const atRisk = current.pairings.filter((p) => Object.values(p.results).some((r) => r.status === 'AT_RISK'));
  if (atRisk.length === 0) return 0;
  const sameCycle = periods.previous.cycleId === periods.current.cycleId;
  const earlierId = new Map<string, string>(
    sameCycle
      ? atRisk.map((p) => [p.id, p.id])
      : (
          await db.pairing.findMany({
            where: { id: { in: atRisk.map((p) => p.id) }, previousId: { not: null } },
            select: { id: true, previousId: true },
          })
        ).map((p) => [p.id, p.previousId!]),
  );
  if (earlierId.size === 0) return 0;
  const before = await evaluatePairings(actor, { period: periods.previous, today: now, pairingIds: [...earlierId.values()] }, db);
  const beforeById = new Map(before.pairings.map((p) => [p.id, statusesOf(p)]));
  return atRisk.filter((p) => {
    const earlier = beforeById.get(earlierId.get(p.id) ?? '');
    return earlier != null && newlyAtRiskTests(statusesOf(p), earlier).length > 0;
  }).length;
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
    case 'classHoursBehind':
      return '/effect-tests?test=S2';
    case 'mentoringToLog':
      return '/mentoring';
    case 'newlyAtRisk':
      return '/effect-tests?status=AT_RISK';
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
    case 'rectificationsToAnswer':
      return '/rectifications?status=due';
    case 'rectificationsToAccept':
      return '/rectifications?status=answered&office=mine';
    case 'rectificationsOverdue':
      return '/rectifications?status=overdue';
    case 'measurementsToConfirm':
      return '/cycle-review';
  }
}
