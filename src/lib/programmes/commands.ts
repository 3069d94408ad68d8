/**
 * Programmes of the assisted kindergarten (research, parent work, characteristic construction) and
 * their dated records: (actor, raw input, db) → Result; change + audit in one transaction, the
 * version in the update's WHERE.
 */
import type { Db } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { outsideMessage, recordWindow, withinWindow } from '@/lib/pairings/record-window';
import { dateOnly } from '@/lib/time/date-only';
import { ProgrammeInput, ProgrammeRecordInput } from './schemas';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';

/** Creates (no id) or updates a programme of the pairing's assisted kindergarten. */
export async function saveProgramme(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ProgrammeInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, ...d } = parsed.value;
  if (id) {
    const p = await db.programme.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
    if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return fail('notFound');
    if (!can(actor, 'programme.manage', pairingResource(p.pairing))) return fail('notAllowed');
    if (version !== p.version) return fail('conflict');
    // A programme may move to another year only one the pairing covers (decision 013).
    if (d.academicYear !== p.academicYear) {
      const window = (await recordWindow(db, p.pairingId, now))!;
      if (!window.years.some((y) => y.academicYear === d.academicYear))
        return invalid({ academicYear: [outsideMessage('teaching.errors.outsidePairing', window)] });
    }
    return versioned(() =>
      db.$transaction(async (tx) => {
        // The pairing (and so the kindergarten) of a programme never changes.
        await tx.programme.update({
          where: { id, version: p.version },
          data: { kind: d.kind, academicYear: d.academicYear, title: d.title, plan: d.plan, results: d.results, version: { increment: 1 } },
        });
        await writeAudit(tx, {
          actor,
          action: 'programme.updated',
          entityType: 'Programme',
          entityId: id,
          countyId: p.pairing.assisted.countyId,
          kindergartenId: p.kindergartenId,
          before: { kind: p.kind, academicYear: p.academicYear, title: p.title, plan: p.plan, results: p.results },
          after: { ...d, pairingId: undefined },
        });
        return { id };
      }),
    );
  }
  const pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'programme.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'programme.manage', pairingResource(pairing))) return fail('notAllowed');
  // Nothing new on an ended pairing; a programme is for one of the years it covers (decision 013).
  const window = (await recordWindow(db, pairing.id, now))!;
  if (window.ended) return invalid({ form: [{ key: 'teaching.errors.pairingEnded', values: { date: window.endsOn! } }] });
  if (!window.years.some((y) => y.academicYear === d.academicYear))
    return invalid({ academicYear: [outsideMessage('teaching.errors.outsidePairing', window)] });
  const created = await db.$transaction(async (tx) => {
    const p = await tx.programme.create({
      data: {
        pairingId: pairing.id,
        kindergartenId: pairing.assistedId,
        kind: d.kind,
        academicYear: d.academicYear,
        title: d.title,
        plan: d.plan,
        results: d.results,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'programme.created',
      entityType: 'Programme',
      entityId: p.id,
      countyId: pairing.assisted.countyId,
      kindergartenId: pairing.assistedId,
      after: d,
    });
    return p;
  });
  return ok({ id: created.id });
}

/** Teachers of either side write down the sessions they held. */
export async function addProgrammeRecord(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ProgrammeRecordInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const p = await db.programme.findUnique({ where: { id: d.programmeId }, include: { pairing: { select: PAIRING_SCOPE } } });
  if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'programme.record', pairingResource(p.pairing))) return fail('notAllowed');
  const window = (await recordWindow(db, p.pairingId, now))!;
  if (window.ended) return invalid({ form: [{ key: 'teaching.errors.pairingEnded', values: { date: window.endsOn! } }] });
  if (!withinWindow(window, d.heldOn)) return invalid({ heldOn: [outsideMessage('teaching.errors.outsidePairing', window)] });
  // A closed academic year's programme records are frozen in its A3–A5 results (decision 020).
  const closing = await checkClosing(db, { before: null, after: d.heldOn });
  if (closing.kind === 'refused') return closedRefusal(closing, 'heldOn');
  const created = await db.$transaction(async (tx) => {
    const r = await tx.programmeRecord.create({
      data: { programmeId: p.id, heldOn: dateOnly(d.heldOn), title: d.title, notes: d.notes, createdById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: 'programmeRecord.created',
      entityType: 'ProgrammeRecord',
      entityId: r.id,
      countyId: p.pairing.assisted.countyId,
      kindergartenId: p.kindergartenId,
      after: d,
    });
    return r;
  });
  return ok({ id: created.id });
}
