import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db as defaultDb, type Db, type Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, kindergartenResource, NotFoundError, pairingResource, type Action, type Actor } from '@/lib/authz';
import { DEFAULT_MAX_ASSISTED, getCity, todayIn } from '@/lib/cycles/city';
import { getCycle, type CycleRow } from '@/lib/cycles/queries';
import { cycleHasEnded, cycleSpan, dbDateFromIso, isoFromDbDate, sortSemesters, type IsoDate } from '@/lib/cycles/periods';
import { capIssues, dateIssues, leadingGroupIssues, normalizeMembers, partnerIssues, type PairingIssue } from './rules';
import { diffFields, type FieldChange } from '@/lib/conflict';
import { GOAL_FIELDS, type CreatePairingData, type EndPairingData, type UpdatePairingData } from './schemas';

export type PairingActor = Actor & { name: string };
export type Conflict = { version: number; changes: FieldChange[]; updatedBy: string | null; updatedAt: string | null };
export type PairingResult = { ok: true; id: string } | { ok: false; issues: PairingIssue[] } | { ok: false; conflict: Conflict };

type Goals = Record<(typeof GOAL_FIELDS)[number], string>;

const KG_SELECT = { id: true, name: true, countyId: true, area: true, level: true, active: true, county: { select: { parentId: true } } } as const;

/**
 * Row locks on the kindergartens involved, always taken in id order so two transactions touching
 * the same pair cannot deadlock. Everything a rule reads about a kindergarten's pairings is read
 * after this, so two admins racing for the same supporter's last slot are serialized.
 */
export async function lockKindergartens(tx: Tx, ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length) await tx.$queryRaw`SELECT id FROM "Kindergarten" WHERE id IN (${Prisma.join(sorted)}) ORDER BY id FOR UPDATE`;
}

export function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error != null && (error as { code?: string }).code === 'P2002';
}

async function today(db: Db | Tx, now: Date) {
  return todayIn((await getCity(db)).timeZone, now);
}

export type NewPairing = Goals & {
  cycle: CycleRow;
  supportingId: string;
  assistedId: string;
  startsOn: IsoDate;
  leaderId: string;
  memberIds: string[];
  previousId?: string | null;
};

/** Checks every rule and creates the pairing, inside the caller's transaction. */
export async function insertPairing(tx: Tx, actor: PairingActor, data: NewPairing, todayIso: IsoDate, action: Action = 'pairing.create') {
  await lockKindergartens(tx, [data.supportingId, data.assistedId]);
  const kgs = await tx.kindergarten.findMany({ where: { id: { in: [data.supportingId, data.assistedId] } }, select: KG_SELECT });
  const supporting = kgs.find((k) => k.id === data.supportingId);
  const assisted = kgs.find((k) => k.id === data.assistedId);
  if (!supporting || !assisted) {
    return { ok: false as const, issues: [{ code: 'notFound', field: supporting ? 'assistedId' : 'supportingId' } satisfies PairingIssue] };
  }
  const partner = partnerIssues(actor, action, supporting, assisted);
  if (partner.some((i) => i.code === 'outsideCounty' || i.code === 'sameKindergarten')) return { ok: false as const, issues: partner };

  const issues: PairingIssue[] = [...partner];
  const span = cycleSpan(data.cycle);
  if (!span) issues.push({ code: 'cycleMissing', field: 'cycleId' });
  else {
    if (cycleHasEnded(data.cycle, todayIso)) issues.push({ code: 'cycleEnded', field: 'cycleId' });
    issues.push(...dateIssues(span, data.startsOn));
  }
  // The cap is the supporting kindergarten's city's; pairings that ended before this one starts free their slot.
  const cityId = supporting.county.parentId;
  const setting = cityId ? await tx.citySetting.findUnique({ where: { cityId }, select: { maxAssistedPerSupporter: true } }) : null;
  const cap = setting?.maxAssistedPerSupporter ?? DEFAULT_MAX_ASSISTED;
  const startsOn = dbDateFromIso(data.startsOn);
  const current = await tx.pairing.count({
    where: { cycleId: data.cycle.id, supportingId: supporting.id, OR: [{ endsOn: null }, { endsOn: { gte: startsOn } }] },
  });
  issues.push(...capIssues(current, cap));
  const taken = await tx.pairing.findFirst({ where: { cycleId: data.cycle.id, assistedId: assisted.id }, select: { id: true } });
  if (taken) issues.push({ code: 'assistedAlreadyPaired', field: 'assistedId' });

  const memberIds = normalizeMembers(data.leaderId, data.memberIds);
  const candidates = [data.leaderId, ...memberIds].filter(Boolean);
  const eligible = await tx.user.findMany({
    where: { id: { in: candidates }, active: true, kindergartenId: { in: [supporting.id, assisted.id] } },
    select: { id: true },
  });
  issues.push(...leadingGroupIssues(new Set(eligible.map((u) => u.id)), data.leaderId, memberIds));
  if (issues.length) return { ok: false as const, issues };

  const goals = Object.fromEntries(GOAL_FIELDS.map((f) => [f, data[f].trim()])) as Goals;
  const pairing = await tx.pairing.create({
    data: {
      cycleId: data.cycle.id, supportingId: supporting.id, assistedId: assisted.id, startsOn, ...goals,
      previousId: data.previousId ?? null,
      members: { create: [{ userId: data.leaderId, role: 'LEADER' }, ...memberIds.map((userId) => ({ userId, role: 'MEMBER' as const }))] },
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor, action: data.previousId ? 'pairing.rolledOver' : 'pairing.created', entityType: 'Pairing', entityId: pairing.id,
    countyId: supporting.countyId, kindergartenId: supporting.id,
    after: { cycleId: data.cycle.id, supportingId: supporting.id, assistedId: assisted.id, startsOn: data.startsOn, ...goals, leaderId: data.leaderId, memberIds, previousId: data.previousId ?? null },
  });
  return { ok: true as const, id: pairing.id };
}

export async function createPairing(actor: PairingActor, input: CreatePairingData, db: Db = defaultDb, now: Date = new Date()): Promise<PairingResult> {
  if (!hasPermission(actor, 'pairing.create')) throw new NotFoundError();
  const cycle = await getCycle(input.cycleId, db);
  if (!cycle) return { ok: false, issues: [{ code: 'cycleMissing', field: 'cycleId' }] };
  const todayIso = await today(db, now);
  try {
    return await db.$transaction((tx) => insertPairing(tx, actor, { ...input, cycle }, todayIso));
  } catch (error) {
    // The unique index is the last line of defence should a write ever bypass the locks.
    if (isUniqueViolation(error)) return { ok: false, issues: [{ code: 'assistedAlreadyPaired', field: 'assistedId' }] };
    throw error;
  }
}

const PAIRING_SELECT = {
  id: true, cycleId: true, supportingId: true, assistedId: true, startsOn: true, endsOn: true, endReason: true, version: true,
  goalConditions: true, goalManagement: true, goalTeachers: true, goalChildren: true,
  supporting: { select: { id: true, countyId: true } },
  assisted: { select: { id: true, countyId: true } },
  members: { select: { userId: true, role: true, user: { select: { name: true } } } },
  cycle: { select: { id: true, startYear: true, name: true, semesters: { select: { academicYear: true, term: true, startsOn: true, endsOn: true } } } },
} as const;

async function loadPairing(actor: Actor, pairingId: string, db: Db) {
  const p = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SELECT });
  if (!p || !can(actor, 'pairing.view', pairingResource(p))) throw new NotFoundError();
  const semesters = sortSemesters(p.cycle.semesters.map((s) => ({ ...s, startsOn: isoFromDbDate(s.startsOn), endsOn: isoFromDbDate(s.endsOn) })));
  return { ...p, cycle: { ...p.cycle, semesters } };
}
type LoadedPairing = Awaited<ReturnType<typeof loadPairing>>;

/** Changing a pairing needs both kindergartens in scope: a county admin sees a cross-county pairing but the city owns it. */
function mayChange(actor: Actor, action: Action, p: LoadedPairing) {
  return can(actor, action, kindergartenResource(p.supporting)) && can(actor, action, kindergartenResource(p.assisted));
}

/** What a person sees of a pairing's editable fields, for the conflict diff. */
function shownValues(p: { startsOn: Date | string; endsOn?: Date | string | null; endReason?: string | null } & Goals, leader: string, members: string[]) {
  const iso = (d: Date | string | null | undefined) => (d == null ? '' : typeof d === 'string' ? d : isoFromDbDate(d));
  return {
    startsOn: iso(p.startsOn), endsOn: iso(p.endsOn), endReason: p.endReason ?? '',
    ...Object.fromEntries(GOAL_FIELDS.map((f) => [f, p[f]])),
    leader, members: [...members].sort((a, b) => a.localeCompare(b, 'zh')).join('、'),
  } as Record<string, string>;
}

function currentShown(p: LoadedPairing) {
  const leader = p.members.find((m) => m.role === 'LEADER')?.user.name ?? '';
  return shownValues(p, leader, p.members.filter((m) => m.role === 'MEMBER').map((m) => m.user.name));
}

async function buildConflict(actor: Actor, pairingId: string, fields: readonly string[], submitted: Record<string, string>, db: Db): Promise<Conflict> {
  const current = await loadPairing(actor, pairingId, db);
  const last = await db.auditEntry.findFirst({
    where: { entityType: 'Pairing', entityId: pairingId }, orderBy: { id: 'desc' }, select: { actorName: true, at: true },
  });
  return { version: current.version, changes: diffFields(fields, submitted, currentShown(current)), updatedBy: last?.actorName ?? null, updatedAt: last?.at.toISOString() ?? null };
}

export const UPDATE_FIELDS = ['startsOn', ...GOAL_FIELDS, 'leader', 'members'] as const;
export const END_FIELDS = ['endsOn', 'endReason'] as const;

/** Goals, start date and leading group, refused when someone else saved since the form was opened. */
export async function updatePairing(actor: PairingActor, input: UpdatePairingData, db: Db = defaultDb, now: Date = new Date()): Promise<PairingResult> {
  const p = await loadPairing(actor, input.pairingId, db);
  if (!mayChange(actor, 'pairing.update', p)) return { ok: false, issues: [{ code: 'notAllowed' }] };
  if (cycleHasEnded(p.cycle, await today(db, now))) return { ok: false, issues: [{ code: 'cycleEnded' }] };

  const memberIds = normalizeMembers(input.leaderId, input.memberIds);
  const people = await db.user.findMany({
    where: { OR: [{ active: true, kindergartenId: { in: [p.supportingId, p.assistedId] } }, { id: { in: p.members.map((m) => m.userId) } }] },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((u) => [u.id, u.name]));
  const submitted = shownValues({ ...input, endsOn: p.endsOn, endReason: p.endReason }, nameOf.get(input.leaderId) ?? '', memberIds.map((id) => nameOf.get(id) ?? id));
  if (p.version !== input.version) return { ok: false, conflict: await buildConflict(actor, p.id, UPDATE_FIELDS, submitted, db) };

  const issues = [
    ...dateIssues(cycleSpan(p.cycle)!, input.startsOn, p.endsOn ? isoFromDbDate(p.endsOn) : null),
    // People already in the group stay eligible even if their account was since deactivated.
    ...leadingGroupIssues(new Set(people.map((u) => u.id)), input.leaderId, memberIds),
  ];
  if (issues.length) return { ok: false, issues };

  const goals = Object.fromEntries(GOAL_FIELDS.map((f) => [f, input[f].trim()])) as Goals;
  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.pairing.updateMany({
      where: { id: p.id, version: input.version },
      data: { startsOn: dbDateFromIso(input.startsOn), ...goals, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await tx.pairingMember.deleteMany({ where: { pairingId: p.id } });
    await tx.pairingMember.createMany({
      data: [{ pairingId: p.id, userId: input.leaderId, role: 'LEADER' }, ...memberIds.map((userId) => ({ pairingId: p.id, userId, role: 'MEMBER' as const }))],
    });
    await writeAudit(tx, {
      actor, action: 'pairing.updated', entityType: 'Pairing', entityId: p.id, countyId: p.supporting.countyId, kindergartenId: p.supportingId,
      before: { version: p.version, ...currentShown(p) },
      after: { version: p.version + 1, ...submitted },
    });
    return true;
  });
  if (!saved) return { ok: false, conflict: await buildConflict(actor, p.id, UPDATE_FIELDS, submitted, db) };
  return { ok: true, id: p.id };
}

/** Ends a pairing early (or corrects its end): end date within the cycle, and a reason. */
export async function endPairing(actor: PairingActor, input: EndPairingData, db: Db = defaultDb, now: Date = new Date()): Promise<PairingResult> {
  const p = await loadPairing(actor, input.pairingId, db);
  if (!mayChange(actor, 'pairing.end', p)) return { ok: false, issues: [{ code: 'notAllowed' }] };
  if (cycleHasEnded(p.cycle, await today(db, now))) return { ok: false, issues: [{ code: 'cycleEnded' }] };
  const submitted = { endsOn: input.endsOn, endReason: input.endReason };
  if (p.version !== input.version) return { ok: false, conflict: await buildConflict(actor, p.id, END_FIELDS, submitted, db) };
  const issues = dateIssues(cycleSpan(p.cycle)!, isoFromDbDate(p.startsOn), input.endsOn).filter((i) => i.field === 'endsOn');
  if (issues.length) return { ok: false, issues };
  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.pairing.updateMany({
      where: { id: p.id, version: input.version },
      data: { endsOn: dbDateFromIso(input.endsOn), endReason: input.endReason, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await writeAudit(tx, {
      actor, action: 'pairing.ended', entityType: 'Pairing', entityId: p.id, countyId: p.supporting.countyId, kindergartenId: p.supportingId,
      before: { version: p.version, endsOn: p.endsOn ? isoFromDbDate(p.endsOn) : null, endReason: p.endReason },
      after: { version: p.version + 1, ...submitted },
    });
    return true;
  });
  if (!saved) return { ok: false, conflict: await buildConflict(actor, p.id, END_FIELDS, submitted, db) };
  return { ok: true, id: p.id };
}
