import 'server-only';
import type { CommendationCategoryKind } from '@/generated/prisma/enums';
import { db as defaultDb, type Db, type Tx } from '@/lib/db';
import { can, hasPermission, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { isBlank } from '@/lib/schema-fields';
import { notify } from '@/lib/notifications/notify';
import { directorsOf } from '@/lib/notifications/recipients';
import { DecisionInput, NominateInput, NominationInput, RoundInput, RoundStepInput } from './schemas';
import { canMove, NOMINEE, withinQuota } from './rules';
import { shortlistFor } from './queries';

const KINDS: CommendationCategoryKind[] = ['PAIRING', 'KINDERGARTEN', 'TEACHER', 'DIRECTOR'];
/** The city's usual names; the round's page shows them, the certificates print them. */
const DEFAULT_NAMES: Record<CommendationCategoryKind, string> = {
  PAIRING: '城乡结对帮扶优秀结对',
  KINDERGARTEN: '城乡结对帮扶先进幼儿园',
  TEACHER: '城乡结对帮扶优秀教师',
  DIRECTOR: '城乡结对帮扶优秀园长',
};

export async function createRound(actor: ActorWithName, raw: unknown, db: Db = defaultDb): Promise<Result> {
  if (!hasPermission(actor, 'commendation.manage')) return fail('notAllowed');
  const parsed = parseInput(RoundInput, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const cycle = await db.cycle.findUnique({ where: { id: v.cycleId }, select: { id: true } });
  if (!cycle) return invalid({ cycleId: ['form.errors.invalid'] });
  const quotas = { PAIRING: v.quotaPAIRING, KINDERGARTEN: v.quotaKINDERGARTEN, TEACHER: v.quotaTEACHER, DIRECTOR: v.quotaDIRECTOR };
  if (KINDS.every((k) => quotas[k] === 0)) return invalid({ quotaPAIRING: ['commendations.errors.noQuota'] });
  return db.$transaction(async (tx) => {
    const round = await tx.commendationRound.create({
      data: {
        cycleId: v.cycleId,
        title: v.title,
        body: v.body,
        createdById: actor.id,
        categories: {
          create: KINDS.filter((k) => quotas[k] > 0).map((k) => ({ kind: k, name: DEFAULT_NAMES[k], quotaPerCounty: quotas[k] })),
        },
      },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: 'commendation.created', entityType: 'CommendationRound', entityId: round.id, after: { ...v } });
    return ok(round);
  });
}

/** Opens nominations, or publishes the decided list (every nomination approved or rejected first). */
export async function advanceRound(actor: ActorWithName, raw: unknown, db: Db = defaultDb): Promise<Result> {
  if (!hasPermission(actor, 'commendation.manage')) return fail('notAllowed');
  const parsed = parseInput(RoundStepInput, raw);
  if (!parsed.ok) return parsed;
  const round = await db.commendationRound.findUnique({
    where: { id: parsed.value.id },
    select: { id: true, status: true, version: true, title: true },
  });
  if (!round) return fail('notFound');
  if (round.version !== parsed.value.version) return fail('conflict');
  const to = round.status === 'DRAFT' ? 'NOMINATING' : 'PUBLISHED';
  if (!canMove(round.status, to)) return fail('wrongState');
  if (to === 'PUBLISHED') {
    const undecided = await db.nomination.count({ where: { category: { roundId: round.id }, status: 'NOMINATED' } });
    if (undecided > 0) return fail('wrongState', { message: { key: 'commendations.errors.undecided', values: { count: undecided } } });
  }
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.commendationRound.update({
        where: { id: round.id, version: round.version },
        data: { status: to, version: { increment: 1 }, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
      });
      await writeAudit(tx, {
        actor,
        action: to === 'PUBLISHED' ? 'commendation.published' : 'commendation.opened',
        entityType: 'CommendationRound',
        entityId: round.id,
        before: { status: round.status },
        after: { status: to },
      });
      if (to === 'PUBLISHED') await notifyCommended(tx, actor, round);
      return { id: round.id };
    }),
  );
}

/** Those commended hear it: the person, or the directors of the kindergarten or of both sides of the pairing. */
async function notifyCommended(tx: Tx, actor: ActorWithName, round: { id: string; title: string }) {
  const approved = await tx.nomination.findMany({
    where: { category: { roundId: round.id }, status: 'APPROVED' },
    select: { userId: true, kindergartenId: true, pairingId: true },
  });
  const pairings = await tx.pairing.findMany({
    where: { id: { in: approved.flatMap((n) => (n.pairingId ? [n.pairingId] : [])) } },
    select: { supportingId: true, assistedId: true },
  });
  const kgs = [
    ...pairings.flatMap((p) => [p.supportingId, p.assistedId]),
    ...approved.flatMap((n) => (n.kindergartenId ? [n.kindergartenId] : [])),
  ];
  const people = [...approved.flatMap((n) => (n.userId ? [n.userId] : [])), ...(await directorsOf(tx, kgs))];
  await notify(tx, {
    kind: 'commendation.published',
    recipientIds: people,
    actorId: actor.id,
    href: `/commendations/${round.id}`,
    entityType: 'CommendationRound',
    entityId: round.id,
    values: { title: round.title },
  });
}

/** Where a nominee belongs: the county it is nominated for, or null when it is not in the round's scope. */
async function nomineeCounty(
  db: Db,
  kind: CommendationCategoryKind,
  cycleId: string,
  id: string,
  countyId: string | null,
): Promise<string | null> {
  switch (NOMINEE[kind]) {
    case 'pairing': {
      const p = await db.pairing.findFirst({
        where: { id, cycleId },
        select: { supporting: { select: { countyId: true } }, assisted: { select: { countyId: true } } },
      });
      if (!p) return null;
      // A cross-county pairing may be put forward by either county; the city's nomination counts for the assisted side.
      if (countyId) return [p.supporting.countyId, p.assisted.countyId].includes(countyId) ? countyId : null;
      return p.assisted.countyId;
    }
    case 'kindergarten': {
      const k = await db.kindergarten.findUnique({ where: { id }, select: { countyId: true } });
      return k && (!countyId || k.countyId === countyId) ? k.countyId : null;
    }
    case 'user': {
      const u = await db.user.findFirst({
        where: { id, role: kind === 'DIRECTOR' ? 'DIRECTOR' : 'TEACHER' },
        select: { kindergarten: { select: { countyId: true } } },
      });
      const c = u?.kindergarten?.countyId ?? null;
      return c && (!countyId || c === countyId) ? c : null;
    }
  }
}

export async function nominate(actor: ActorWithName, raw: unknown, db: Db = defaultDb): Promise<Result> {
  if (!hasPermission(actor, 'commendation.nominate')) return fail('notAllowed');
  const parsed = parseInput(NominateInput, raw);
  if (!parsed.ok) return parsed;
  const { categoryId, nomineeId, reason } = parsed.value;
  const category = await db.commendationCategory.findUnique({
    where: { id: categoryId },
    select: { id: true, kind: true, quotaPerCounty: true, round: { select: { id: true, status: true, cycleId: true } } },
  });
  if (!category || category.round.status === 'DRAFT') return fail('notFound');
  if (category.round.status !== 'NOMINATING') return fail('wrongState');
  const countyId = await nomineeCounty(
    db,
    category.kind,
    category.round.cycleId,
    nomineeId,
    actor.role === 'COUNTY_ADMIN' ? actor.countyId : null,
  );
  if (!countyId || !can(actor, 'commendation.nominate', { countyId })) return invalid({ nomineeId: ['commendations.errors.notInScope'] });
  const onList = (await shortlistFor(category.kind, category.round.cycleId, countyId, category.quotaPerCounty, db)).some(
    (c) => c.id === nomineeId,
  );
  if (!onList && isBlank(reason)) return invalid({ reason: ['commendations.errors.reasonRequired'] });
  const link = { [`${NOMINEE[category.kind]}Id`]: nomineeId } as { pairingId?: string; kindergartenId?: string; userId?: string };
  return db.$transaction(async (tx) => {
    // The category's row lock makes nominations to it take turns: two admins of a county cannot both
    // take the last place (the audit chain needs READ COMMITTED, so no SERIALIZABLE here).
    await tx.$queryRaw`SELECT id FROM "CommendationCategory" WHERE id = ${categoryId} FOR UPDATE`;
    const live = await tx.nomination.count({ where: { categoryId, countyId, status: { not: 'REJECTED' } } });
    if (!withinQuota(live, category.quotaPerCounty)) return fail('wrongState', { message: 'commendations.errors.quotaUsed' });
    if (await tx.nomination.count({ where: { categoryId, ...link, status: { not: 'REJECTED' } } }))
      return fail('wrongState', { message: 'commendations.errors.alreadyNominated' });
    const n = await tx.nomination.create({
      data: { categoryId, countyId, ...link, fromShortlist: onList, reason: reason.trim(), nominatedById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'commendation.nominated',
      entityType: 'Nomination',
      entityId: n.id,
      countyId,
      after: { roundId: category.round.id, kind: category.kind, nomineeId, fromShortlist: onList, reason },
    });
    return ok(n);
  });
}

/** A county takes back its own nomination while nominations are open. */
export async function withdrawNomination(actor: ActorWithName, raw: unknown, db: Db = defaultDb): Promise<Result> {
  const parsed = parseInput(NominationInput, raw);
  if (!parsed.ok) return parsed;
  const n = await db.nomination.findUnique({
    where: { id: parsed.value.id },
    select: { id: true, countyId: true, status: true, category: { select: { round: { select: { status: true } } } } },
  });
  if (!n || !can(actor, 'commendation.nominate', { countyId: n.countyId })) return fail('notFound');
  if (n.category.round.status !== 'NOMINATING' || n.status !== 'NOMINATED') return fail('wrongState');
  await db.$transaction(async (tx) => {
    await tx.nomination.delete({ where: { id: n.id } });
    await writeAudit(tx, {
      actor,
      action: 'commendation.withdrawn',
      entityType: 'Nomination',
      entityId: n.id,
      countyId: n.countyId,
      before: n,
    });
  });
  return ok({ id: n.id });
}

/** The city approves or rejects a nomination before publishing. */
export async function decideNomination(actor: ActorWithName, raw: unknown, db: Db = defaultDb): Promise<Result> {
  if (!hasPermission(actor, 'commendation.manage')) return fail('notAllowed');
  const parsed = parseInput(DecisionInput, raw);
  if (!parsed.ok) return parsed;
  const n = await db.nomination.findUnique({
    where: { id: parsed.value.id },
    select: { id: true, countyId: true, status: true, category: { select: { round: { select: { status: true } } } } },
  });
  if (!n) return fail('notFound');
  if (n.category.round.status !== 'NOMINATING') return fail('wrongState');
  await db.$transaction(async (tx) => {
    await tx.nomination.update({
      where: { id: n.id },
      data: { status: parsed.value.decision, decidedById: actor.id, decidedAt: new Date() },
    });
    await writeAudit(tx, {
      actor,
      action: 'commendation.decided',
      entityType: 'Nomination',
      entityId: n.id,
      countyId: n.countyId,
      before: { status: n.status },
      after: { status: parsed.value.decision },
    });
  });
  return ok({ id: n.id });
}
