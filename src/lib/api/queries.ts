import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { can, kindergartenResource, kindergartenWhere, NotFoundError, pairingResource, pairingWhere, type Actor } from '@/lib/authz';
import { activityWhere } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { isoOf } from '@/lib/time/date-only';
import { dayRange, listBody, pageOf, type Pagination } from './params';

// Stable JSON shapes of /api/v1 (docs/api.md): instants as ISO 8601 UTC, calendar dates as
// YYYY-MM-DD, enums as their names, decimals as numbers. Contact details stay out of the API.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? isoOf(d) : null);
const num = (d: { toString(): string } | null) => (d == null ? null : Number(d.toString()));

const KG_SELECT = {
  id: true,
  code: true,
  name: true,
  countyId: true,
  county: { select: { code: true, name: true } },
  area: true,
  level: true,
  address: true,
  classCount: true,
  childCount: true,
  teacherCount: true,
  staffCount: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.KindergartenSelect;

function kindergartenJson(k: Prisma.KindergartenGetPayload<{ select: typeof KG_SELECT }>) {
  return {
    id: k.id,
    code: k.code,
    name: k.name,
    county: { id: k.countyId, code: k.county.code, name: k.county.name },
    area: k.area,
    level: k.level,
    address: k.address,
    classCount: k.classCount,
    childCount: k.childCount,
    teacherCount: k.teacherCount,
    staffCount: k.staffCount,
    active: k.active,
    createdAt: iso(k.createdAt),
    updatedAt: iso(k.updatedAt),
  };
}

export async function apiListKindergartens(
  actor: Actor,
  q: Pagination & {
    county?: string;
    area?: 'URBAN' | 'RURAL';
    level?: 'PROVINCIAL' | 'MUNICIPAL' | 'COUNTY' | 'NONE';
    active?: boolean;
    q?: string;
  },
) {
  const where: Prisma.KindergartenWhereInput = {
    AND: [
      kindergartenWhere(actor),
      q.county ? { countyId: q.county } : {},
      q.area ? { area: q.area } : {},
      q.level ? { level: q.level } : {},
      q.active != null ? { active: q.active } : {},
      q.q ? { OR: [{ name: { contains: q.q, mode: 'insensitive' } }, { code: { contains: q.q, mode: 'insensitive' } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.kindergarten.findMany({ where, orderBy: [{ code: 'asc' }, { id: 'asc' }], ...pageOf(q), select: KG_SELECT }),
    db.kindergarten.count({ where }),
  ]);
  return listBody(rows.map(kindergartenJson), q, total);
}

export async function apiGetKindergarten(actor: Actor, id: string) {
  const k = await db.kindergarten.findUnique({ where: { id }, select: KG_SELECT });
  if (!k || !can(actor, 'kindergarten.view', kindergartenResource(k))) throw new NotFoundError();
  return { data: kindergartenJson(k) };
}

const SIDE = { select: { id: true, code: true, name: true, countyId: true } } as const;
const PAIRING_SELECT = {
  id: true,
  supportingId: true,
  assistedId: true,
  startsOn: true,
  endsOn: true,
  endReason: true,
  previousId: true,
  goalConditions: true,
  goalManagement: true,
  goalTeachers: true,
  goalChildren: true,
  createdAt: true,
  updatedAt: true,
  cycle: { select: { id: true, startYear: true, name: true } },
  supporting: SIDE,
  assisted: SIDE,
} satisfies Prisma.PairingSelect;

function pairingJson(p: Prisma.PairingGetPayload<{ select: typeof PAIRING_SELECT }>) {
  return {
    id: p.id,
    cycle: p.cycle,
    supporting: p.supporting,
    assisted: p.assisted,
    startsOn: day(p.startsOn),
    endsOn: day(p.endsOn),
    endReason: p.endReason,
    previousId: p.previousId,
    goals: { conditions: p.goalConditions, management: p.goalManagement, teachers: p.goalTeachers, children: p.goalChildren },
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export async function apiListPairings(actor: Actor, q: Pagination & { cycle?: string; county?: string }) {
  const where: Prisma.PairingWhereInput = {
    AND: [
      pairingWhere(actor),
      q.cycle ? { cycleId: q.cycle } : {},
      q.county ? { OR: [{ supporting: { countyId: q.county } }, { assisted: { countyId: q.county } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.pairing.findMany({ where, orderBy: [{ cycle: { startYear: 'desc' } }, { id: 'asc' }], ...pageOf(q), select: PAIRING_SELECT }),
    db.pairing.count({ where }),
  ]);
  return listBody(rows.map(pairingJson), q, total);
}

export async function apiGetPairing(actor: Actor, id: string) {
  const p = await db.pairing.findUnique({ where: { id }, select: PAIRING_SELECT });
  if (!p || !can(actor, 'pairing.view', pairingResource(p))) throw new NotFoundError();
  return { data: pairingJson(p) };
}

const ACTIVITY_SELECT = {
  id: true,
  pairingId: true,
  type: true,
  direction: true,
  targetArea: true,
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  classHours: true,
  childCount: true,
  status: true,
  confirmation: true,
  confirmedAt: true,
  recordingKindergartenId: true,
  requestId: true,
  lateCorrection: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ActivitySelect;

function activityJson(a: Prisma.ActivityGetPayload<{ select: typeof ACTIVITY_SELECT }>) {
  return {
    id: a.id,
    pairingId: a.pairingId,
    type: a.type,
    direction: a.direction,
    targetArea: a.targetArea,
    title: a.title,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    location: a.location,
    classHours: num(a.classHours),
    childCount: a.childCount,
    status: a.status,
    confirmation: a.confirmation,
    confirmedAt: iso(a.confirmedAt),
    recordingKindergartenId: a.recordingKindergartenId,
    requestId: a.requestId,
    lateCorrection: a.lateCorrection,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export async function apiListActivities(
  actor: Actor,
  q: Pagination & {
    pairing?: string;
    from?: string;
    to?: string;
    type?: Prisma.ActivityWhereInput['type'] & string;
    status?: 'PLANNED' | 'DONE' | 'CANCELLED';
  },
) {
  const range = dayRange(q.from, q.to, await cityTimeZone(db));
  const where: Prisma.ActivityWhereInput = {
    AND: [
      activityWhere(actor),
      q.pairing ? { pairingId: q.pairing } : {},
      q.type ? { type: q.type } : {},
      q.status ? { status: q.status } : {},
      range.gte || range.lt ? { startsAt: range } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.activity.findMany({ where, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], ...pageOf(q), select: ACTIVITY_SELECT }),
    db.activity.count({ where }),
  ]);
  return listBody(rows.map(activityJson), q, total);
}

export async function apiGetActivity(actor: Actor, id: string) {
  const a = await db.activity.findUnique({
    where: { id },
    select: {
      ...ACTIVITY_SELECT,
      plan: true,
      measures: true,
      record: true,
      summary: true,
      outsideExperts: true,
      cancelReason: true,
      confirmationComment: true,
      receiptConfirmedAt: true,
      pairing: {
        select: {
          supportingId: true,
          assistedId: true,
          supporting: { select: { countyId: true } },
          assisted: { select: { countyId: true } },
        },
      },
      participants: {
        select: { userId: true, user: { select: { name: true, kindergartenId: true } } },
        orderBy: { user: { name: 'asc' } },
      },
      donationLines: { orderBy: { position: 'asc' }, select: { item: true, quantity: true, unit: true, estimatedValue: true } },
    },
  });
  if (!a || !can(actor, 'activity.view', pairingResource(a.pairing))) throw new NotFoundError();
  return {
    data: {
      ...activityJson(a),
      plan: a.plan,
      measures: a.measures,
      record: a.record,
      summary: a.summary,
      outsideExperts: a.outsideExperts,
      cancelReason: a.cancelReason,
      confirmationComment: a.confirmationComment,
      receiptConfirmedAt: iso(a.receiptConfirmedAt),
      participants: a.participants.map((p) => ({ userId: p.userId, name: p.user.name, kindergartenId: p.user.kindergartenId })),
      donationLines: a.donationLines.map((l) => ({
        item: l.item,
        quantity: num(l.quantity),
        unit: l.unit,
        estimatedValue: num(l.estimatedValue),
      })),
    },
  };
}
