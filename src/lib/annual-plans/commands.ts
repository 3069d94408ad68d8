/**
 * The pairing's annual plan and summary: (actor, raw input, db) → Result; change + audit in one
 * transaction, the version in the update's WHERE.
 */
import type { Db, Tx } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, sideResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, parseInput, versioned, type FieldErrors, type Result } from '@/lib/result';
import { recordWindow, summaryDeadline } from '@/lib/pairings/record-window';
import { dateOnly } from '@/lib/time/date-only';
import type { AnnualReportKind } from '@/generated/prisma/enums';
import { isEditable, planHandedIn, type StoredStatus } from './due';
import { listAnnualPlanStatus, type StatusFilters } from './queries';
import { notify } from '@/lib/notifications/notify';
import { directorsOf } from '@/lib/notifications/recipients';
import { ANNUAL_PLAN_PARTS, AnnualPlanCommentInput, AnnualPlanDueDatesInput, AnnualPlanInput, AnnualPlanReviewInput } from './schemas';

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

const STATUS_FIELD = { PLAN: 'planStatus', SUMMARY: 'summaryStatus' } as const;

/** The next number of a plan's or summary's submissions: every version handed in is kept. */
async function nextNumber(tx: Tx, annualPlanId: string, kind: AnnualReportKind) {
  const last = await tx.annualPlanSubmission.findFirst({
    where: { annualPlanId, kind },
    orderBy: { number: 'desc' },
    select: { number: true },
  });
  return (last?.number ?? 0) + 1;
}

/**
 * The supporting director writes the pairing's annual plan and summary and submits each to the bureau
 * (the assisted side reads and comments). A submitted part is locked until the bureau returns it; a
 * filed one for good. Each submission is kept as a frozen copy (AnnualPlanSubmission).
 */
export async function saveAnnualPlan(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(AnnualPlanInput, raw);
  if (!parsed.ok) return parsed;
  const { pairingId, academicYear, version, submit, summary, ...parts } = parsed.value;
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'annualPlan.edit', sideResource(pairing, pairing.supportingId))) return fail('notAllowed');
  const existing = await db.annualPlan.findUnique({ where: { pairingId_academicYear: { pairingId, academicYear } } });
  if (existing && version !== existing.version) return fail('conflict');
  const planStatus: StoredStatus = existing?.planStatus ?? 'DRAFT';
  const summaryStatus: StoredStatus = existing?.summaryStatus ?? 'DRAFT';
  const window = (await recordWindow(db, pairingId, now))!;
  const year = window.years.find((y) => y.academicYear === academicYear);
  if (!year)
    return invalid({ form: [{ key: 'teaching.errors.yearOutsidePairing', values: { from: window.startsOn, to: window.endsOn ?? '…' } }] });
  // Decision 013: a plan is written until its year ends, a summary until 92 days after. A part the
  // bureau returned is corrected whenever it is returned: the bureau asked for it.
  const planOpen = isEditable(planStatus) && (planStatus === 'RETURNED' || window.today <= year.endsOn);
  const summaryOpen =
    planHandedIn(planStatus) && isEditable(summaryStatus) && (summaryStatus === 'RETURNED' || window.today <= summaryDeadline(year));
  const closed = () => {
    if (planStatus === 'DRAFT') return invalid({ form: [{ key: 'teaching.errors.yearEnded', values: { date: year.endsOn } }] });
    if (summaryStatus === 'DRAFT' && isEditable(summaryStatus))
      return invalid({ form: [{ key: 'teaching.errors.summaryClosed', values: { date: summaryDeadline(year) } }] });
    return fail('wrongState');
  };
  if (!planOpen && !summaryOpen) return closed();
  if (submit === 'plan' && !planOpen) return planHandedIn(planStatus) ? fail('wrongState') : closed();
  const errors: FieldErrors = {};
  if (submit === 'plan') for (const k of ANNUAL_PLAN_PARTS) if (!parts[k]) errors[k] = ['form.errors.required'];
  if (submit === 'summary') {
    if (!planHandedIn(planStatus)) errors.summary = ['teaching.errors.planFirst'];
    else if (!summaryOpen) return closed();
    else if (!summary) errors.summary = ['form.errors.required'];
  }
  if (Object.keys(errors).length) return invalid(errors);

  const planData = planOpen ? parts : {};
  const summaryData = summaryOpen ? { summary } : {};
  const stamps = {
    ...(submit === 'plan' ? { planSubmittedAt: now, planSubmittedById: actor.id, planStatus: 'SUBMITTED' as const } : {}),
    ...(submit === 'summary' ? { summarySubmittedAt: now, summarySubmittedById: actor.id, summaryStatus: 'SUBMITTED' as const } : {}),
  };
  try {
    return await versioned(() =>
      db.$transaction(async (tx) => {
        const row = existing
          ? await tx.annualPlan.update({
              where: { id: existing.id, version: existing.version },
              data: { ...planData, ...summaryData, ...stamps, updatedById: actor.id, version: { increment: 1 } },
            })
          : await tx.annualPlan.create({ data: { pairingId, academicYear, ...parts, ...stamps, updatedById: actor.id } });
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
          after: { ...planData, ...summaryData },
        });
        if (submit) {
          const kind = submit === 'plan' ? 'PLAN' : 'SUMMARY';
          const number = await nextNumber(tx, row.id, kind);
          const content = kind === 'PLAN' ? Object.fromEntries(ANNUAL_PLAN_PARTS.map((k) => [k, row[k]])) : { summary: row.summary };
          await tx.annualPlanSubmission.create({
            data: { annualPlanId: row.id, kind, number, content, submittedAt: now, submittedById: actor.id },
          });
          await writeAudit(tx, {
            actor,
            action: submit === 'plan' ? 'annualPlan.planSubmitted' : 'annualPlan.summarySubmitted',
            entityType: 'AnnualPlan',
            entityId: row.id,
            ...scope,
            after: { at: now, number },
          });
        }
        return { id: row.id };
      }),
    );
  } catch (e) {
    // The other director created the year's plan in between: theirs is kept, this one is refused like a stale save.
    if (isUniqueViolation(e)) return fail('conflict');
    throw e;
  }
}

async function loadPlan(db: Db, id: string) {
  return db.annualPlan.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
}

/**
 * The county (or city) admin files a submitted plan or summary (备案), or returns it with what to change.
 * Only a submitted one awaits review; the director's own side never has the permission.
 */
export async function reviewAnnualPlan(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(AnnualPlanReviewInput, raw);
  if (!parsed.ok) return parsed;
  const { planId, version, kind, decision, comment } = parsed.value;
  const plan = await loadPlan(db, planId);
  if (!plan || !can(actor, 'annualPlan.view', pairingResource(plan.pairing))) return fail('notFound');
  if (!can(actor, 'annualPlan.review', pairingResource(plan.pairing))) return fail('notAllowed');
  if (plan.version !== version) return fail('conflict');
  if (plan[STATUS_FIELD[kind]] !== 'SUBMITTED') return fail('wrongState');
  const outcome = decision === 'file' ? ('FILED' as const) : ('RETURNED' as const);
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.annualPlan.update({
        where: { id: plan.id, version: plan.version },
        data: { [STATUS_FIELD[kind]]: outcome, version: { increment: 1 } },
      });
      const pending = await tx.annualPlanSubmission.findFirstOrThrow({
        where: { annualPlanId: plan.id, kind, outcome: null },
        orderBy: { number: 'desc' },
      });
      await tx.annualPlanSubmission.update({
        where: { id: pending.id },
        data: { outcome, reviewedAt: now, reviewedById: actor.id, reviewComment: comment },
      });
      await writeAudit(tx, {
        actor,
        action: decision === 'file' ? 'annualPlan.filed' : 'annualPlan.returned',
        entityType: 'AnnualPlan',
        entityId: plan.id,
        countyId: plan.pairing.assisted.countyId,
        before: { status: 'SUBMITTED' },
        after: { kind, number: pending.number, status: outcome, comment },
      });
      // The supporting director writes and hands in the plan: the review's outcome is theirs to act on.
      await notify(tx, {
        kind: decision === 'file' ? 'annualPlan.filed' : 'annualPlan.returned',
        recipientIds: await directorsOf(tx, [plan.pairing.supportingId]),
        actorId: actor.id,
        href: `/annual-plans/${plan.pairingId}/${plan.academicYear}`,
        entityType: 'AnnualPlan',
        entityId: plan.id,
        values: { year: `${plan.academicYear}–${plan.academicYear + 1}`, part: { key: `notifications.parts.${kind}` } },
      });
      return { id: plan.id };
    }),
  );
}

/** A comment on a plan or summary: both directors and the reviewers talk in one thread. */
export async function commentAnnualPlan(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(AnnualPlanCommentInput, raw);
  if (!parsed.ok) return parsed;
  const { planId, kind, body } = parsed.value;
  const plan = await loadPlan(db, planId);
  if (!plan || !can(actor, 'annualPlan.view', pairingResource(plan.pairing))) return fail('notFound');
  if (!can(actor, 'annualPlan.comment', pairingResource(plan.pairing))) return fail('notAllowed');
  return versioned(() =>
    db.$transaction(async (tx) => {
      const c = await tx.annualPlanComment.create({ data: { annualPlanId: plan.id, kind, authorId: actor.id, body } });
      await writeAudit(tx, {
        actor,
        action: 'annualPlan.commented',
        entityType: 'AnnualPlan',
        entityId: plan.id,
        countyId: plan.pairing.assisted.countyId,
        kindergartenId: actor.kindergartenId,
        after: { kind, body },
      });
      return { id: c.id };
    }),
  );
}

/** The city's due dates for an academic year (replacing the 31 August default). */
export async function setAnnualPlanDueDates(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<{ academicYear: number }>> {
  const parsed = parseInput(AnnualPlanDueDatesInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'annualPlan.setDueDates', {})) return fail('notAllowed');
  const { academicYear, planDueOn, summaryDueOn, version } = parsed.value;
  const existing = await db.annualPlanDueDate.findUnique({ where: { academicYear } });
  if (existing && version !== undefined && version !== existing.version) return fail('conflict');
  const data = { planDueOn: dateOnly(planDueOn), summaryDueOn: dateOnly(summaryDueOn), updatedById: actor.id };
  try {
    return await versioned(() =>
      db.$transaction(async (tx) => {
        if (existing)
          await tx.annualPlanDueDate.update({
            where: { academicYear, version: existing.version },
            data: { ...data, version: { increment: 1 } },
          });
        else await tx.annualPlanDueDate.create({ data: { academicYear, ...data } });
        await writeAudit(tx, {
          actor,
          action: 'annualPlan.dueDatesSet',
          entityType: 'AnnualPlanDueDate',
          entityId: String(academicYear),
          before: existing ? { planDueOn: existing.planDueOn, summaryDueOn: existing.summaryDueOn } : undefined,
          after: { planDueOn, summaryDueOn },
        });
        return { academicYear };
      }),
    );
  } catch (e) {
    if (isUniqueViolation(e)) return fail('conflict');
    throw e;
  }
}

/** The bureau's status list as a spreadsheet: the same rows as the page, and the export is audited. */
export async function exportAnnualPlanStatus(actor: ActorWithName, filters: StatusFilters, db: Db, now = new Date()) {
  const rows = await listAnnualPlanStatus(actor, filters, db, now);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'annualPlan.statusExported',
      entityType: 'AnnualPlan',
      countyId: actor.countyId,
      after: { filters, rows: rows.length },
    }),
  );
  return rows;
}
