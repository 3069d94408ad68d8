/**
 * The pairing's annual plan and summary: (actor, raw input, db) → Result; change + audit in one
 * transaction, the version in the update's WHERE.
 */
import type { Db } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, parseInput, versioned, type FieldErrors, type Result } from '@/lib/result';
import { recordWindow, summaryDeadline } from '@/lib/pairings/record-window';
import { ANNUAL_PLAN_PARTS, AnnualPlanInput } from './schemas';

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

/**
 * Directors of both sides write the pairing's annual plan and summary. Submitting stamps it; a
 * submitted plan's six parts are then fixed (the bureau has it), the summary stays open until it
 * is submitted too.
 */
export async function saveAnnualPlan(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(AnnualPlanInput, raw);
  if (!parsed.ok) return parsed;
  const { pairingId, academicYear, version, submit, summary, ...parts } = parsed.value;
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'annualPlan.edit', pairingResource(pairing))) return fail('notAllowed');
  const existing = await db.annualPlan.findUnique({ where: { pairingId_academicYear: { pairingId, academicYear } } });
  if (existing && version !== existing.version) return fail('conflict');
  const planLocked = !!existing?.planSubmittedAt;
  if (existing?.summarySubmittedAt) return fail('wrongState');
  if (submit === 'plan' && planLocked) return fail('wrongState');
  // A plan is for a year the pairing covers, written before that year is over; the summary is
  // written after it, so it stays open for a while after the year (or the pairing) ends (decision 013).
  const window = (await recordWindow(db, pairingId, now))!;
  const year = window.years.find((y) => y.academicYear === academicYear);
  if (!year)
    return invalid({ form: [{ key: 'teaching.errors.yearOutsidePairing', values: { from: window.startsOn, to: window.endsOn ?? '…' } }] });
  if (!planLocked && window.today > year.endsOn)
    return invalid({ form: [{ key: 'teaching.errors.yearEnded', values: { date: year.endsOn } }] });
  if (planLocked && window.today > summaryDeadline(year))
    return invalid({ form: [{ key: 'teaching.errors.summaryClosed', values: { date: summaryDeadline(year) } }] });
  const errors: FieldErrors = {};
  if (submit === 'plan') for (const k of ANNUAL_PLAN_PARTS) if (!parts[k]) errors[k] = ['form.errors.required'];
  if (submit === 'summary') {
    if (!planLocked) errors.summary = ['teaching.errors.planFirst'];
    else if (!summary) errors.summary = ['form.errors.required'];
  }
  if (Object.keys(errors).length) return invalid(errors);

  const planData = planLocked ? {} : parts;
  const stamps = {
    ...(submit === 'plan' ? { planSubmittedAt: now, planSubmittedById: actor.id } : {}),
    ...(submit === 'summary' ? { summarySubmittedAt: now, summarySubmittedById: actor.id } : {}),
  };
  try {
    return await versioned(() =>
      db.$transaction(async (tx) => {
        const row = existing
          ? await tx.annualPlan.update({
              where: { id: existing.id, version: existing.version },
              data: { ...planData, summary, ...stamps, updatedById: actor.id, version: { increment: 1 } },
            })
          : await tx.annualPlan.create({ data: { pairingId, academicYear, ...parts, summary, ...stamps, updatedById: actor.id } });
        const scope = { countyId: pairing.assisted.countyId, kindergartenId: actor.kindergartenId };
        const before = existing
          ? Object.fromEntries([...ANNUAL_PLAN_PARTS, 'summary'].map((k) => [k, existing[k as keyof typeof existing]]))
          : undefined;
        await writeAudit(tx, {
          actor,
          action: existing ? 'annualPlan.updated' : 'annualPlan.created',
          entityType: 'AnnualPlan',
          entityId: row.id,
          ...scope,
          before,
          after: { ...planData, summary },
        });
        if (submit)
          await writeAudit(tx, {
            actor,
            action: submit === 'plan' ? 'annualPlan.planSubmitted' : 'annualPlan.summarySubmitted',
            entityType: 'AnnualPlan',
            entityId: row.id,
            ...scope,
            after: { at: now },
          });
        return { id: row.id };
      }),
    );
  } catch (e) {
    // The other director created the year's plan in between: theirs is kept, this one is refused like a stale save.
    if (isUniqueViolation(e)) return fail('conflict');
    throw e;
  }
}
