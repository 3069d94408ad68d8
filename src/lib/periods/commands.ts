/**
 * Closing a period and reviewing late corrections: (actor, raw input, db) → Result; change + audit in
 * one transaction (docs/decisions/020).
 */
import type { Db } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, versioned, type Result } from '@/lib/result';
import { cityToday } from '@/lib/time/today';
import { dateOnly } from '@/lib/time/date-only';
import { computeFrozen, periodSpan } from './freeze';
import { closeVerdict, parsePeriodKey, periodKeyOf } from './rules';
import { ClosePeriodInput, LateReviewInput } from './schemas';

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

export async function closingGraceDays(db: Db): Promise<number> {
  const s = await db.citySetting.findFirst({ select: { closingGraceDays: true } });
  return s?.closingGraceDays ?? 14;
}

/**
 * The city admin closes a semester or an academic year once it has ended and the grace days have
 * passed: every pairing's results are frozen (FrozenResult) in the transaction that records the close,
 * and records dated in it are refused from then on (guard.ts).
 */
export async function closePeriod(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ClosePeriodInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'period.close', {})) return fail('notAllowed');
  const period = parsePeriodKey(parsed.value.key)!;
  const key = periodKeyOf(period);
  const span = await periodSpan(db, period);
  if (!span) return fail('notFound');
  const [today, graceDays, closed] = await Promise.all([
    cityToday(db, now),
    closingGraceDays(db),
    db.closedPeriod.findMany({ where: { academicYear: period.academicYear }, select: { key: true } }),
  ]);
  const closedKeys = new Set(closed.map((c) => c.key));
  const openSemesters =
    period.kind === 'ACADEMIC_YEAR'
      ? (['AUTUMN', 'SPRING'] as const).filter(
          (term) => !closedKeys.has(periodKeyOf({ kind: 'SEMESTER', academicYear: period.academicYear, term })),
        ).length
      : 0;
  const verdict = closeVerdict({ endsOn: span.endsOn, today, graceDays, alreadyClosed: closedKeys.has(key), openSemesters });
  if (!verdict.ok)
    return fail('wrongState', { message: { key: `bulletins.periods.refused.${verdict.reason}`, values: { date: verdict.closableOn } } });

  const rows = await computeFrozen(db, actor, period, now);
  try {
    const id = await db.$transaction(async (tx) => {
      const cp = await tx.closedPeriod.create({
        data: {
          key,
          kind: period.kind,
          academicYear: period.academicYear,
          term: period.term,
          startsOn: dateOnly(span.startsOn),
          endsOn: dateOnly(span.endsOn),
          closedAt: now,
          closedById: actor.id,
        },
      });
      await tx.frozenResult.createMany({
        data: rows.map((r) => ({
          closedPeriodId: cp.id,
          pairingId: r.pairingId,
          test: r.test,
          status: r.status,
          value: r.value,
          detail: JSON.parse(JSON.stringify(r.detail)),
          counted: r.counted,
        })),
      });
      await writeAudit(tx, {
        actor,
        action: 'period.closed',
        entityType: 'ClosedPeriod',
        entityId: cp.id,
        after: {
          key,
          startsOn: span.startsOn,
          endsOn: span.endsOn,
          pairings: new Set(rows.map((r) => r.pairingId)).size,
          results: rows.length,
        },
      });
      return cp.id;
    });
    return ok({ id });
  } catch (e) {
    // Closed by someone else in between: the key is unique.
    if (isUniqueViolation(e))
      return fail('wrongState', { message: { key: 'bulletins.periods.refused.alreadyClosed', values: { date: span.endsOn } } });
    throw e;
  }
}

/**
 * A bureau admin in scope approves or rejects an activity entered as a late correction. Approved, it
 * counts in live figures (never in the frozen results); rejected, it stays on record, marked, and
 * counts nowhere. Directors never hold the permission, so no kindergarten approves its own.
 */
export async function reviewLateCorrection(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(LateReviewInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, decision } = parsed.value;
  const a = await db.activity.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      version: true,
      lateCorrection: true,
      recordingKindergartenId: true,
      pairing: { select: PAIRING_SCOPE },
    },
  });
  if (!a || !can(actor, 'activity.view', pairingResource(a.pairing))) return fail('notFound');
  if (!can(actor, 'lateCorrection.review', pairingResource(a.pairing))) return fail('notAllowed');
  if (a.lateCorrection !== 'PENDING') return fail('wrongState');
  if (a.version !== version) return fail('conflict');
  const outcome = decision === 'approve' ? ('APPROVED' as const) : ('REJECTED' as const);
  const countyId = a.recordingKindergartenId === a.pairing.supportingId ? a.pairing.supporting.countyId : a.pairing.assisted.countyId;
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.activity.update({
        where: { id: a.id, version: a.version },
        data: { lateCorrection: outcome, lateReviewedById: actor.id, lateReviewedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: decision === 'approve' ? 'activity.lateApproved' : 'activity.lateRejected',
        entityType: 'Activity',
        entityId: a.id,
        countyId,
        kindergartenId: a.recordingKindergartenId,
        before: { lateCorrection: 'PENDING' },
        after: { lateCorrection: outcome },
      });
      return { id: a.id };
    }),
  );
}
