/**
 * Rectifications (整改): (actor, raw input, db) → Result; change + audit + notifications in one
 * transaction, the version in the update's WHERE (decision 012). Rules: decision 018.
 */
import type { Db, Tx } from '@/lib/db';
import { can, hasPermission, isRectificationOffice, kindergartenResource, rectificationResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { notify } from '@/lib/notifications/notify';
import { directorsOf, officeAdmins } from '@/lib/notifications/recipients';
import { cityToday } from '@/lib/time/today';
import { dateOnly } from '@/lib/time/date-only';
import { deadlineAllowed, mayAnswer, mayReview, reviewOutcome, shortText } from './rules';
import { AnswerRectificationInput, OpenRectificationInput, ReviewRectificationInput } from './schemas';
import { loadSource } from './source';

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';
const alreadyOpened = () => fail('wrongState', { message: 'rectifications.errors.alreadyOpened' });
const hrefOf = (id: string) => `/rectifications/${id}`;

/**
 * The bureau demands a correction: from a failed or partly met item of a recorded inspection, or from a
 * questioned spot-checked record. Checked against the kindergarten that must act; the office is the
 * actor's (a county's admins, or the city's when a city admin opens it). The kindergarten's directors are told.
 * Exported for the spot checks, which open one from a questioned record through here.
 */
export async function openRectification(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(OpenRectificationInput, raw);
  if (!parsed.ok) return parsed;
  const { inspectionItemId, spotCheckItemId, kindergartenId, requirement, deadline } = parsed.value;
  const source = await loadSource(db, inspectionItemId ? { inspectionItemId } : { spotCheckItemId });
  if (!source || !can(actor, source.view.action, source.view.resource)) return fail('notFound');
  if (!hasPermission(actor, 'rectification.open')) return fail('notAllowed');
  if (source.refusal) return fail('wrongState', { message: `rectifications.errors.${source.refusal}` });
  const chosen = kindergartenId || source.defaultKindergartenId;
  if (!chosen) return invalid({ kindergartenId: ['rectifications.errors.chooseKindergarten'] });
  const kg = source.kindergartens.find((k) => k.id === chosen);
  if (!kg) return invalid({ kindergartenId: ['form.errors.invalid'] });
  if (!can(actor, 'rectification.open', kindergartenResource(kg))) return fail('notAllowed');
  const today = await cityToday(db, now);
  if (!deadlineAllowed(deadline, today))
    return invalid({ deadline: [{ key: 'rectifications.errors.deadlineAfterToday', values: { today } }] });
  const officeCountyId = officeOf(actor);

  try {
    return await db.$transaction(async (tx): Promise<Result> => {
      if (inspectionItemId) {
        // One rectification per finding and kindergarten: a second tap on a slow phone must not open two.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rectification:${inspectionItemId}:${kg.id}`}))`;
        if (await tx.rectification.findFirst({ where: { inspectionItemId, kindergartenId: kg.id }, select: { id: true } }))
          return alreadyOpened();
      } else if (await tx.rectification.findUnique({ where: { spotCheckItemId }, select: { id: true } })) return alreadyOpened();
      const row = await tx.rectification.create({
        data: {
          kindergartenId: kg.id,
          pairingId: source.pairingId,
          inspectionItemId: inspectionItemId || null,
          spotCheckItemId: spotCheckItemId || null,
          officeCountyId,
          requirement,
          deadline: dateOnly(deadline),
          createdById: actor.id,
        },
      });
      await writeAudit(tx, {
        actor,
        action: 'rectification.opened',
        entityType: 'Rectification',
        entityId: row.id,
        countyId: kg.countyId,
        kindergartenId: kg.id,
        after: {
          requirement,
          deadline,
          kindergartenId: kg.id,
          officeCountyId,
          inspectionItemId: row.inspectionItemId,
          spotCheckItemId: row.spotCheckItemId,
        },
      });
      await notify(tx, {
        kind: 'rectification.assigned',
        recipientIds: await directorsOf(tx, [kg.id]),
        actorId: actor.id,
        href: hrefOf(row.id),
        entityType: 'Rectification',
        entityId: row.id,
        values: { requirement: shortText(requirement), deadline },
      });
      return ok({ id: row.id });
    });
  } catch (e) {
    // The questioned record got its rectification in between (one per spot-checked record).
    if (isUniqueViolation(e)) return alreadyOpened();
    throw e;
  }
}

/** The office a rectification belongs to: the opening county admin's county, or null for the city. */
function officeOf(actor: ActorWithName): string | null {
  return actor.role === 'COUNTY_ADMIN' ? actor.countyId : null;
}

async function load(db: Db, id: string) {
  return db.rectification.findUnique({
    where: { id },
    include: { kindergarten: { select: { countyId: true, name: true } } },
  });
}

async function nextNumber(tx: Tx, rectificationId: string) {
  const last = await tx.rectificationAnswer.findFirst({
    where: { rectificationId },
    orderBy: { number: 'desc' },
    select: { number: true },
  });
  return (last?.number ?? 0) + 1;
}

/**
 * The kindergarten's director answers with the measures taken, backed by the evidence already attached
 * (at least one photo or document). Every answer is kept as its own numbered row; the office is told.
 */
export async function answerRectification(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(AnswerRectificationInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, measures } = parsed.value;
  const r = await load(db, id);
  if (!r || !can(actor, 'rectification.view', rectificationResource(r))) return fail('notFound');
  if (!can(actor, 'rectification.answer', kindergartenResource({ id: r.kindergartenId, countyId: r.kindergarten.countyId })))
    return fail('notAllowed');
  if (r.version !== version) return fail('conflict');
  if (!mayAnswer(r.status)) return fail('wrongState');
  if ((await db.evidenceFile.count({ where: { rectificationId: r.id, deletedAt: null } })) === 0)
    return invalid({ form: ['rectifications.errors.evidenceRequired'] });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.rectification.update({
        where: { id: r.id, version: r.version },
        data: { status: 'ANSWERED', version: { increment: 1 } },
      });
      const number = await nextNumber(tx, r.id);
      await tx.rectificationAnswer.create({ data: { rectificationId: r.id, number, measures, answeredAt: now, answeredById: actor.id } });
      await writeAudit(tx, {
        actor,
        action: 'rectification.answered',
        entityType: 'Rectification',
        entityId: r.id,
        countyId: r.kindergarten.countyId,
        kindergartenId: r.kindergartenId,
        before: { status: r.status },
        after: { status: 'ANSWERED', number, measures },
      });
      await notify(tx, {
        kind: 'rectification.answered',
        recipientIds: await officeAdmins(tx, r.officeCountyId),
        actorId: actor.id,
        href: hrefOf(r.id),
        entityType: 'Rectification',
        entityId: r.id,
        values: { kindergarten: r.kindergarten.name },
      });
      return { id: r.id };
    }),
  );
}

/**
 * The office accepts the answer (closed) or returns it saying what is still missing. Only the office that
 * opened it, or the city; a director never holds the permission, so no kindergarten closes its own.
 */
export async function reviewRectification(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ReviewRectificationInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, decision, comment } = parsed.value;
  const r = await load(db, id);
  const resource = r && rectificationResource(r);
  if (!r || !resource || !can(actor, 'rectification.view', resource)) return fail('notFound');
  if (!can(actor, 'rectification.review', resource) || !isRectificationOffice(actor, r.officeCountyId)) return fail('notAllowed');
  if (r.version !== version) return fail('conflict');
  if (!mayReview(r.status)) return fail('wrongState');
  const outcome = reviewOutcome(decision);
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.rectification.update({
        where: { id: r.id, version: r.version },
        data: { status: outcome, closedAt: outcome === 'CLOSED' ? now : null, version: { increment: 1 } },
      });
      const pending = await tx.rectificationAnswer.findFirstOrThrow({
        where: { rectificationId: r.id, accepted: null },
        orderBy: { number: 'desc' },
      });
      await tx.rectificationAnswer.update({
        where: { id: pending.id },
        data: { accepted: decision === 'accept', reviewComment: comment, reviewedAt: now, reviewedById: actor.id },
      });
      await writeAudit(tx, {
        actor,
        action: decision === 'accept' ? 'rectification.accepted' : 'rectification.returned',
        entityType: 'Rectification',
        entityId: r.id,
        countyId: r.kindergarten.countyId,
        kindergartenId: r.kindergartenId,
        before: { status: 'ANSWERED' },
        after: { status: outcome, number: pending.number, comment },
      });
      await notify(tx, {
        kind: decision === 'accept' ? 'rectification.accepted' : 'rectification.returned',
        recipientIds: await directorsOf(tx, [r.kindergartenId]),
        actorId: actor.id,
        href: hrefOf(r.id),
        entityType: 'Rectification',
        entityId: r.id,
        values: { requirement: shortText(r.requirement) },
      });
      return { id: r.id };
    }),
  );
}
