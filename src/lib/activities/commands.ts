/**
 * Core logic of the activity and request mutations, callable from server actions and from tests:
 * (actor, raw input, db) → result. Every function loads the records, checks `can` against a
 * resource built from the rows, and writes the change and its audit entry in one transaction.
 */
import type { Prisma } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, sideResource, type Actor, type ActorWithName } from '@/lib/authz';
import { auditDenied, writeAudit } from '@/lib/audit';
import { fail, invalid, isStaleWrite, ok, parseInput, versioned, type FieldErrors, type Result } from '@/lib/result';
import {
  ActivityInput,
  CancelInput,
  ConfirmInput,
  ConfirmManyInput,
  ReceiptInput,
  RequestInput,
  RequestRef,
  type ActivityData,
} from './schemas';
import { confirmerReceives, confirmingSide, editableBySide, receivingSide, typeRuleErrors } from './rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly } from '@/lib/time/date-only';
import { localDate, zonedToInstant } from '@/lib/time/zoned';
import { outsideMessage, recordWindow, withinWindow } from '@/lib/pairings/record-window';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';
import { afterLostRace, recordKey, repeatedSave } from '@/lib/idempotency';
import { notify } from '@/lib/notifications/notify';
import { directorsOf } from '@/lib/notifications/recipients';

type PairingScope = Prisma.PairingGetPayload<{ select: typeof PAIRING_SCOPE }>;

const ACTIVITY_FULL = {
  pairing: { select: PAIRING_SCOPE },
  donationLines: { orderBy: { position: 'asc' } },
  participants: { select: { userId: true } },
} as const satisfies Prisma.ActivityInclude;
type ActivityFull = Prisma.ActivityGetPayload<{ include: typeof ACTIVITY_FULL }>;

/** What the audit trail keeps of an activity: every field a person can change. */
function snapshot(a: ActivityFull | (Omit<ActivityFull, 'pairing'> & { pairing?: unknown })) {
  return {
    type: a.type,
    direction: a.direction,
    targetArea: a.targetArea,
    title: a.title,
    status: a.status,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    location: a.location,
    outsideExperts: a.outsideExperts,
    childCount: a.childCount,
    classHours: a.classHours?.toString() ?? null,
    plan: a.plan,
    measures: a.measures,
    record: a.record,
    summary: a.summary,
    cancelReason: a.cancelReason,
    confirmation: a.confirmation,
    requestId: a.requestId,
    participants: a.participants.map((p) => p.userId).sort(),
    donationLines: a.donationLines.map((l) => ({
      item: l.item,
      quantity: l.quantity.toString(),
      unit: l.unit,
      estimatedValue: l.estimatedValue.toString(),
    })),
    receiptConfirmedAt: a.receiptConfirmedAt,
    lateCorrection: a.lateCorrection,
    version: a.version,
  };
}

function linesKey(lines: { item: string; quantity: unknown; unit: string; estimatedValue: unknown }[]) {
  return JSON.stringify(lines.map((l) => [l.item, Number(String(l.quantity)), l.unit, Number(String(l.estimatedValue))]));
}

function auditScope(p: PairingScope, kindergartenId: string) {
  return { countyId: kindergartenId === p.supportingId ? p.supporting.countyId : p.assisted.countyId, kindergartenId };
}

/** After an activity leaves a request (cancelled, relinked), the request is open again if nothing else answers it. */
async function reopenRequestIfUnanswered(tx: Tx, actor: ActorWithName, requestId: string, exceptActivityId: string) {
  const request = await tx.assistanceRequest.findUnique({ where: { id: requestId }, include: { pairing: { select: PAIRING_SCOPE } } });
  if (!request || request.status !== 'ANSWERED') return;
  const others = await tx.activity.count({ where: { requestId, id: { not: exceptActivityId }, status: { not: 'CANCELLED' } } });
  if (others > 0) return;
  await tx.assistanceRequest.update({ where: { id: requestId }, data: { status: 'OPEN', version: { increment: 1 } } });
  await writeAudit(tx, {
    actor,
    action: 'request.reopened',
    entityType: 'AssistanceRequest',
    entityId: requestId,
    ...auditScope(request.pairing, request.pairing.assistedId),
    before: { status: 'ANSWERED' },
    after: { status: 'OPEN' },
  });
}

/** Creates (no id) or updates an activity. */
export async function saveActivity(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ActivityInput, raw);
  if (!parsed.ok) return parsed;
  const d: ActivityData = parsed.value;
  // A repeated send of a new activity (retry, queued send) answers with the first one.
  const key = d.id ? undefined : d.idempotencyKey;
  const repeat = await repeatedSave(db, actor, key, 'Activity');
  if (repeat) return repeat;

  let existing: ActivityFull | null = null;
  let pairing: PairingScope | null;
  if (d.id) {
    existing = await db.activity.findUnique({ where: { id: d.id }, include: ACTIVITY_FULL });
    if (!existing || !can(actor, 'activity.view', pairingResource(existing.pairing))) return fail('notFound');
    if (!can(actor, 'activity.update', { ...pairingResource(existing.pairing), ownerId: existing.createdById })) return fail('notAllowed');
    if (existing.status === 'CANCELLED') return fail('wrongState');
    if (!editableBySide(existing, actor.kindergartenId)) return fail('notAllowed');
    if (d.version !== existing.version) return fail('conflict', { conflict: { version: existing.version } });
    if (existing.status === 'DONE' && d.status === 'PLANNED') return invalid({ status: ['activities.errors.cannotUnlog'] });
    pairing = existing.pairing;
  } else {
    pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
    if (!pairing || !can(actor, 'activity.view', pairingResource(pairing))) return fail('notFound');
    if (!can(actor, 'activity.create', pairingResource(pairing))) return fail('notAllowed');
  }
  const window = (await recordWindow(db, pairing.id, now))!;
  // History is not written after the fact: an ended pairing takes no new record. What it already
  // holds stays correctable by the side that wrote it (decision 013), audited below like any edit.
  if (!existing && window.ended) return invalid({ form: [{ key: 'activities.errors.pairingEnded', values: { date: window.endsOn! } }] });

  // Typed dates and times are the city's wall clock: its recorded zone, as the monthly rollup reads it.
  const timeZone = await cityTimeZone(db);
  const startsAt = zonedToInstant(d.startDate, d.startTime, timeZone);
  const endsAt = d.endDate || d.endTime ? zonedToInstant(d.endDate ?? d.startDate, d.endTime ?? '23:59', timeZone) : null;
  const errors: FieldErrors = {};
  const ruleErrors = typeRuleErrors(
    {
      type: d.type,
      direction: d.direction,
      location: d.location,
      classHours: d.classHours,
      childCount: d.childCount,
      donationLineCount: d.donationLines.length,
      startsAt,
      endsAt,
      status: d.status,
    },
    now,
    timeZone,
  );
  for (const [field, key] of Object.entries(ruleErrors)) errors[field] = [`activities.errors.${key}`];
  // A record falls within the pairing's days. A correction that leaves the dates as they were is
  // not refused for them (records older than this rule may lie outside).
  const startDay = d.startDate;
  const endDay = endsAt ? localDate(endsAt, timeZone) : null;
  const moved =
    !existing ||
    localDate(existing.startsAt, timeZone) !== startDay ||
    (existing.endsAt ? localDate(existing.endsAt, timeZone) : null) !== endDay;
  if (moved && !errors.startDate && !withinWindow(window, startDay))
    errors.startDate = [outsideMessage('activities.errors.outsidePairing', window)];
  else if (moved && !errors.endDate && endDay && !withinWindow(window, endDay))
    errors.endDate = [outsideMessage('activities.errors.outsidePairing', window)];

  // Teachers log activities they take part in.
  const participantIds = [...new Set(actor.role === 'TEACHER' ? [...d.participantIds, actor.id] : d.participantIds)];
  // Someone who took part and has since moved or left stays on the record; new names must be staff of the two sides.
  const added = participantIds.filter((id) => !existing?.participants.some((p) => p.userId === id));
  if (added.length) {
    const found = await db.user.count({
      where: { id: { in: added }, kindergartenId: { in: [pairing.supportingId, pairing.assistedId] } },
    });
    if (found !== added.length) errors.participantIds = ['activities.errors.participantNotInPairing'];
  }

  let answersRequest: { id: string; status: string; title: string } | null = null;
  if (d.requestId && d.requestId !== existing?.requestId) {
    const request = await db.assistanceRequest.findUnique({
      where: { id: d.requestId },
      select: { id: true, pairingId: true, status: true, title: true },
    });
    if (
      !request ||
      request.pairingId !== pairing.id ||
      request.status === 'CLOSED' ||
      !can(actor, 'request.answer', sideResource(pairing, pairing.supportingId))
    ) {
      errors.requestId = ['activities.errors.requestNotAnswerable'];
    } else answersRequest = request;
  }
  // Records dated in a closed period are refused, or taken as a late correction the bureau approves
  // (decision 020): creating one there, changing one there, or moving one in or out.
  const closing = await checkClosing(
    db,
    { before: existing ? localDate(existing.startsAt, timeZone) : null, after: startDay },
    { lateAllowed: true, late: d.lateCorrection === 'on' || existing?.lateCorrection === 'PENDING' },
  );
  if (closing.kind === 'refused') {
    const refusal = closedRefusal(closing, 'startDate');
    return invalid({ ...errors, ...refusal.fieldErrors }, refusal.message);
  }
  if (Object.keys(errors).length) return invalid(errors);
  const late = closing.kind === 'late';

  // The side that writes the record of what happened is the side whose word the other confirms: when
  // a plan (which both sides may shape) is logged as done, the logging side becomes the recording one.
  const loggedNow = existing?.status === 'PLANNED' && d.status === 'DONE';
  const recordingKindergartenId = existing && !loggedNow ? existing.recordingKindergartenId : actor.kindergartenId!;
  const data = {
    type: d.type,
    direction: d.direction,
    targetArea: d.targetArea,
    title: d.title,
    status: d.status,
    startsAt,
    endsAt,
    location: d.location,
    outsideExperts: d.outsideExperts,
    childCount: d.childCount,
    classHours: d.classHours,
    plan: d.plan,
    measures: d.measures,
    record: d.record,
    summary: d.summary,
    requestId: d.requestId,
    // Held back until a bureau admin approves it, whatever it was before.
    ...(late ? { lateCorrection: 'PENDING' as const, lateReviewedById: null, lateReviewedAt: null } : {}),
  };
  // A confirmation vouches for what the other side read: a change to a confirmed record re-opens it.
  const reopenConfirmation = existing?.status === 'DONE' && existing.confirmation !== 'PENDING';
  const reopenReceipt =
    existing?.receiptConfirmedAt != null &&
    (linesKey(existing.donationLines) !== linesKey(d.donationLines) || existing.direction !== d.direction);

  const id = await db
    .$transaction(async (tx) => {
      const saved = existing
        ? await tx.activity.update({
            where: { id: existing.id, version: existing.version },
            data: {
              ...data,
              recordingKindergartenId,
              version: { increment: 1 },
              ...(reopenConfirmation ? { confirmation: 'PENDING', confirmedById: null, confirmedAt: null, confirmationComment: null } : {}),
              ...(reopenReceipt ? { receiptConfirmedById: null, receiptConfirmedAt: null, receiptComment: null } : {}),
            },
          })
        : await tx.activity.create({ data: { ...data, pairingId: pairing.id, recordingKindergartenId, createdById: actor.id } });
      if (!existing) await recordKey(tx, actor, key, 'Activity', saved.id);
      await tx.activityParticipant.deleteMany({ where: { activityId: saved.id } });
      if (participantIds.length)
        await tx.activityParticipant.createMany({ data: participantIds.map((userId) => ({ activityId: saved.id, userId })) });
      await tx.donationLine.deleteMany({ where: { activityId: saved.id } });
      if (d.donationLines.length) {
        await tx.donationLine.createMany({ data: d.donationLines.map((l, position) => ({ activityId: saved.id, position, ...l })) });
      }
      const after = await tx.activity.findUniqueOrThrow({ where: { id: saved.id }, include: ACTIVITY_FULL });
      const scope = auditScope(pairing, recordingKindergartenId);
      await writeAudit(tx, {
        actor,
        action: existing ? 'activity.updated' : 'activity.created',
        entityType: 'Activity',
        entityId: saved.id,
        ...scope,
        before: existing ? snapshot(existing) : undefined,
        after: snapshot(after),
      });
      if (late) {
        await writeAudit(tx, {
          actor,
          action: 'activity.lateSubmitted',
          entityType: 'Activity',
          entityId: saved.id,
          ...scope,
          before: existing ? { lateCorrection: existing.lateCorrection } : undefined,
          after: { lateCorrection: 'PENDING', period: closing.period.key },
        });
      }
      if (reopenConfirmation) {
        await writeAudit(tx, {
          actor,
          action: 'activity.confirmationReopened',
          entityType: 'Activity',
          entityId: saved.id,
          ...scope,
          before: { confirmation: existing!.confirmation, confirmedById: existing!.confirmedById, confirmedAt: existing!.confirmedAt },
          after: { confirmation: 'PENDING' },
        });
      }
      if (reopenReceipt) {
        await writeAudit(tx, {
          actor,
          action: 'activity.receiptReopened',
          entityType: 'Activity',
          entityId: saved.id,
          ...scope,
          before: { receiptConfirmedAt: existing!.receiptConfirmedAt },
          after: { receiptConfirmedAt: null },
        });
      }
      if (answersRequest?.status === 'OPEN') {
        await tx.assistanceRequest.update({ where: { id: answersRequest.id }, data: { status: 'ANSWERED', version: { increment: 1 } } });
        await writeAudit(tx, {
          actor,
          action: 'request.answered',
          entityType: 'AssistanceRequest',
          entityId: answersRequest.id,
          ...auditScope(pairing, pairing.assistedId),
          before: { status: 'OPEN' },
          after: { status: 'ANSWERED', activityId: saved.id },
        });
        await notify(tx, {
          kind: 'request.answered',
          recipientIds: await directorsOf(tx, [pairing.assistedId]),
          actorId: actor.id,
          href: `/activities/${saved.id}`,
          entityType: 'Activity',
          entityId: saved.id,
          values: { title: answersRequest.title },
        });
      }
      if (existing?.requestId && existing.requestId !== d.requestId)
        await reopenRequestIfUnanswered(tx, actor, existing.requestId, saved.id);
      return saved.id;
    })
    .then(
      (id) => ok({ id }),
      async (e: unknown) => {
        const raced = await afterLostRace(e, db, actor, key, 'Activity');
        if (raced) return raced;
        // The version guard in the update's where: someone saved in between.
        if (!isStaleWrite(e)) throw e;
        const now = await db.activity.findUnique({ where: { id: existing!.id }, select: { version: true } });
        return fail('conflict', { conflict: { version: now?.version ?? existing!.version } });
      },
    );
  return id;
}

async function loadForChange(db: Db, actor: Actor, id: string) {
  const a = await db.activity.findUnique({ where: { id }, include: ACTIVITY_FULL });
  return a && can(actor, 'activity.view', pairingResource(a.pairing)) ? a : null;
}

/** Only a planned activity is cancelled; what happened is corrected by editing it. */
export async function cancelActivity(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(CancelInput, raw);
  if (!parsed.ok) return parsed;
  const a = await loadForChange(db, actor, parsed.value.id);
  if (!a) return fail('notFound');
  if (!can(actor, 'activity.cancel', { ...pairingResource(a.pairing), ownerId: a.createdById })) return fail('notAllowed');
  if (a.status !== 'PLANNED') return fail('wrongState');
  if (a.version !== parsed.value.version) return fail('conflict');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.activity.update({
        where: { id: a.id, version: a.version },
        data: { status: 'CANCELLED', cancelReason: parsed.value.reason, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'activity.cancelled',
        entityType: 'Activity',
        entityId: a.id,
        ...auditScope(a.pairing, a.recordingKindergartenId),
        before: { status: a.status },
        after: { status: 'CANCELLED', cancelReason: parsed.value.reason },
      });
      if (a.requestId) await reopenRequestIfUnanswered(tx, actor, a.requestId, a.id);
      return { id: a.id };
    }),
  );
}

/**
 * Who hears the other side's answer: the recording side's directors, and whoever logged the record if
 * they are on that side (a teacher; not someone of the confirming side who planned it before the other
 * side logged it as done: "the other side confirmed" would be wrong for them).
 */
async function recordingSidePeople(tx: Tx, a: { recordingKindergartenId: string; createdById: string }) {
  const creator = await tx.user.findFirst({
    where: { id: a.createdById, kindergartenId: a.recordingKindergartenId },
    select: { id: true },
  });
  return [...(await directorsOf(tx, [a.recordingKindergartenId])), ...(creator ? [creator.id] : [])];
}

/** The director of the side that did not log the activity confirms it happened, or disputes it. */
export async function confirmActivity(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ConfirmInput, raw);
  if (!parsed.ok) return parsed;
  const { id, decision, comment, version } = parsed.value;
  const a = await loadForChange(db, actor, id);
  if (!a) return fail('notFound');
  const side = confirmingSide(a.recordingKindergartenId, a.pairing);
  if (!can(actor, 'activity.confirm', sideResource(a.pairing, side))) return fail('notAllowed');
  if (a.status !== 'DONE') return fail('wrongState');
  // One confirms what one read: a change since the page was shown must be read first.
  if (a.version !== version) return fail('conflict');
  // The receiving side's "true" also says the goods arrived: one answer (phone walk). A dispute says
  // the record is wrong, so it cannot; a giver's confirmation leaves receipt to the receiver.
  const receipt =
    decision === 'CONFIRMED' &&
    !a.receiptConfirmedAt &&
    confirmerReceives(a, a.pairing) &&
    can(actor, 'activity.confirmReceipt', sideResource(a.pairing, side));
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.activity.update({
        where: { id: a.id, version },
        data: {
          confirmation: decision,
          confirmedById: actor.id,
          confirmedAt: now,
          confirmationComment: comment || null,
          ...(receipt ? { receiptConfirmedById: actor.id, receiptConfirmedAt: now, receiptComment: comment || null } : {}),
          version: { increment: 1 },
        },
      });
      await writeAudit(tx, {
        actor,
        action: decision === 'CONFIRMED' ? 'activity.confirmed' : 'activity.disputed',
        entityType: 'Activity',
        entityId: a.id,
        ...auditScope(a.pairing, side),
        before: { confirmation: a.confirmation, comment: a.confirmationComment },
        after: { confirmation: decision, comment },
      });
      if (receipt) {
        await writeAudit(tx, {
          actor,
          action: 'activity.receiptConfirmed',
          entityType: 'Activity',
          entityId: a.id,
          ...auditScope(a.pairing, side),
          after: { receiptConfirmedAt: now, comment, lines: a.donationLines.map((l) => `${l.item} ${l.quantity} ${l.unit}`) },
        });
      }
      await notify(tx, {
        kind: decision === 'CONFIRMED' ? 'activity.confirmed' : 'activity.disputed',
        recipientIds: await recordingSidePeople(tx, a),
        actorId: actor.id,
        href: `/activities/${a.id}`,
        entityType: 'Activity',
        entityId: a.id,
        values: { title: a.title },
      });
      return { id: a.id };
    }),
  );
}

export type ConfirmManyResult = {
  confirmed: number;
  /** In scope, but changed since the list was shown or no longer waiting: to be opened and read first. */
  stale: { id: string; title: string }[];
  /** Not this director's to confirm, or outside their scope (not named: nothing learnt about them). */
  refused: number;
};

/**
 * "Confirm selected" on the activity list: each ticked record goes through confirmActivity on its own
 * (its own transaction, version check, audit entry and notifications), so one stale row never undoes
 * the others and the rule is the one of the activity page. Denied ids are audited like a denied page.
 */
export async function confirmActivities(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result<ConfirmManyResult>> {
  const parsed = parseInput(ConfirmManyInput, raw);
  if (!parsed.ok) return parsed;
  const items = [...new Map(parsed.value.items.map((i) => [i.id, i])).values()];
  let confirmed = 0;
  const staleIds: string[] = [];
  const denied: string[] = [];
  for (const { id, version } of items) {
    const r = await confirmActivity(actor, { id, version, decision: 'CONFIRMED', comment: '' }, db, now);
    if (r.ok) confirmed += 1;
    else if (r.error === 'conflict' || r.error === 'wrongState') staleIds.push(id);
    else denied.push(id);
  }
  for (const id of denied) await auditDenied(actor, { entityType: 'Activity', entityId: id });
  const stale = staleIds.length
    ? await db.activity.findMany({ where: { id: { in: staleIds } }, select: { id: true, title: true }, orderBy: { startsAt: 'desc' } })
    : [];
  return ok({ confirmed, stale, refused: denied.length });
}

/** The receiving kindergarten's director confirms that the donated lines arrived. */
export async function confirmReceipt(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(ReceiptInput, raw);
  if (!parsed.ok) return parsed;
  const a = await loadForChange(db, actor, parsed.value.id);
  if (!a) return fail('notFound');
  const receiver = receivingSide(a, a.pairing);
  if (a.type !== 'DONATION' || !can(actor, 'activity.confirmReceipt', sideResource(a.pairing, receiver))) return fail('notAllowed');
  if (a.status !== 'DONE' || a.receiptConfirmedAt) return fail('wrongState');
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.activity.update({
          where: { id: a.id, version: a.version },
          data: {
            receiptConfirmedById: actor.id,
            receiptConfirmedAt: now,
            receiptComment: parsed.value.comment || null,
            version: { increment: 1 },
          },
        });
        await writeAudit(tx, {
          actor,
          action: 'activity.receiptConfirmed',
          entityType: 'Activity',
          entityId: a.id,
          ...auditScope(a.pairing, receiver),
          after: {
            receiptConfirmedAt: now,
            comment: parsed.value.comment,
            lines: a.donationLines.map((l) => `${l.item} ${l.quantity} ${l.unit}`),
          },
        });
        return { id: a.id };
      }),
    () => fail('wrongState'),
  );
}

/** The assisted kindergarten asks; the supporting one answers by planning an activity for it. */
export async function createRequest(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(RequestInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'request.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'request.create', sideResource(pairing, pairing.assistedId))) return fail('notAllowed');
  // Help is asked of a pairing that still runs, for a day it still runs (decision 013).
  const window = (await recordWindow(db, pairing.id, now))!;
  if (window.ended) return invalid({ form: [{ key: 'activities.errors.pairingEnded', values: { date: window.endsOn! } }] });
  if (d.neededBy && !withinWindow(window, d.neededBy))
    return invalid({ neededBy: [outsideMessage('activities.errors.outsidePairing', window)] });
  const id = await db.$transaction(async (tx) => {
    const r = await tx.assistanceRequest.create({
      data: {
        pairingId: pairing.id,
        kind: d.kind,
        title: d.title,
        details: d.details,
        neededBy: d.neededBy ? dateOnly(d.neededBy) : null,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'request.created',
      entityType: 'AssistanceRequest',
      entityId: r.id,
      ...auditScope(pairing, pairing.assistedId),
      after: { kind: d.kind, title: d.title, details: d.details, neededBy: d.neededBy },
    });
    await notify(tx, {
      kind: 'request.created',
      recipientIds: await directorsOf(tx, [pairing.supportingId]),
      actorId: actor.id,
      href: `/requests#request-${r.id}`,
      entityType: 'AssistanceRequest',
      entityId: r.id,
      values: { title: d.title },
    });
    return r.id;
  });
  return ok({ id });
}

export async function closeRequest(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = RequestRef.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const ref = parsed.data;
  const r = await db.assistanceRequest.findUnique({ where: { id: ref.id }, include: { pairing: { select: PAIRING_SCOPE } } });
  if (!r || !can(actor, 'request.view', pairingResource(r.pairing))) return fail('notFound');
  if (!can(actor, 'request.close', sideResource(r.pairing, r.pairing.assistedId))) return fail('notAllowed');
  if (r.status === 'CLOSED') return fail('wrongState');
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.assistanceRequest.update({
          where: { id: r.id, version: r.version },
          data: { status: 'CLOSED', closedById: actor.id, closedAt: now, version: { increment: 1 } },
        });
        await writeAudit(tx, {
          actor,
          action: 'request.closed',
          entityType: 'AssistanceRequest',
          entityId: r.id,
          ...auditScope(r.pairing, r.pairing.assistedId),
          before: { status: r.status },
          after: { status: 'CLOSED' },
        });
        return { id: r.id };
      }),
    () => fail('wrongState'),
  );
}
