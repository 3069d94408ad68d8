import 'server-only';
import type { Db } from '@/lib/db';
import { can, hasPermission, pairingResource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { dateOnly } from '@/lib/time/date-only';
import { fail, invalid, ok, parseInput, type Result } from '@/lib/result';
import type { ActorWithName } from '@/lib/authz';
import { AssessmentInput, ConfirmedOnlyInput, ThresholdsInput } from './schemas';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';

/**
 * A1: admins record inspections (their scope), the assisted kindergarten's director an
 * attestation with its evidence. Never in the future.
 */
export async function recordAssessment(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(AssessmentInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const pairing = await db.pairing.findUnique({
    where: { id: d.pairingId },
    select: {
      id: true,
      supportingId: true,
      assistedId: true,
      supporting: { select: { countyId: true } },
      assisted: { select: { countyId: true } },
    },
  });
  if (!pairing || !can(actor, 'effectTests.view', pairingResource(pairing))) return fail('notFound');
  const allowed =
    d.source === 'INSPECTION'
      ? can(actor, 'assessment.inspect', pairingResource(pairing))
      : can(actor, 'assessment.attest', { countyId: pairing.assisted.countyId, kindergartenIds: [pairing.assistedId] });
  if (!allowed) return fail('notAllowed');
  if (d.assessedOn > localDate(now, await cityTimeZone(db))) return invalid({ assessedOn: ['form.errors.invalid'] });
  // A closed academic year's A1 is frozen: no judgement is dated into it afterwards (decision 020).
  const closing = await checkClosing(db, { before: null, after: d.assessedOn });
  if (closing.kind === 'refused') return closedRefusal(closing, 'assessedOn');
  const row = await db.$transaction(async (tx) => {
    const created = await tx.assessment.create({
      data: {
        pairingId: d.pairingId,
        test: 'A1',
        source: d.source,
        outcome: d.outcome,
        assessedOn: dateOnly(d.assessedOn),
        notes: d.notes,
        evidence: d.evidence,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'assessment.recorded',
      entityType: 'Assessment',
      entityId: created.id,
      countyId: pairing.assisted.countyId,
      kindergartenId: pairing.assistedId,
      after: {
        pairingId: d.pairingId,
        source: d.source,
        outcome: d.outcome,
        assessedOn: d.assessedOn,
        notes: d.notes,
        evidence: d.evidence,
      },
    });
    return created;
  });
  return ok({ id: row.id });
}

/** New thresholds take effect on a future date only: a past period keeps the numbers it was judged by. */
export async function setThresholds(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  if (!hasPermission(actor, 'effectTests.configure')) return fail('notAllowed');
  const parsed = parseInput(ThresholdsInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  if (d.effectiveFrom <= localDate(now, await cityTimeZone(db))) return invalid({ effectiveFrom: ['effectTests.settings.mustBeFuture'] });
  const values = {
    classHours: d.classHours,
    shadowStudies: d.shadowStudies,
    lectures: d.lectures,
    excellentRate: d.excellentRate / 100,
    passRate: d.passRate / 100,
    papers: d.papers,
  };
  const row = await db.$transaction(async (tx) => {
    const before = await tx.effectTestThresholds.findUnique({ where: { effectiveFrom: dateOnly(d.effectiveFrom) } });
    const saved = await tx.effectTestThresholds.upsert({
      where: { effectiveFrom: dateOnly(d.effectiveFrom) },
      create: { effectiveFrom: dateOnly(d.effectiveFrom), ...values, createdById: actor.id },
      update: { ...values, createdById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: 'effectTests.thresholdsSet',
      entityType: 'EffectTestThresholds',
      entityId: saved.id,
      before: before ?? undefined,
      after: { effectiveFrom: d.effectiveFrom, ...values },
    });
    return saved;
  });
  return ok({ id: row.id });
}

export async function setConfirmedOnly(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  if (!hasPermission(actor, 'effectTests.configure')) return fail('notAllowed');
  const parsed = parseInput(ConfirmedOnlyInput, raw);
  if (!parsed.ok) return parsed;
  const { confirmedOnly } = parsed.value;
  const city = await db.region.findFirst({ where: { kind: 'CITY' }, select: { id: true } });
  if (!city) return fail('notFound');
  const value = confirmedOnly === 'on';
  await db.$transaction(async (tx) => {
    const before = await tx.citySetting.findUnique({ where: { cityId: city.id } });
    await tx.citySetting.upsert({
      where: { cityId: city.id },
      create: { cityId: city.id, effectConfirmedOnly: value },
      update: { effectConfirmedOnly: value },
    });
    await writeAudit(tx, {
      actor,
      action: 'effectTests.confirmedOnlySet',
      entityType: 'CitySetting',
      entityId: city.id,
      before: { effectConfirmedOnly: before?.effectConfirmedOnly ?? false },
      after: { effectConfirmedOnly: value },
    });
  });
  return ok({ id: city.id });
}
