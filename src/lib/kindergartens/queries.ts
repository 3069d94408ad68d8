import 'server-only';
import { db, type Db } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';
import { can, countyWhere, kindergartenResource, kindergartenWhere, type Action, type Actor } from '@/lib/authz';
import { getCurrentPeriod } from '@/lib/cycles/queries';
import { dateOnly } from '@/lib/time/date-only';
import type { KindergartenFilters } from './filters';

export const KINDERGARTENS_PAGE_SIZE = 50;

/**
 * "Paired" means paired in the current cycle, the same one the rest of the app shows (its whole
 * span in the city's time zone, holidays included). A pairing ended early (endsOn before today)
 * no longer counts.
 */
export async function currentPairingFilter(client: Db, now = new Date()): Promise<Prisma.PairingWhereInput | null> {
  const period = await getCurrentPeriod(now, client);
  if (!period.cycle) return null;
  return { cycleId: period.cycle.id, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(period.today) } }] };
}

/** Scope first, then the user's filters: shared by the page, its count and the export. */
export function kindergartenListFilter(
  actor: Actor,
  f: KindergartenFilters,
  pairing: Prisma.PairingWhereInput | null,
  action: Action = 'kindergarten.view',
): Prisma.KindergartenWhereInput {
  const and: Prisma.KindergartenWhereInput[] = [kindergartenWhere(actor, action)];
  if (f.status !== 'all') and.push({ active: f.status === 'active' });
  if (f.county) and.push({ countyId: f.county });
  if (f.area) and.push({ area: f.area });
  if (f.level) and.push({ level: f.level });
  if (f.q) {
    and.push({
      OR: [
        { name: { contains: f.q, mode: 'insensitive' } },
        { code: { contains: f.q, mode: 'insensitive' } },
        { address: { contains: f.q, mode: 'insensitive' } },
      ],
    });
  }
  if (f.paired) {
    const paired: Prisma.KindergartenWhereInput = pairing
      ? { OR: [{ supporting: { some: pairing } }, { assisted: { some: pairing } }] }
      : { id: { in: [] } };
    and.push(f.paired === 'yes' ? paired : { NOT: paired });
  }
  return { AND: and };
}

const LIST_SELECT = {
  id: true,
  code: true,
  name: true,
  area: true,
  level: true,
  active: true,
  address: true,
  contactName: true,
  contactPhone: true,
  classCount: true,
  childCount: true,
  teacherCount: true,
  staffCount: true,
  county: { select: { id: true, name: true, nameEn: true } },
} as const;

async function withPairedFlag<T extends { id: string }>(client: Db, rows: T[], pairing: Prisma.PairingWhereInput | null) {
  if (!pairing || rows.length === 0) return rows.map((r) => ({ ...r, paired: false }));
  const ids = rows.map((r) => r.id);
  const pairs = await client.pairing.findMany({
    where: { AND: [pairing, { OR: [{ supportingId: { in: ids } }, { assistedId: { in: ids } }] }] },
    select: { supportingId: true, assistedId: true },
  });
  const paired = new Set(pairs.flatMap((p) => [p.supportingId, p.assistedId]));
  return rows.map((r) => ({ ...r, paired: paired.has(r.id) }));
}

export async function listKindergartens(actor: Actor, f: KindergartenFilters, client: Db = db) {
  const pairing = await currentPairingFilter(client);
  const where = kindergartenListFilter(actor, f, pairing);
  const [rows, total] = await Promise.all([
    client.kindergarten.findMany({
      where,
      orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
      skip: (f.page - 1) * KINDERGARTENS_PAGE_SIZE,
      take: KINDERGARTENS_PAGE_SIZE,
      select: LIST_SELECT,
    }),
    client.kindergarten.count({ where }),
  ]);
  return { rows: await withPairedFlag(client, rows, pairing), total };
}

/** Every matching row, for the .xlsx export (scope of the export permission). */
export async function listKindergartensForExport(actor: Actor, f: KindergartenFilters, client: Db = db) {
  const pairing = await currentPairingFilter(client);
  const rows = await client.kindergarten.findMany({
    where: kindergartenListFilter(actor, { ...f, page: 1 }, pairing, 'kindergarten.export'),
    orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
    select: LIST_SELECT,
  });
  return withPairedFlag(client, rows, pairing);
}

/** One kindergarten with what the viewer may do with it; null when missing or outside the scope. */
export async function getKindergarten(actor: Actor, id: string, client: Db = db) {
  const row = await client.kindergarten.findUnique({
    where: { id },
    select: { ...LIST_SELECT, countyId: true, version: true, updatedAt: true },
  });
  if (!row) return null;
  const resource = kindergartenResource(row);
  if (!can(actor, 'kindergarten.view', resource)) return null;
  const [withFlag] = await withPairedFlag(client, [row], await currentPairingFilter(client));
  return {
    ...withFlag,
    may: {
      update: can(actor, 'kindergarten.update', resource),
      updateProfile: can(actor, 'kindergarten.updateProfile', resource),
      setActive: can(actor, 'kindergarten.setActive', resource),
    },
  };
}

/** Counties the actor may place a kindergarten in (create/update) or filter by (view). */
export async function listCounties(actor: Actor, action: Action = 'kindergarten.view', client: Db = db) {
  return client.region.findMany({
    where: countyWhere(actor, action),
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  });
}
