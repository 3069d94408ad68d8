import 'server-only';
/**
 * Writes of the end of a cycle (decision 026): measurements recorded and confirmed, the county admin's
 * decision at rollover kept beside the advice computed then, the city's advice thresholds, and the
 * cycle summaries. (actor, raw input, db) → Result; the change and its audit entry in one transaction.
 */
import { db as defaultDb, type Db, type Tx } from '@/lib/db';
import {
  can,
  canReadCycleSummary,
  hasPermission,
  isCycleSummaryOffice,
  PAIRING_SCOPE,
  pairingResource,
  rolloverWhere,
  type ActorWithName,
} from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { notify } from '@/lib/notifications/notify';
import { directorsOf } from '@/lib/notifications/recipients';
import { getCity } from '@/lib/cycles/city';
import { getCycle } from '@/lib/cycles/queries';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { isBlank } from '@/lib/schema-fields';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityToday } from '@/lib/time/today';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { adviceFor, adviceSettings } from './advice';
import { mayConfirmMeasurement, mayRecordMeasurement } from './access';
import { computeFigures } from './figures';
import { cycleDates } from './queries';
import { AREAS, measurementDateProblem, type Standard } from './rules';
import {
  AdviceDecisionInput,
  AdviceSettingsInput,
  ConfirmMeasurementInput,
  MeasurementInput,
  PublishSummaryInput,
  SummaryInput,
} from './schemas';
import { computeSummary } from './summary';

const json = (v: unknown) => JSON.parse(JSON.stringify(v));

/**
 * Records (or, until confirmed, records again) the baseline or end measurement: the figures are taken
 * from the registry and the records as of the day measured and kept as they were.
 */
export async function recordMeasurement(actor: ActorWithName, raw: unknown, db: Db = defaultDb, now = new Date()): Promise<Result> {
  const parsed = parseInput(MeasurementInput, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const p = await db.pairing.findUnique({ where: { id: v.pairingId }, select: { ...PAIRING_SCOPE, cycleId: true } });
  if (!p || !can(actor, 'pairing.view', pairingResource(p))) return fail('notFound');
  if (!mayRecordMeasurement(actor, p)) return fail('notAllowed');
  const [cycle, existing, today] = await Promise.all([
    getCycle(p.cycleId, db),
    db.cycleMeasurement.findMany({
      where: { pairingId: p.id },
      select: { id: true, kind: true, measuredOn: true, confirmedAt: true, version: true },
    }),
    cityToday(db, now),
  ]);
  const dates = cycle && cycleDates(cycle);
  if (!dates) return fail('wrongState');
  const same = existing.find((m) => m.kind === v.kind);
  const other = existing.find((m) => m.kind !== v.kind);
  if (same?.confirmedAt) return fail('wrongState', { message: 'cycleReview.errors.alreadyConfirmed' });
  if (same && v.version !== same.version) return fail('conflict', { conflict: { version: same.version } });
  const problem = measurementDateProblem(v.kind, v.measuredOn, dates, today, other ? isoOf(other.measuredOn) : null);
  if (problem)
    return invalid({ measuredOn: [{ key: `cycleReview.errors.${problem.key}`, values: 'values' in problem ? problem.values : {} }] });
  const standard = Object.fromEntries(AREAS.map((a) => [a, { result: v[a], note: v[`${a}Note`].trim() }])) as Standard;
  const figures = await computeFigures(db, p.assistedId, v.measuredOn, v.qualifiedTeachers);
  const data = { measuredOn: dateOnly(v.measuredOn), figures: json(figures), standard: json(standard), recordedById: actor.id };
  // The assisted directors confirm (access.ts): each recording asks them again.
  const askToConfirm = async (tx: Tx, id: string) =>
    notify(tx, {
      kind: 'measurement.recorded',
      recipientIds: await directorsOf(tx, [p.assistedId]),
      actorId: actor.id,
      href: `/pairings/${p.id}/review`,
      entityType: 'CycleMeasurement',
      entityId: id,
      values: { kindergarten: p.assisted.name, kind: v.kind },
    });
  const audit = {
    actor,
    entityType: 'CycleMeasurement',
    countyId: p.assisted.countyId,
    kindergartenId: p.assistedId,
    after: { pairingId: p.id, kind: v.kind, measuredOn: v.measuredOn, figures, standard },
  };
  if (!same)
    return db.$transaction(async (tx) => {
      const m = await tx.cycleMeasurement.create({ data: { pairingId: p.id, kind: v.kind, ...data }, select: { id: true } });
      await writeAudit(tx, { ...audit, action: 'measurement.recorded', entityId: m.id });
      await askToConfirm(tx, m.id);
      return ok(m);
    });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.cycleMeasurement.update({
        where: { id: same.id, version: same.version, confirmedAt: null },
        data: { ...data, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        ...audit,
        action: 'measurement.rerecorded',
        entityId: same.id,
        before: { measuredOn: isoOf(same.measuredOn) },
      });
      await askToConfirm(tx, same.id);
      return { id: same.id };
    }),
  );
}

/** The assisted director confirms what was measured; a confirmed measurement no longer changes. */
export async function confirmMeasurement(actor: ActorWithName, raw: unknown, db: Db = defaultDb, now = new Date()): Promise<Result> {
  const parsed = parseInput(ConfirmMeasurementInput, raw);
  if (!parsed.ok) return parsed;
  const m = await db.cycleMeasurement.findUnique({
    where: { id: parsed.value.id },
    select: { id: true, kind: true, recordedById: true, confirmedAt: true, version: true, pairing: { select: PAIRING_SCOPE } },
  });
  if (!m || !can(actor, 'pairing.view', pairingResource(m.pairing))) return fail('notFound');
  if (m.confirmedAt) return fail('wrongState', { message: 'cycleReview.errors.alreadyConfirmed' });
  if (m.recordedById === actor.id) return fail('notAllowed', { message: 'cycleReview.errors.ownMeasurement' });
  if (!mayConfirmMeasurement(actor, m.pairing, m)) return fail('notAllowed');
  if (parsed.value.version !== m.version) return fail('conflict', { conflict: { version: m.version } });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.cycleMeasurement.update({
        where: { id: m.id, version: m.version, confirmedAt: null },
        data: { confirmedById: actor.id, confirmedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'measurement.confirmed',
        entityType: 'CycleMeasurement',
        entityId: m.id,
        countyId: m.pairing.assisted.countyId,
        kindergartenId: m.pairing.assistedId,
        after: { pairingId: m.pairing.id, kind: m.kind },
      });
      // The one who recorded it (a bureau officer or the supporting director) learns it now counts.
      await notify(tx, {
        kind: 'measurement.confirmed',
        recipientIds: [m.recordedById],
        actorId: actor.id,
        href: `/pairings/${m.pairing.id}/review`,
        entityType: 'CycleMeasurement',
        entityId: m.id,
        values: { kindergarten: m.pairing.assisted.name, kind: m.kind },
      });
      return { id: m.id };
    }),
  );
}

/**
 * The county admin's decision at rollover. The advice is computed again now and kept beside the
 * decision; a decision other than the advice needs a note saying why.
 */
export async function decideRollover(actor: ActorWithName, raw: unknown, db: Db = defaultDb, now = new Date()): Promise<Result> {
  if (!hasPermission(actor, 'pairing.rollover')) return fail('notAllowed');
  const parsed = parseInput(AdviceDecisionInput, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const p = await db.pairing.findFirst({
    where: { id: v.pairingId, ...rolloverWhere(actor) },
    select: { id: true, cycleId: true, assistedId: true, assisted: { select: { countyId: true } } },
  });
  if (!p) return fail('notFound');
  const cycle = (await getCycle(p.cycleId, db))!;
  const computed = (await adviceFor(db, actor, [p], cycle, await cityToday(db, now))).get(p.id)!.computed;
  if (v.decision !== computed.advice && isBlank(v.note)) return invalid({ note: ['cycleReview.errors.noteRequired'] });
  const stored = await db.rolloverAdvice.findUnique({ where: { pairingId: p.id } });
  if (stored && v.version !== stored.version) return fail('conflict', { conflict: { version: stored.version } });
  const data = {
    advice: computed.advice,
    reasons: json(computed.reasons),
    computedAt: now,
    decision: v.decision,
    decisionNote: v.note.trim(),
    decidedById: actor.id,
    decidedAt: now,
  };
  const audit = {
    actor,
    action: 'rollover.decided',
    entityType: 'RolloverAdvice',
    entityId: p.id,
    countyId: p.assisted.countyId,
    before: stored ? { advice: stored.advice, decision: stored.decision, note: stored.decisionNote } : undefined,
    after: { advice: computed.advice, reasons: computed.reasons, decision: v.decision, note: data.decisionNote },
  };
  if (!stored)
    return db.$transaction(async (tx) => {
      await tx.rolloverAdvice.create({ data: { pairingId: p.id, ...data } });
      await writeAudit(tx, audit);
      return ok({ id: p.id });
    });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.rolloverAdvice.update({ where: { pairingId: p.id, version: stored.version }, data: { ...data, version: { increment: 1 } } });
      await writeAudit(tx, audit);
      return { id: p.id };
    }),
  );
}

/** The city's two advice thresholds, typed as percentages. */
export async function updateAdviceSettings(
  actor: ActorWithName & { regionId: string | null },
  raw: unknown,
  db: Db = defaultDb,
): Promise<Result<{ id: string; semesterMetPercent: number; missedPercent: number }>> {
  if (!hasPermission(actor, 'settings.manage')) return fail('notFound');
  const parsed = parseInput(AdviceSettingsInput, raw);
  if (!parsed.ok) return parsed;
  const city = await getCity(db, actor.regionId);
  if (!city.id) return fail('notFound');
  const cityId = city.id;
  const { semesterMetPercent, missedPercent } = parsed.value as { semesterMetPercent: number; missedPercent: number };
  const after = { adviceSemesterMetShare: semesterMetPercent / 100, adviceMissedShare: missedPercent / 100 };
  await db.$transaction(async (tx) => {
    const before = await adviceSettings(tx, { countyId: null, regionId: cityId });
    await tx.citySetting.upsert({ where: { cityId }, create: { cityId, ...after }, update: after });
    await writeAudit(tx, {
      actor,
      action: 'settings.updated',
      entityType: 'CitySetting',
      entityId: cityId,
      before: { adviceSemesterMetShare: before.semesterMetShare, adviceMissedShare: before.missedShare },
      after,
    });
  });
  return ok({ id: cityId, semesterMetPercent, missedPercent });
}

/** The summary's scope: "city" or a county's id. */
async function summaryScope(db: Db, scope: string) {
  if (scope === 'city') return { countyId: null };
  const county = await db.region.findFirst({ where: { id: scope, kind: 'COUNTY' }, select: { id: true } });
  return county ? { countyId: county.id } : null;
}

/** The office saves its text; the figures are generated again with it. A published summary never changes. */
export async function saveSummary(actor: ActorWithName, raw: unknown, db: Db = defaultDb, now = new Date()): Promise<Result> {
  const parsed = parseInput(SummaryInput, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const [scope, cycle] = await Promise.all([
    summaryScope(db, v.scope),
    db.cycle.findUnique({ where: { id: v.cycleId }, select: { id: true } }),
  ]);
  if (!scope || !cycle) return fail('notFound');
  if (!isCycleSummaryOffice(actor, scope.countyId))
    return fail(canReadCycleSummary(actor, { countyId: scope.countyId, published: false }) ? 'notAllowed' : 'notFound');
  const row = await db.cycleSummary.findUnique({ where: { cycleId_scopeKey: { cycleId: cycle.id, scopeKey: v.scope } } });
  if (row?.publishedAt) return fail('wrongState', { message: 'cycleReview.summary.alreadyPublished' });
  if (row && v.version !== row.version) return fail('conflict', { conflict: { version: row.version } });
  const generated = json(await computeSummary(db, cycle.id, scope.countyId, await cityTimeZone(db), now));
  const audit = { actor, entityType: 'CycleSummary', countyId: scope.countyId, after: { cycleId: cycle.id, scope: v.scope, body: v.body } };
  if (!row)
    return db.$transaction(async (tx) => {
      const s = await tx.cycleSummary.create({
        data: { cycleId: cycle.id, scopeKey: v.scope, countyId: scope.countyId, body: v.body, generated, updatedById: actor.id },
        select: { id: true },
      });
      await writeAudit(tx, { ...audit, action: 'cycleSummary.created', entityId: s.id });
      return ok(s);
    });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.cycleSummary.update({
        where: { id: row.id, version: row.version, publishedAt: null },
        data: { body: v.body, generated, updatedById: actor.id, version: { increment: 1 } },
      });
      await writeAudit(tx, { ...audit, action: 'cycleSummary.updated', entityId: row.id, before: { body: row.body } });
      return { id: row.id };
    }),
  );
}

/** Publishes a saved summary: its figures are generated a last time and kept; its scope may read it from then on. */
export async function publishSummary(actor: ActorWithName, raw: unknown, db: Db = defaultDb, now = new Date()): Promise<Result> {
  const parsed = parseInput(PublishSummaryInput, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const scope = await summaryScope(db, v.scope);
  if (!scope) return fail('notFound');
  if (!isCycleSummaryOffice(actor, scope.countyId))
    return fail(canReadCycleSummary(actor, { countyId: scope.countyId, published: false }) ? 'notAllowed' : 'notFound');
  const row = await db.cycleSummary.findUnique({ where: { cycleId_scopeKey: { cycleId: v.cycleId, scopeKey: v.scope } } });
  if (!row) return fail('wrongState', { message: 'cycleReview.summary.saveFirst' });
  if (row.publishedAt) return fail('wrongState', { message: 'cycleReview.summary.alreadyPublished' });
  if (v.version !== row.version) return fail('conflict', { conflict: { version: row.version } });
  const generated = json(await computeSummary(db, v.cycleId, scope.countyId, await cityTimeZone(db), now));
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.cycleSummary.update({
        where: { id: row.id, version: row.version, publishedAt: null },
        data: { generated, publishedAt: now, updatedById: actor.id, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'cycleSummary.published',
        entityType: 'CycleSummary',
        entityId: row.id,
        countyId: scope.countyId,
        before: { publishedAt: null },
        after: { cycleId: v.cycleId, scope: v.scope, body: row.body },
      });
      return { id: row.id };
    }),
  );
}
