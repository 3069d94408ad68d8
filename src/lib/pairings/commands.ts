/**
 * The pairing writes: forming, editing and ending a pairing, and carrying a cycle's pairings over
 * to the next. Each is (actor, raw input, db) → Result: it parses, checks scope and the pairing
 * rules, and writes the change with its audit entry in one transaction.
 */
import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import {
  can,
  hasPermission,
  kindergartenResource,
  pairingResource,
  rolloverWhere,
  type Action,
  type Actor,
  type ActorWithName,
} from '@/lib/authz';
import { DEFAULT_MAX_ASSISTED } from '@/lib/cycles/city';
import { getCycle, listCycles, type CycleRow } from '@/lib/cycles/queries';
import { dateOnly, type IsoDate, isoOf } from '@/lib/time/date-only';
import { cityToday } from '@/lib/time/today';
import { cycleHasEnded, cycleSpan, followingCycle, sortSemesters } from '@/lib/cycles/periods';
import { diffFields } from '@/lib/conflict';
import { fail, invalid, ok, parseInput, versioned, type Failure, type FieldErrors, type Message, type Result } from '@/lib/result';
import { capIssues, dateIssues, leadingGroupIssues, normalizeMembers, partnerIssues, type PairingIssue } from './rules';
import { CreatePairingInput, EndPairingInput, GOAL_FIELDS, RolloverInput, UpdatePairingInput } from './schemas';

type Goals = Record<(typeof GOAL_FIELDS)[number], string>;

const KG_SELECT = {
  id: true,
  name: true,
  countyId: true,
  area: true,
  level: true,
  active: true,
  county: { select: { parentId: true } },
} as const;

const issueMessage = (i: PairingIssue): Message => ({ key: `pairings.errors.${i.code}`, values: i.values });

/** A rule's issues as the form shows them: beside their field, or above the form. */
function refused(issues: PairingIssue[]): Failure {
  const errors: FieldErrors = {};
  for (const i of issues) (errors[i.field ?? 'form'] ??= []).push(issueMessage(i));
  return invalid(errors);
}

/**
 * Row locks on the kindergartens involved, always taken in id order so two transactions touching
 * the same pair cannot deadlock. Everything a rule reads about a kindergarten's pairings is read
 * after this, so two admins racing for the same supporter's last slot are serialized.
 */
async function lockKindergartens(tx: Tx, ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length) await tx.$queryRaw`SELECT id FROM "Kindergarten" WHERE id IN (${Prisma.join(sorted)}) ORDER BY id FOR UPDATE`;
}

function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error != null && (error as { code?: string }).code === 'P2002';
}

type NewPairing = Goals & {
  cycle: CycleRow;
  supportingId: string;
  assistedId: string;
  startsOn: IsoDate;
  leaderId: string;
  memberIds: string[];
  previousId?: string | null;
};

/** Checks every rule and creates the pairing, inside the caller's transaction; the rollover reports the issues per row. */
async function insertPairing(
  tx: Tx,
  actor: ActorWithName,
  data: NewPairing,
  todayIso: IsoDate,
  action: Action = 'pairing.create',
): Promise<{ ok: true; id: string } | { ok: false; issues: PairingIssue[] }> {
  await lockKindergartens(tx, [data.supportingId, data.assistedId]);
  const kgs = await tx.kindergarten.findMany({ where: { id: { in: [data.supportingId, data.assistedId] } }, select: KG_SELECT });
  const supporting = kgs.find((k) => k.id === data.supportingId);
  const assisted = kgs.find((k) => k.id === data.assistedId);
  if (!supporting || !assisted) return { ok: false, issues: [{ code: 'notFound', field: supporting ? 'assistedId' : 'supportingId' }] };
  const partner = partnerIssues(actor, action, supporting, assisted);
  if (partner.some((i) => i.code === 'outsideCounty' || i.code === 'sameKindergarten')) return { ok: false, issues: partner };

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
  const startsOn = dateOnly(data.startsOn);
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
  if (issues.length) return { ok: false, issues };

  const goals = Object.fromEntries(GOAL_FIELDS.map((f) => [f, data[f].trim()])) as Goals;
  const pairing = await tx.pairing.create({
    data: {
      cycleId: data.cycle.id,
      supportingId: supporting.id,
      assistedId: assisted.id,
      startsOn,
      ...goals,
      previousId: data.previousId ?? null,
      members: { create: [{ userId: data.leaderId, role: 'LEADER' }, ...memberIds.map((userId) => ({ userId, role: 'MEMBER' as const }))] },
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: data.previousId ? 'pairing.rolledOver' : 'pairing.created',
    entityType: 'Pairing',
    entityId: pairing.id,
    countyId: supporting.countyId,
    kindergartenId: supporting.id,
    after: {
      cycleId: data.cycle.id,
      supportingId: supporting.id,
      assistedId: assisted.id,
      startsOn: data.startsOn,
      ...goals,
      leaderId: data.leaderId,
      memberIds,
      previousId: data.previousId ?? null,
    },
  });
  return { ok: true, id: pairing.id };
}

export async function createPairing(actor: ActorWithName, raw: unknown, db: Db, now: Date = new Date()): Promise<Result> {
  if (!hasPermission(actor, 'pairing.create')) return fail('notFound');
  const parsed = parseInput(CreatePairingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const cycle = await getCycle(input.cycleId, db);
  if (!cycle) return refused([{ code: 'cycleMissing', field: 'cycleId' }]);
  const todayIso = await cityToday(db, now);
  try {
    const result = await db.$transaction((tx) => insertPairing(tx, actor, { ...input, cycle }, todayIso));
    return result.ok ? ok({ id: result.id }) : refused(result.issues);
  } catch (error) {
    // The unique index is the last line of defence should a write ever bypass the locks.
    if (isUniqueViolation(error)) return refused([{ code: 'assistedAlreadyPaired', field: 'assistedId' }]);
    throw error;
  }
}

const PAIRING_SELECT = {
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
  supporting: { select: { id: true, countyId: true } },
  assisted: { select: { id: true, countyId: true } },
  members: { select: { userId: true, role: true, user: { select: { name: true } } } },
  cycle: {
    select: {
      id: true,
      startYear: true,
      name: true,
      semesters: { select: { academicYear: true, term: true, startsOn: true, endsOn: true } },
    },
  },
} as const;

async function loadPairing(db: Db, pairingId: string) {
  const p = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SELECT });
  if (!p) return null;
  const semesters = sortSemesters(p.cycle.semesters.map((s) => ({ ...s, startsOn: isoOf(s.startsOn), endsOn: isoOf(s.endsOn) })));
  return { ...p, cycle: { ...p.cycle, semesters } };
}
type LoadedPairing = NonNullable<Awaited<ReturnType<typeof loadPairing>>>;

/** Changing a pairing needs both kindergartens in scope: a county admin sees a cross-county pairing but the city owns it. */
function mayChange(actor: Actor, action: Action, p: LoadedPairing) {
  return can(actor, action, kindergartenResource(p.supporting)) && can(actor, action, kindergartenResource(p.assisted));
}

/** The pairing to change, or why it may not be: out of scope, owned by the city, or its cycle is history. */
async function pairingToChange(actor: Actor, action: Action, pairingId: string, db: Db, now: Date): Promise<LoadedPairing | Failure> {
  const p = await loadPairing(db, pairingId);
  if (!p || !can(actor, 'pairing.view', pairingResource(p))) return fail('notFound');
  if (!mayChange(actor, action, p)) return fail('notAllowed', { message: { key: 'pairings.errors.notAllowed' } });
  if (cycleHasEnded(p.cycle, await cityToday(db, now))) return refused([{ code: 'cycleEnded' }]);
  return p;
}

/** What a person sees of a pairing's editable fields, for the conflict diff. */
function shownValues(
  p: { startsOn: Date | string; endsOn?: Date | string | null; endReason?: string | null } & Goals,
  leader: string,
  members: string[],
) {
  const iso = (d: Date | string | null | undefined) => (d == null ? '' : typeof d === 'string' ? d : isoOf(d));
  return {
    startsOn: iso(p.startsOn),
    endsOn: iso(p.endsOn),
    endReason: p.endReason ?? '',
    ...Object.fromEntries(GOAL_FIELDS.map((f) => [f, p[f]])),
    leader,
    members: [...members].sort((a, b) => a.localeCompare(b, 'zh')).join('、'),
  } as Record<string, string>;
}

function currentShown(p: LoadedPairing) {
  const leader = p.members.find((m) => m.role === 'LEADER')?.user.name ?? '';
  return shownValues(
    p,
    leader,
    p.members.filter((m) => m.role === 'MEMBER').map((m) => m.user.name),
  );
}

/** Someone saved first: the stored version, what differs from what was typed, and who saved when. */
async function conflict(pairingId: string, fields: readonly string[], submitted: Record<string, string>, db: Db): Promise<Failure> {
  const current = (await loadPairing(db, pairingId))!;
  const last = await db.auditEntry.findFirst({
    where: { entityType: 'Pairing', entityId: pairingId },
    orderBy: { id: 'desc' },
    select: { actorName: true, at: true },
  });
  return fail('conflict', {
    conflict: {
      version: current.version,
      changes: diffFields(fields, submitted, currentShown(current)),
      updatedBy: last?.actorName ?? null,
      updatedAt: last?.at.toISOString() ?? null,
    },
  });
}

const UPDATE_FIELDS = ['startsOn', ...GOAL_FIELDS, 'leader', 'members'] as const;
const END_FIELDS = ['endsOn', 'endReason'] as const;

/** Goals, start date and leading group, refused when someone else saved since the form was opened. */
export async function updatePairing(actor: ActorWithName, raw: unknown, db: Db, now: Date = new Date()): Promise<Result> {
  const parsed = parseInput(UpdatePairingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const p = await pairingToChange(actor, 'pairing.update', input.pairingId, db, now);
  if ('ok' in p) return p;

  const memberIds = normalizeMembers(input.leaderId, input.memberIds);
  const people = await db.user.findMany({
    where: {
      OR: [{ active: true, kindergartenId: { in: [p.supportingId, p.assistedId] } }, { id: { in: p.members.map((m) => m.userId) } }],
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((u) => [u.id, u.name]));
  const submitted = shownValues(
    { ...input, endsOn: p.endsOn, endReason: p.endReason },
    nameOf.get(input.leaderId) ?? '',
    memberIds.map((id) => nameOf.get(id) ?? id),
  );
  const refuse = () => conflict(p.id, UPDATE_FIELDS, submitted, db);
  if (p.version !== input.version) return refuse();

  const issues = [
    ...dateIssues(cycleSpan(p.cycle)!, input.startsOn, p.endsOn ? isoOf(p.endsOn) : null),
    // People already in the group stay eligible even if their account was since deactivated.
    ...leadingGroupIssues(new Set(people.map((u) => u.id)), input.leaderId, memberIds),
  ];
  if (issues.length) return refused(issues);

  const goals = Object.fromEntries(GOAL_FIELDS.map((f) => [f, input[f].trim()])) as Goals;
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.pairing.update({
          where: { id: p.id, version: input.version },
          data: { startsOn: dateOnly(input.startsOn), ...goals, version: { increment: 1 } },
        });
        await tx.pairingMember.deleteMany({ where: { pairingId: p.id } });
        await tx.pairingMember.createMany({
          data: [
            { pairingId: p.id, userId: input.leaderId, role: 'LEADER' },
            ...memberIds.map((userId) => ({ pairingId: p.id, userId, role: 'MEMBER' as const })),
          ],
        });
        await writeAudit(tx, {
          actor,
          action: 'pairing.updated',
          entityType: 'Pairing',
          entityId: p.id,
          countyId: p.supporting.countyId,
          kindergartenId: p.supportingId,
          before: { version: p.version, ...currentShown(p) },
          after: { version: p.version + 1, ...submitted },
        });
        return { id: p.id };
      }),
    refuse,
  );
}

/** Ends a pairing early (or corrects its end): end date within the cycle, and a reason. */
export async function endPairing(actor: ActorWithName, raw: unknown, db: Db, now: Date = new Date()): Promise<Result> {
  const parsed = parseInput(EndPairingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const p = await pairingToChange(actor, 'pairing.end', input.pairingId, db, now);
  if ('ok' in p) return p;
  const submitted = { endsOn: input.endsOn, endReason: input.endReason };
  const refuse = () => conflict(p.id, END_FIELDS, submitted, db);
  if (p.version !== input.version) return refuse();
  const issues = dateIssues(cycleSpan(p.cycle)!, isoOf(p.startsOn), input.endsOn).filter((i) => i.field === 'endsOn');
  if (issues.length) return refused(issues);
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.pairing.update({
          where: { id: p.id, version: input.version },
          data: { endsOn: dateOnly(input.endsOn), endReason: input.endReason, version: { increment: 1 } },
        });
        await writeAudit(tx, {
          actor,
          action: 'pairing.ended',
          entityType: 'Pairing',
          entityId: p.id,
          countyId: p.supporting.countyId,
          kindergartenId: p.supportingId,
          before: { version: p.version, endsOn: p.endsOn ? isoOf(p.endsOn) : null, endReason: p.endReason },
          after: { version: p.version + 1, ...submitted },
        });
        return { id: p.id };
      }),
    refuse,
  );
}

/** Thrown inside the rollover's transaction so that nothing is created when any row is refused. */
class RolloverRejected extends Error {
  constructor(readonly rowErrors: FieldErrors) {
    super('rollover rejected');
  }
}

/**
 * Creates the next cycle's pairings from the decisions, in one transaction: if any proposal breaks
 * a rule nothing is created, and each refused row says why (its errors are keyed by the source
 * pairing's id). Pairings carried over already are skipped, so running it twice creates nothing
 * new. The source cycle's pairings are not changed.
 */
export async function applyRollover(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now: Date = new Date(),
): Promise<Result<{ created: number; skipped: number; ended: number }>> {
  if (!hasPermission(actor, 'pairing.rollover')) return fail('notFound');
  const parsed = parseInput(RolloverInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const cycles = await listCycles(db);
  const source = cycles.find((c) => c.id === input.sourceCycleId);
  if (!source) return fail('notFound');
  const target = followingCycle(cycles, source);
  if (!target || !cycleSpan(target)) return refused([{ code: 'targetMissing' }]);
  const todayIso = await cityToday(db, now);
  if (cycleHasEnded(target, todayIso)) return refused([{ code: 'cycleEnded' }]);

  const ids = input.decisions.map((d) => d.pairingId);
  const sources = await db.pairing.findMany({
    where: { AND: [{ cycleId: source.id, ...rolloverWhere(actor) }, { id: { in: ids } }] },
    select: {
      id: true,
      supportingId: true,
      assistedId: true,
      goalConditions: true,
      goalManagement: true,
      goalTeachers: true,
      goalChildren: true,
      members: { select: { userId: true, role: true } },
    },
  });
  // A decision about a pairing outside the scope (or the cycle) is answered as if it did not exist.
  if (sources.length !== new Set(ids).size) return fail('notFound');
  const byId = new Map(sources.map((s) => [s.id, s]));
  const startsOn = cycleSpan(target)!.startsOn;

  try {
    return ok(
      await db.$transaction(async (tx) => {
        const partners = input.decisions.map((d) => (d.decision === 'change' ? d.supportingId : undefined)).filter((v): v is string => !!v);
        await lockKindergartens(tx, [...sources.flatMap((s) => [s.supportingId, s.assistedId]), ...partners]);
        const rowErrors: FieldErrors = {};
        let created = 0;
        let skipped = 0;
        let ended = 0;
        const summary: { from: string; to?: string; decision: string }[] = [];
        for (const d of input.decisions) {
          const s = byId.get(d.pairingId)!;
          if (d.decision === 'end') {
            ended++;
            summary.push({ from: s.id, decision: 'end' });
            continue;
          }
          if (await tx.pairing.findUnique({ where: { previousId: s.id }, select: { id: true } })) {
            skipped++;
            continue;
          }
          if (d.decision === 'change' && !d.supportingId) {
            rowErrors[s.id] = [issueMessage({ code: 'partnerRequired', field: 'supportingId' })];
            continue;
          }
          const supportingId = d.decision === 'change' ? d.supportingId! : s.supportingId;
          const group = await carriedGroup(tx, s, supportingId);
          const result = await insertPairing(
            tx,
            actor,
            {
              cycle: target,
              supportingId,
              assistedId: s.assistedId,
              startsOn,
              previousId: s.id,
              ...group,
              goalConditions: s.goalConditions,
              goalManagement: s.goalManagement,
              goalTeachers: s.goalTeachers,
              goalChildren: s.goalChildren,
            },
            todayIso,
            'pairing.rollover',
          );
          if (result.ok) {
            created++;
            summary.push({ from: s.id, to: result.id, decision: supportingId === s.supportingId ? 'keep' : 'change' });
          } else rowErrors[s.id] = result.issues.map(issueMessage);
        }
        if (Object.keys(rowErrors).length) throw new RolloverRejected(rowErrors);
        await writeAudit(tx, {
          actor,
          action: 'pairing.rollover',
          entityType: 'Cycle',
          entityId: target.id,
          countyId: actor.countyId,
          after: { sourceCycleId: source.id, targetCycleId: target.id, created, skipped, ended, decisions: summary },
        });
        return { created, skipped, ended };
      }),
    );
  } catch (error) {
    if (error instanceof RolloverRejected) return invalid(error.rowErrors, 'pairings.rolloverPage.rejected');
    // Another admin ran the same rollover at the same moment: the previousId index let only one through.
    if (isUniqueViolation(error)) return refused([{ code: 'alreadyRolledOver' }]);
    throw error;
  }
}

/**
 * The leading group carries over with the people who still serve one of the two kindergartens.
 * If the leader no longer does (a new partner), the first remaining member leads, else the
 * assisted kindergarten's director, else the supporting one's.
 */
async function carriedGroup(tx: Tx, s: { assistedId: string; members: { userId: string; role: string }[] }, supportingId: string) {
  const eligible = await tx.user.findMany({
    where: { active: true, kindergartenId: { in: [supportingId, s.assistedId] } },
    select: { id: true, role: true, kindergartenId: true },
  });
  const serving = new Set(eligible.map((u) => u.id));
  const oldLeader = s.members.find((m) => m.role === 'LEADER')?.userId;
  const members = s.members.filter((m) => m.role === 'MEMBER' && serving.has(m.userId)).map((m) => m.userId);
  const director = (kgId: string) => eligible.find((u) => u.role === 'DIRECTOR' && u.kindergartenId === kgId)?.id;
  const leaderId =
    (oldLeader && serving.has(oldLeader) ? oldLeader : (members[0] ?? director(s.assistedId) ?? director(supportingId))) ?? '';
  return { leaderId, memberIds: members.filter((id) => id !== leaderId) };
}
