import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db, type Db } from '@/lib/db';
import {
  can,
  hasPermission,
  kindergartenResource,
  kindergartenWhere,
  NotFoundError,
  pairingResource,
  pairingWhere,
  type Actor,
} from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { listCycles } from '@/lib/cycles/queries';
import { dateOnly, type IsoDate, isoOf } from '@/lib/time/date-only';
import { cycleHasEnded, cycleSpan, defaultCycle, periodAt } from '@/lib/cycles/periods';
import { canBeAssisted, canSupport, capIssues } from './rules';

export type PairingStatus = 'active' | 'ended';
export const PAIRINGS_PAGE_SIZE = 100;

/** Ended: the cycle is over, or the pairing's own end date has passed. */
export function pairingStatus(p: { endsOn: IsoDate | null }, cycleEnded: boolean, today: IsoDate): PairingStatus {
  return cycleEnded || (p.endsOn != null && p.endsOn < today) ? 'ended' : 'active';
}

export async function listPairings(
  actor: Actor,
  filters: { cycleId?: string; countyId?: string; q?: string; status?: string },
  now: Date = new Date(),
) {
  const [cycles, today] = await Promise.all([listCycles(), cityToday(db, now)]);
  const cycle = (filters.cycleId ? cycles.find((c) => c.id === filters.cycleId) : null) ?? defaultCycle(cycles, today);
  if (!cycle) return { cycles, cycle: null, today, rows: [], total: 0 };
  const ended = cycleHasEnded(cycle, today);
  const q = filters.q?.trim();
  const todayDate = dateOnly(today);
  const statusWhere: Prisma.PairingWhereInput =
    filters.status === 'active'
      ? ended
        ? { id: { in: [] } }
        : { OR: [{ endsOn: null }, { endsOn: { gte: todayDate } }] }
      : filters.status === 'ended'
        ? ended
          ? {}
          : { endsOn: { lt: todayDate } }
        : {};
  const where: Prisma.PairingWhereInput = {
    AND: [
      pairingWhere(actor),
      { cycleId: cycle.id },
      filters.countyId ? { OR: [{ supporting: { countyId: filters.countyId } }, { assisted: { countyId: filters.countyId } }] } : {},
      q
        ? {
            OR: [
              { supporting: { name: { contains: q, mode: 'insensitive' } } },
              { assisted: { name: { contains: q, mode: 'insensitive' } } },
            ],
          }
        : {},
      statusWhere,
    ],
  };
  const kg = { select: { id: true, name: true, county: { select: { name: true, nameEn: true } } } } as const;
  const [rows, total] = await Promise.all([
    db.pairing.findMany({
      where,
      orderBy: [{ supporting: { county: { code: 'asc' } } }, { supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
      take: PAIRINGS_PAGE_SIZE,
      select: {
        id: true,
        startsOn: true,
        endsOn: true,
        previousId: true,
        supporting: kg,
        assisted: kg,
        next: { select: { id: true } },
        members: { where: { role: 'LEADER' }, select: { user: { select: { name: true } } } },
      },
    }),
    db.pairing.count({ where }),
  ]);
  return {
    cycles,
    cycle,
    today,
    total,
    rows: rows.map((r) => {
      const endsOn = r.endsOn ? isoOf(r.endsOn) : null;
      return {
        id: r.id,
        supporting: r.supporting,
        assisted: r.assisted,
        startsOn: isoOf(r.startsOn),
        endsOn,
        continued: r.previousId != null,
        rolledOver: r.next != null,
        leader: r.members[0]?.user.name ?? null,
        status: pairingStatus({ endsOn }, ended, today),
      };
    }),
  };
}

const PROFILE = {
  id: true,
  code: true,
  name: true,
  area: true,
  level: true,
  address: true,
  classCount: true,
  childCount: true,
  teacherCount: true,
  staffCount: true,
  active: true,
  countyId: true,
  county: { select: { name: true, nameEn: true } },
} as const;

/** One pairing as its page shows it; outside the actor's scope it does not exist. */
export async function getPairing(actor: Actor, id: string, now: Date = new Date()) {
  const p = await db.pairing.findUnique({
    where: { id },
    select: {
      id: true,
      cycleId: true,
      supportingId: true,
      assistedId: true,
      startsOn: true,
      endsOn: true,
      endReason: true,
      version: true,
      goalConditions: true,
      goalManagement: true,
      goalTeachers: true,
      goalChildren: true,
      previousId: true,
      supporting: { select: PROFILE },
      assisted: { select: PROFILE },
      next: { select: { id: true } },
      members: {
        orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
        select: { userId: true, role: true, user: { select: { name: true, role: true, kindergartenId: true } } },
      },
    },
  });
  if (!p || !can(actor, 'pairing.view', pairingResource(p))) throw new NotFoundError();
  const [cycles, today] = await Promise.all([listCycles(), cityToday(db, now)]);
  const cycle = cycles.find((c) => c.id === p.cycleId)!;
  const ended = cycleHasEnded(cycle, today);
  const endsOn = p.endsOn ? isoOf(p.endsOn) : null;
  const both = (action: 'pairing.update' | 'pairing.end') =>
    !ended && can(actor, action, kindergartenResource(p.supporting)) && can(actor, action, kindergartenResource(p.assisted));
  return {
    ...p,
    startsOn: isoOf(p.startsOn),
    endsOn,
    cycle,
    cycleEnded: ended,
    period: periodAt(cycles, today),
    today,
    status: pairingStatus({ endsOn }, ended, today),
    canUpdate: both('pairing.update'),
    canEnd: both('pairing.end'),
  };
}
export type PairingDetail = Awaited<ReturnType<typeof getPairing>>;

/** People who may serve in a pairing's leading group: active accounts of the two kindergartens. */
export async function listGroupCandidates(kindergartenIds: string[], keepIds: string[] = []) {
  return db.user.findMany({
    where: { OR: [{ active: true, kindergartenId: { in: kindergartenIds } }, { id: { in: keepIds } }] },
    orderBy: [{ kindergarten: { code: 'asc' } }, { role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, role: true, kindergartenId: true, kindergarten: { select: { name: true } } },
  });
}

/** Kindergartens an admin may choose on the new-pairing form, split by the role they can take. */
export async function listPairingCandidates(actor: Actor) {
  if (!hasPermission(actor, 'pairing.create')) throw new NotFoundError();
  const rows = await db.kindergarten.findMany({
    where: { AND: [kindergartenWhere(actor, 'pairing.create'), { active: true }] },
    orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
    select: { id: true, name: true, area: true, level: true, countyId: true, county: { select: { name: true, nameEn: true } } },
  });
  return { supporters: rows.filter(canSupport), assisted: rows.filter(canBeAssisted), all: rows };
}

/**
 * The supporting kindergartens that already assist as many kindergartens as the city allows in
 * this cycle on the day a new pairing would start: the new-pairing form does not offer them, so
 * the refusal does not come after the second step. The same count as createPairing's cap check
 * (a pairing that ended before that day frees its slot); the command still decides.
 */
export async function supportersAtCap(cycleId: string, startsOn: IsoDate, cap: number, client: Pick<Db, 'pairing'> = db) {
  const rows = await client.pairing.groupBy({
    by: ['supportingId'],
    where: { cycleId, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(startsOn) } }] },
    _count: { _all: true },
  });
  return new Set(rows.filter((r) => capIssues(r._count._all, cap).length > 0).map((r) => r.supportingId));
}

export function counties(actor: Actor) {
  return db.region.findMany({
    where: { AND: [{ kind: 'COUNTY' }, actor.role === 'CITY_ADMIN' ? {} : { id: actor.countyId ?? '' }] },
    orderBy: { code: 'asc' },
    select: { id: true, name: true, nameEn: true },
  });
}

export { cycleSpan };
