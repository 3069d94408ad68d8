/**
 * Master–apprentice pairs and their one-on-one file: (actor, raw input, db) → Result; change +
 * audit in one transaction, the version in the update's WHERE.
 */
import type { Db } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, type ActorWithName, type Resource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type FieldErrors, type Result } from '@/lib/result';
import { dateOnly } from '@/lib/time/date-only';
import { outsideMessage, recordWindow, withinWindow } from '@/lib/pairings/record-window';
import { MentorPairInput, MentorPairUpdateInput, MentorSessionInput } from './schemas';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

export async function loadMentorPair(db: Db, id: string) {
  return db.mentorPair.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
}

export function mentorPairResource(p: NonNullable<Awaited<ReturnType<typeof loadMentorPair>>>): Resource {
  return { ...pairingResource(p.pairing), ownerIds: [p.mentorId, p.apprenticeId] };
}

/** A director of either side pairs a supporting-side teacher (master) with an assisted-side teacher. */
export async function createMentorPair(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(MentorPairInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'mentor.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'mentor.manage', pairingResource(pairing))) return fail('notAllowed');
  // Nothing new on an ended pairing, nothing dated outside its days (decision 013).
  const window = (await recordWindow(db, pairing.id, now))!;
  if (window.ended) return invalid({ form: [{ key: 'teaching.errors.pairingEnded', values: { date: window.endsOn! } }] });
  const [mentor, apprentice] = await Promise.all([
    db.user.findFirst({ where: { id: d.mentorId, kindergartenId: pairing.supportingId, active: true } }),
    db.user.findFirst({ where: { id: d.apprenticeId, kindergartenId: pairing.assistedId, active: true } }),
  ]);
  const errors: FieldErrors = {};
  if (!mentor) errors.mentorId = ['teaching.errors.mentorNotSupporting'];
  if (!apprentice) errors.apprenticeId = ['teaching.errors.apprenticeNotAssisted'];
  if (d.endsOn && d.endsOn < d.startsOn) errors.endsOn = ['teaching.errors.endBeforeStart'];
  if (!withinWindow(window, d.startsOn)) errors.startsOn = [outsideMessage('teaching.errors.outsidePairing', window)];
  if (d.endsOn && !errors.endsOn && !withinWindow(window, d.endsOn))
    errors.endsOn = [outsideMessage('teaching.errors.outsidePairing', window)];
  if (Object.keys(errors).length) return invalid(errors);
  try {
    const created = await db.$transaction(async (tx) => {
      const p = await tx.mentorPair.create({
        data: {
          pairingId: pairing.id,
          mentorId: d.mentorId,
          apprenticeId: d.apprenticeId,
          goals: d.goals,
          startsOn: dateOnly(d.startsOn),
          endsOn: d.endsOn ? dateOnly(d.endsOn) : null,
          createdById: actor.id,
        },
      });
      await writeAudit(tx, {
        actor,
        action: 'mentorPair.created',
        entityType: 'MentorPair',
        entityId: p.id,
        countyId: pairing.assisted.countyId,
        kindergartenId: pairing.assistedId,
        after: { mentorId: d.mentorId, apprenticeId: d.apprenticeId, goals: d.goals, startsOn: d.startsOn, endsOn: d.endsOn },
      });
      return p;
    });
    return ok({ id: created.id });
  } catch (e) {
    if (isUniqueViolation(e)) return invalid({ apprenticeId: ['teaching.errors.pairExists'] });
    throw e;
  }
}

/** Goals change; a pair ends by getting an end date (the mentor then stops following the apprentice's lessons). */
export async function updateMentorPair(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(MentorPairUpdateInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const p = await loadMentorPair(db, d.id);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'mentor.manage', pairingResource(p.pairing))) return fail('notAllowed');
  if (p.version !== d.version) return fail('conflict');
  const endsOn = d.endsOn ? dateOnly(d.endsOn) : null;
  if (endsOn && endsOn < p.startsOn) return invalid({ endsOn: ['teaching.errors.endBeforeStart'] });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.mentorPair.update({ where: { id: p.id, version: p.version }, data: { goals: d.goals, endsOn, version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: 'mentorPair.updated',
        entityType: 'MentorPair',
        entityId: p.id,
        countyId: p.pairing.assisted.countyId,
        kindergartenId: p.pairing.assistedId,
        before: { goals: p.goals, endsOn: p.endsOn },
        after: { goals: d.goals, endsOn: d.endsOn },
      });
      return { id: p.id };
    }),
  );
}

/** The master, the apprentice, or a director of either side writes an entry in the pair's file. */
export async function logMentorSession(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(MentorSessionInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const p = await loadMentorPair(db, d.mentorPairId);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'mentor.logSession', mentorPairResource(p))) return fail('notAllowed');
  const window = (await recordWindow(db, p.pairingId, now))!;
  if (window.ended) return invalid({ form: [{ key: 'teaching.errors.pairingEnded', values: { date: window.endsOn! } }] });
  if (!withinWindow(window, d.heldOn)) return invalid({ heldOn: [outsideMessage('teaching.errors.outsidePairing', window)] });
  // Nothing is written into a closed period (decision 020).
  const closing = await checkClosing(db, { before: null, after: d.heldOn });
  if (closing.kind === 'refused') return closedRefusal(closing, 'heldOn');
  const created = await db.$transaction(async (tx) => {
    const s = await tx.mentorSession.create({
      data: { mentorPairId: p.id, heldOn: dateOnly(d.heldOn), topic: d.topic, notes: d.notes, createdById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: 'mentorSession.created',
      entityType: 'MentorSession',
      entityId: s.id,
      countyId: p.pairing.assisted.countyId,
      kindergartenId: p.pairing.assistedId,
      after: { mentorPairId: p.id, heldOn: d.heldOn, topic: d.topic, notes: d.notes },
    });
    return s;
  });
  return ok({ id: created.id });
}
