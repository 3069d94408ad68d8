import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import {
  activityWhere,
  can,
  hasPermission,
  PAIRING_SCOPE,
  pairingResource,
  pairingWhere,
  requestWhere,
  sideResource,
  type Actor,
} from '@/lib/authz';
import { confirmerReceives, confirmingSide, editableBySide, isIncomplete, receivingSide } from './rules';
import type { ActivityFilters } from './schemas';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityTodayDate } from '@/lib/time/today';
import { monthRange } from '@/lib/time/zoned';

export const ACTIVITIES_PAGE_SIZE = 30;

/**
 * What waits for this director's confirmation: done, pending, logged by the other kindergarten of
 * one of their pairings. Nothing for roles that do not confirm.
 */
export function awaitingConfirmationBy(actor: Actor): Prisma.ActivityWhereInput {
  if (!hasPermission(actor, 'activity.confirm') || !actor.kindergartenId) return { id: { in: [] } };
  const kg = actor.kindergartenId;
  return {
    status: 'DONE',
    confirmation: 'PENDING',
    recordingKindergartenId: { not: kg },
    pairing: { OR: [{ supportingId: kg }, { assistedId: kg }] },
  };
}

export async function countAwaitingConfirmation(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'activity.confirm')) return 0;
  return db.activity.count({ where: { AND: [activityWhere(actor), awaitingConfirmationBy(actor)] } });
}

const num = (d: { toString(): string } | null) => (d == null ? null : Number(d.toString()));

export function pairingLabel(p: { supporting: { name: string }; assisted: { name: string } }) {
  return `${p.supporting.name} → ${p.assisted.name}`;
}

/** The list's filters within the actor's scope; the list page and its export share them. */
async function activityListFilter(actor: Actor, filters: ActivityFilters, db: Db): Promise<Prisma.ActivityWhereInput> {
  const month = filters.month ? monthRange(filters.month, await cityTimeZone(db)) : null;
  return {
    AND: [
      activityWhere(actor),
      filters.pairing ? { pairingId: filters.pairing } : {},
      filters.type ? { type: filters.type } : {},
      filters.status ? { status: filters.status } : {},
      filters.confirmation ? { confirmation: filters.confirmation, status: 'DONE' } : {},
      month ? { startsAt: { gte: month.from, lt: month.to } } : {},
      filters.toConfirm ? awaitingConfirmationBy(actor) : {},
    ],
  };
}

/** A city's years of activities fit; a file beyond this is cut, and says so (see the export route). */
export const MAX_ACTIVITY_EXPORT_ROWS = 20000;

/** Every activity the list shows under these filters (all pages), for the .xlsx export. */
export async function listActivitiesForExport(actor: Actor, filters: ActivityFilters, db: Db) {
  const rows = await db.activity.findMany({
    where: await activityListFilter(actor, filters, db),
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: MAX_ACTIVITY_EXPORT_ROWS + 1,
    select: {
      type: true,
      title: true,
      status: true,
      startsAt: true,
      location: true,
      classHours: true,
      childCount: true,
      confirmation: true,
      lateCorrection: true,
      pairing: {
        select: {
          supporting: { select: { name: true, county: { select: { name: true, nameEn: true } } } },
          assisted: { select: { name: true, county: { select: { name: true, nameEn: true } } } },
        },
      },
    },
  });
  return {
    truncated: rows.length > MAX_ACTIVITY_EXPORT_ROWS,
    rows: rows.slice(0, MAX_ACTIVITY_EXPORT_ROWS).map((a) => ({ ...a, classHours: num(a.classHours) })),
  };
}

export async function listActivities(actor: Actor, filters: ActivityFilters, db: Db) {
  const page = filters.page ?? 1;
  const where = await activityListFilter(actor, filters, db);
  const confirmer = hasPermission(actor, 'activity.confirm') && actor.kindergartenId != null;
  const [rows, total] = await Promise.all([
    db.activity.findMany({
      where,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * ACTIVITIES_PAGE_SIZE,
      take: ACTIVITIES_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        title: true,
        status: true,
        startsAt: true,
        location: true,
        classHours: true,
        confirmation: true,
        plan: true,
        measures: true,
        record: true,
        summary: true,
        direction: true,
        receiptConfirmedAt: true,
        recordingKindergartenId: true,
        version: true,
        lateCorrection: true,
        pairing: { select: { supporting: { select: { name: true } }, assisted: { select: { name: true } } } },
        _count: { select: { donationLines: true } },
      },
    }),
    db.activity.count({ where }),
  ]);
  return {
    total,
    page,
    rows: rows.map((a) => ({
      id: a.id,
      type: a.type,
      title: a.title,
      status: a.status,
      startsAt: a.startsAt,
      location: a.location,
      classHours: num(a.classHours),
      confirmation: a.confirmation,
      pairing: pairingLabel(a.pairing),
      incomplete: isIncomplete(a),
      donation: a._count.donationLines > 0,
      received: a.receiptConfirmedAt != null,
      lateCorrection: a.lateCorrection,
      version: a.version,
      // Ticked for "confirm selected": the rows awaitingConfirmationBy selects (the command checks again).
      confirmable: confirmer && a.status === 'DONE' && a.confirmation === 'PENDING' && a.recordingKindergartenId !== actor.kindergartenId,
    })),
  };
}

/** Pairings in scope, for the list filter. */
export async function listPairingOptions(actor: Actor, db: Db) {
  const rows = await db.pairing.findMany({
    where: pairingWhere(actor, 'activity.view'),
    orderBy: [{ cycle: { startYear: 'desc' } }, { supporting: { name: 'asc' } }],
    select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } }, cycle: { select: { name: true } } },
    take: 500,
  });
  // The same two kindergartens are usually paired again in the next cycle: the cycle tells them apart.
  return rows.map((p) => ({ value: p.id, label: `${pairingLabel(p)} · ${p.cycle.name}` }));
}

export async function getActivity(actor: Actor, id: string, db: Db) {
  const a = await db.activity.findUnique({
    where: { id },
    include: {
      pairing: { select: { ...PAIRING_SCOPE, cycle: { select: { name: true } } } },
      donationLines: { orderBy: { position: 'asc' } },
      participants: { select: { user: { select: { id: true, name: true, kindergartenId: true } } } },
      createdBy: { select: { name: true } },
      confirmedBy: { select: { name: true } },
      receiptConfirmedBy: { select: { name: true } },
      request: { select: { id: true, title: true, kind: true, status: true } },
      recordingKindergarten: { select: { name: true } },
    },
  });
  if (!a || !can(actor, 'activity.view', pairingResource(a.pairing))) return null;
  const p = a.pairing;
  const confirmer = confirmingSide(a.recordingKindergartenId, p);
  const receiver = receivingSide(a, p);
  const owner = { ...pairingResource(p), ownerId: a.createdById };
  const lines = a.donationLines.map((l) => ({
    id: l.id,
    item: l.item,
    quantity: num(l.quantity)!,
    unit: l.unit,
    estimatedValue: num(l.estimatedValue)!,
  }));
  return {
    id: a.id,
    type: a.type,
    direction: a.direction,
    targetArea: a.targetArea,
    title: a.title,
    status: a.status,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    location: a.location,
    outsideExperts: a.outsideExperts,
    childCount: a.childCount,
    classHours: num(a.classHours),
    plan: a.plan,
    measures: a.measures,
    record: a.record,
    summary: a.summary,
    cancelReason: a.cancelReason,
    confirmation: a.confirmation,
    confirmationComment: a.confirmationComment,
    confirmedBy: a.confirmedBy?.name ?? null,
    confirmedAt: a.confirmedAt,
    lateCorrection: a.lateCorrection,
    version: a.version,
    receiptConfirmedAt: a.receiptConfirmedAt,
    receiptConfirmedBy: a.receiptConfirmedBy?.name ?? null,
    receiptComment: a.receiptComment,
    createdBy: a.createdBy.name,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    recordingKindergarten: a.recordingKindergarten.name,
    confirmingKindergarten: confirmer === p.supportingId ? p.supporting.name : p.assisted.name,
    receivingKindergarten: receiver === p.supportingId ? p.supporting.name : p.assisted.name,
    pairing: {
      id: p.id,
      label: pairingLabel(p),
      cycle: p.cycle.name,
      supportingId: p.supportingId,
      assistedId: p.assistedId,
      supporting: p.supporting.name,
      assisted: p.assisted.name,
    },
    participants: a.participants.map((x) => ({
      id: x.user.id,
      name: x.user.name,
      side: x.user.kindergartenId === p.supportingId ? ('supporting' as const) : ('assisted' as const),
    })),
    donationLines: lines,
    donationTotal: lines.reduce((s, l) => s + l.estimatedValue, 0),
    request: a.request,
    incomplete: isIncomplete(a),
    canEdit: a.status !== 'CANCELLED' && editableBySide(a, actor.kindergartenId) && can(actor, 'activity.update', owner),
    canCancel: a.status === 'PLANNED' && can(actor, 'activity.cancel', owner),
    canConfirm: a.status === 'DONE' && can(actor, 'activity.confirm', sideResource(p, confirmer)),
    canConfirmReceipt:
      a.type === 'DONATION' &&
      a.status === 'DONE' &&
      !a.receiptConfirmedAt &&
      can(actor, 'activity.confirmReceipt', sideResource(p, receiver)),
    // The receiving side's confirmation also records receipt (confirmActivity): one button, not two.
    confirmAlsoReceives:
      a.status === 'DONE' &&
      !a.receiptConfirmedAt &&
      confirmerReceives(a, p) &&
      can(actor, 'activity.confirm', sideResource(p, confirmer)) &&
      can(actor, 'activity.confirmReceipt', sideResource(p, receiver)),
  };
}
export type ActivityDetail = NonNullable<Awaited<ReturnType<typeof getActivity>>>;

/** What an edited activity already has, offered even when it would no longer be offered to a new one. */
export type EditedActivity = { pairingId: string; participantIds: string[] };

/**
 * What the form offers: current pairings the actor may log activities for, each with the staff of
 * both kindergartens (for the participants), and whether the actor may link requests. Editing
 * offers the activity's own pairing even if it has ended (a done activity of last cycle can still
 * get its record and summary), and keeps its participants even if they left or were deactivated.
 */
export async function activityFormOptions(actor: Actor, db: Db, now = new Date(), edited?: EditedActivity) {
  if (!hasPermission(actor, 'activity.create')) return [];
  const today = await cityTodayDate(db, now);
  const current = { OR: [{ endsOn: null }, { endsOn: { gte: today } }], cycle: { semesters: { some: { endsOn: { gte: today } } } } };
  const pairings = await db.pairing.findMany({
    // New activities: current pairings only, not ended and in a cycle that has not ended (last cycle's pairings stay open-ended).
    where: { AND: [pairingWhere(actor, 'activity.create'), edited ? { id: edited.pairingId } : current] },
    orderBy: [{ cycle: { startYear: 'desc' } }, { supporting: { name: 'asc' } }],
    select: {
      ...PAIRING_SCOPE,
      supporting: {
        select: {
          countyId: true,
          name: true,
          users: {
            where: { active: true, role: { in: ['DIRECTOR', 'TEACHER'] } },
            select: { id: true, name: true },
            orderBy: { name: 'asc' },
          },
        },
      },
      assisted: {
        select: {
          countyId: true,
          name: true,
          users: {
            where: { active: true, role: { in: ['DIRECTOR', 'TEACHER'] } },
            select: { id: true, name: true },
            orderBy: { name: 'asc' },
          },
        },
      },
    },
  });
  const kept = edited?.participantIds.length
    ? await db.user.findMany({ where: { id: { in: edited.participantIds } }, select: { id: true, name: true, kindergartenId: true } })
    : [];
  // A kept participant who moved or left is listed on the side they took part for (the side they are
  // no longer on is unknown to us, so: the supporting side unless they are now on the assisted one).
  const withKept = (
    staff: { id: string; name: string }[],
    side: 'supporting' | 'assisted',
    p: { supportingId: string; assistedId: string },
  ) => {
    const extra = kept.filter(
      (u) =>
        !staff.some((s) => s.id === u.id) && (side === 'assisted' ? u.kindergartenId === p.assistedId : u.kindergartenId !== p.assistedId),
    );
    return extra.length ? [...staff, ...extra.map(({ id, name }) => ({ id, name }))] : staff;
  };
  return pairings
    .filter((p) => can(actor, 'activity.create', pairingResource(p)))
    .map((p) => ({
      id: p.id,
      label: pairingLabel(p),
      supporting: p.supporting.name,
      assisted: p.assisted.name,
      supportingStaff: withKept(p.supporting.users, 'supporting', p),
      assistedStaff: withKept(p.assisted.users, 'assisted', p),
      canAnswerRequests: can(actor, 'request.answer', sideResource(p, p.supportingId)),
    }));
}
export type PairingOption = Awaited<ReturnType<typeof activityFormOptions>>[number];

/**
 * Open (or answered, not yet closed) requests of a pairing that an activity may answer, plus the
 * request an edited activity already answers even if the asker has closed it since (else the form
 * would offer "none" and the save would silently unlink it).
 */
export async function answerableRequests(actor: Actor, pairingIds: string[], db: Db, linkedRequestId?: string) {
  return db.assistanceRequest.findMany({
    where: {
      AND: [
        requestWhere(actor),
        { pairingId: { in: pairingIds } },
        { OR: [{ status: { not: 'CLOSED' } }, ...(linkedRequestId ? [{ id: linkedRequestId }] : [])] },
      ],
    },
    select: { id: true, pairingId: true, title: true, kind: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function listRequests(actor: Actor, filters: { status?: 'OPEN' | 'ANSWERED' | 'CLOSED'; pairing?: string }, db: Db) {
  const rows = await db.assistanceRequest.findMany({
    where: {
      AND: [requestWhere(actor), filters.status ? { status: filters.status } : {}, filters.pairing ? { pairingId: filters.pairing } : {}],
    },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
    include: {
      pairing: { select: PAIRING_SCOPE },
      createdBy: { select: { name: true } },
      activities: { select: { id: true, title: true, status: true, startsAt: true }, orderBy: { startsAt: 'asc' } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    details: r.details,
    neededBy: r.neededBy,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy.name,
    pairingId: r.pairingId,
    pairing: pairingLabel(r.pairing),
    activities: r.activities,
    canAnswer: r.status !== 'CLOSED' && can(actor, 'request.answer', sideResource(r.pairing, r.pairing.supportingId)),
    canClose: r.status !== 'CLOSED' && can(actor, 'request.close', sideResource(r.pairing, r.pairing.assistedId)),
  }));
}

/** Pairings in which the actor may ask for help (their kindergarten is the assisted one). */
export async function requestPairingOptions(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'request.create')) return [];
  const today = await cityTodayDate(db);
  const rows = await db.pairing.findMany({
    where: {
      AND: [
        pairingWhere(actor, 'request.create'),
        { OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
        { cycle: { semesters: { some: { endsOn: { gte: today } } } } },
      ],
    },
    select: PAIRING_SCOPE,
  });
  return rows
    .filter((p) => can(actor, 'request.create', sideResource(p, p.assistedId)))
    .map((p) => ({ value: p.id, label: pairingLabel(p) }));
}

export async function getRequestPrefill(actor: Actor, id: string, db: Db) {
  const r = await db.assistanceRequest.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
  if (!r || !can(actor, 'request.view', pairingResource(r.pairing))) return null;
  return { id: r.id, pairingId: r.pairingId, kind: r.kind, title: r.title, details: r.details };
}

/** Planned and done activities of one pairing in a month, for the calendar. */
export async function calendarActivities(actor: Actor, pairingId: string, month: string, db: Db) {
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'activity.view', pairingResource(pairing))) return null;
  const timeZone = await cityTimeZone(db);
  const { from, to } = monthRange(month, timeZone);
  const activities = await db.activity.findMany({
    where: { pairingId, startsAt: { gte: from, lt: to } },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      title: true,
      type: true,
      status: true,
      startsAt: true,
      confirmation: true,
      location: true,
      plan: true,
      measures: true,
      record: true,
      summary: true,
    },
  });
  return {
    pairing: { id: pairing.id, label: pairingLabel(pairing) },
    timeZone,
    canCreate: can(actor, 'activity.create', pairingResource(pairing)),
    activities: activities.map((a) => ({ ...a, incomplete: isIncomplete(a) })),
  };
}
