import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import {
  can,
  hasPermission,
  isRectificationOffice,
  kindergartenResource,
  PAIRING_SCOPE,
  rectificationOfficeWhere,
  rectificationResource,
  rectificationWhere,
  type Actor,
} from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { isoOf } from '@/lib/time/date-only';
import { cityToday } from '@/lib/time/today';
import { isOverdue, mayAnswer, mayReview, offeredWith, overdueWhere, statusFilterWhere } from './rules';
import type { RectificationFilters } from './schemas';
import { loadSource, type SourceRef } from './source';

/** A list longer than this is cut (the page says so): filters narrow it. */
export const LIST_LIMIT = 300;

const LIST_SELECT = {
  id: true,
  requirement: true,
  deadline: true,
  status: true,
  closedAt: true,
  createdAt: true,
  officeCountyId: true,
  pairingId: true,
  inspectionItemId: true,
  spotCheckItemId: true,
  kindergarten: { select: { id: true, name: true, countyId: true } },
} as const;

/** The scoped list with its filters; overdue rows flagged on the city's today. */
export async function listRectifications(actor: Actor, filters: RectificationFilters, db: Db, now = new Date()) {
  if (!hasPermission(actor, 'rectification.view')) return { rows: [], more: false };
  const today = await cityToday(db, now);
  const where: Prisma.RectificationWhereInput = {
    AND: [
      rectificationWhere(actor),
      filters.status ? statusFilterWhere(filters.status, today) : {},
      filters.countyId ? { kindergarten: { countyId: filters.countyId } } : {},
      filters.pairingId ? { pairingId: filters.pairingId } : {},
      filters.office ? rectificationOfficeWhere(actor) : {},
    ],
  };
  const rows = await db.rectification.findMany({
    where,
    select: LIST_SELECT,
    orderBy: [{ status: 'asc' }, { deadline: 'asc' }, { createdAt: 'asc' }],
    take: LIST_LIMIT + 1,
  });
  return {
    rows: rows
      .slice(0, LIST_LIMIT)
      .map((r) => ({ ...r, deadline: isoOf(r.deadline), overdue: isOverdue(r.status, isoOf(r.deadline), today) })),
    more: rows.length > LIST_LIMIT,
  };
}

export type RectificationCounts = { open: number; returned: number; answered: number; overdue: number; closed: number };

/**
 * Counted in the database within the actor's scope (and an extra filter: one pairing). `open` is every one
 * waiting for the kindergarten (open or returned); `overdue` is the part of those past their deadline.
 */
export async function rectificationCounts(
  actor: Actor,
  db: Db,
  now = new Date(),
  extra: Prisma.RectificationWhereInput = {},
): Promise<RectificationCounts | null> {
  if (!hasPermission(actor, 'rectification.view')) return null;
  const today = await cityToday(db, now);
  const where: Prisma.RectificationWhereInput = { AND: [rectificationWhere(actor), extra] };
  const [groups, overdue] = await Promise.all([
    db.rectification.groupBy({ by: ['status'], where, _count: { _all: true } }),
    db.rectification.count({ where: { AND: [where, overdueWhere(today)] } }),
  ]);
  const of = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return { open: of('OPEN') + of('RETURNED'), returned: of('RETURNED'), answered: of('ANSWERED'), overdue, closed: of('CLOSED') };
}

/**
 * What waits on a home page, each the count of a list filter: a director's rectifications to answer in
 * time and those overdue; an admin's answers to accept (its own office's) and those overdue in scope.
 */
export type RectificationTodoKey = 'rectificationsToAnswer' | 'rectificationsToAccept' | 'rectificationsOverdue';

export async function rectificationTodos(actor: Actor, db: Db, now = new Date()): Promise<Partial<Record<RectificationTodoKey, number>>> {
  if (!hasPermission(actor, 'rectification.view')) return {};
  const today = await cityToday(db, now);
  const count = (w: Prisma.RectificationWhereInput) => db.rectification.count({ where: { AND: [rectificationWhere(actor), w] } });
  if (actor.kindergartenId && hasPermission(actor, 'rectification.answer')) {
    const [due, overdue] = await Promise.all([count(statusFilterWhere('due', today)), count(overdueWhere(today))]);
    return { rectificationsToAnswer: due, rectificationsOverdue: overdue };
  }
  if (hasPermission(actor, 'rectification.review')) {
    const [answered, overdue] = await Promise.all([
      count({ AND: [rectificationOfficeWhere(actor), statusFilterWhere('answered', today)] }),
      count(overdueWhere(today)),
    ]);
    return { rectificationsToAccept: answered, rectificationsOverdue: overdue };
  }
  return {};
}

/** The pairing page's card: its rectifications in the actor's scope, with the counts. */
export async function pairingRectifications(actor: Actor, pairingId: string, db: Db, now = new Date()) {
  const [list, counts] = await Promise.all([
    listRectifications(actor, { pairingId }, db, now),
    rectificationCounts(actor, db, now, { pairingId }),
  ]);
  return { rows: list.rows, more: list.more, counts };
}

/** One rectification with where it came from, every answer with its review and the evidence it was backed by. */
export async function getRectification(actor: Actor, id: string, db: Db, now = new Date()) {
  const r = await db.rectification.findUnique({
    where: { id },
    include: {
      kindergarten: { select: { id: true, name: true, countyId: true, county: { select: { name: true, nameEn: true } } } },
      pairing: { select: PAIRING_SCOPE },
      createdBy: { select: { name: true } },
      inspectionItem: {
        select: { title: true, titleEn: true, result: true, note: true, inspection: { select: { id: true, inspectedOn: true } } },
      },
      spotCheckItem: { select: { note: true, checkedAt: true, activity: { select: { id: true, title: true, startsAt: true } } } },
      answers: {
        orderBy: { number: 'desc' },
        include: { answeredBy: { select: { name: true } }, reviewedBy: { select: { name: true } } },
      },
    },
  });
  if (!r || !can(actor, 'rectification.view', rectificationResource(r))) return null;
  const [office, files, today] = await Promise.all([
    r.officeCountyId ? db.region.findUnique({ where: { id: r.officeCountyId }, select: { name: true, nameEn: true } }) : null,
    // Removed files too: an answer shows what it was backed by when it was sent.
    db.evidenceFile.findMany({
      where: { rectificationId: r.id },
      select: { id: true, originalName: true, kind: true, createdAt: true, deletedAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    cityToday(db, now),
  ]);
  const deadline = isoOf(r.deadline);
  return {
    ...r,
    deadline,
    office,
    pairingLabel: r.pairing ? pairingLabel(r.pairing) : null,
    overdue: isOverdue(r.status, deadline, today),
    answers: r.answers.map((a) => ({
      ...a,
      evidence: files.filter((f) => offeredWith(f, a.answeredAt)).map((f) => ({ id: f.id, name: f.originalName, kind: f.kind })),
    })),
    canAnswer: mayAnswer(r.status) && can(actor, 'rectification.answer', kindergartenResource(r.kindergarten)),
    canReview:
      mayReview(r.status) && can(actor, 'rectification.review', rectificationResource(r)) && isRectificationOffice(actor, r.officeCountyId),
  };
}

/**
 * For the "new" page: the finding and the kindergartens this actor may tell to act. Null when the source is
 * unknown or out of scope (the page answers 404).
 */
export async function getFinding(actor: Actor, ref: SourceRef, db: Db, now = new Date()) {
  const source = await loadSource(db, ref);
  if (!source || !can(actor, source.view.action, source.view.resource)) return null;
  return {
    ...source,
    kindergartens: source.kindergartens.filter((k) => can(actor, 'rectification.open', kindergartenResource(k))),
    today: await cityToday(db, now),
  };
}
