/**
 * Inspections (督查) and the city's checklist template: (actor, raw input, db) → Result; change + audit
 * in one transaction, the version in the update's WHERE (an item's own for an item; each item saved moves the inspection's).
 */
import type { Db, Tx } from '@/lib/db';
import { recordWindow, withinWindow } from '@/lib/pairings/record-window';
import {
  can,
  inspectionOfficeResource,
  inspectionResource,
  inspectionViewAction,
  kindergartenResource,
  PAIRING_SCOPE,
  pairingResource,
  scopeRuleFor,
  type Actor,
  type ActorWithName,
} from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { cityToday } from '@/lib/time/today';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { notify } from '@/lib/notifications/notify';
import { directorsOf } from '@/lib/notifications/recipients';
import { createDefaultChecklistIfEmpty } from './default-checklist';
import { unjudged } from './rules';
import {
  ChecklistActiveInput,
  ChecklistItemInput,
  ChecklistMoveInput,
  JudgeItemInput,
  SaveInspectionInput,
  StartInspectionInput,
} from './schemas';

// ---- The checklist template ----

/** The default items on a city's first use of the checklist (a fresh production city has none). */
export async function ensureChecklist(actor: ActorWithName | null, db: Db) {
  await db.$transaction(async (tx) => {
    if (!(await createDefaultChecklistIfEmpty(tx))) return;
    await writeAudit(tx, {
      actor,
      action: 'checklist.defaultsCreated',
      entityType: 'ChecklistTemplateItem',
      after: { items: await tx.checklistTemplateItem.count() },
    });
  });
}

const ITEM_FIELDS = ['title', 'titleEn', 'countsForA1'] as const;

/** The city admin adds an item at the end of the list, or edits one (an inspection already started keeps its copy). */
export async function saveChecklistItem(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(ChecklistItemInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'checklist.manage', {})) return fail('notAllowed');
  const { id, stamp, ...data } = parsed.value;
  if (!id) {
    return db.$transaction(async (tx) => {
      await createDefaultChecklistIfEmpty(tx);
      const last = await tx.checklistTemplateItem.aggregate({ _max: { position: true } });
      const row = await tx.checklistTemplateItem.create({ data: { ...data, position: (last._max.position ?? 0) + 1 } });
      await writeAudit(tx, { actor, action: 'checklist.itemCreated', entityType: 'ChecklistTemplateItem', entityId: row.id, after: data });
      return ok({ id: row.id });
    });
  }
  const existing = await db.checklistTemplateItem.findUnique({ where: { id } });
  if (!existing) return fail('notFound');
  // The row has no version column: its last change time serves as one (in the WHERE below too).
  if (stamp && stamp !== existing.updatedAt.toISOString()) return fail('conflict');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.checklistTemplateItem.update({ where: { id, updatedAt: existing.updatedAt }, data });
      await writeAudit(tx, {
        actor,
        action: 'checklist.itemUpdated',
        entityType: 'ChecklistTemplateItem',
        entityId: id,
        before: Object.fromEntries(ITEM_FIELDS.map((k) => [k, existing[k]])),
        after: data,
      });
      return { id };
    }),
  );
}

/** Moves an item one place up or down the list (its neighbour takes its place). */
export async function moveChecklistItem(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(ChecklistMoveInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'checklist.manage', {})) return fail('notAllowed');
  const { id, direction } = parsed.value;
  return db.$transaction(async (tx) => {
    // One reorder at a time: two moves at once must not leave two items on one place.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hih:checklist-order'))`;
    const item = await tx.checklistTemplateItem.findUnique({ where: { id } });
    if (!item) return fail('notFound');
    const neighbour = await tx.checklistTemplateItem.findFirst({
      where: { position: direction === 'up' ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: direction === 'up' ? 'desc' : 'asc' },
    });
    if (!neighbour) return ok({ id });
    await tx.checklistTemplateItem.update({ where: { id: item.id }, data: { position: neighbour.position } });
    await tx.checklistTemplateItem.update({ where: { id: neighbour.id }, data: { position: item.position } });
    await writeAudit(tx, {
      actor,
      action: 'checklist.itemMoved',
      entityType: 'ChecklistTemplateItem',
      entityId: id,
      before: { position: item.position },
      after: { position: neighbour.position },
    });
    return ok({ id });
  });
}

/** A deactivated item is no longer copied into new inspections; it stays in those that have it. */
export async function setChecklistItemActive(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(ChecklistActiveInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'checklist.manage', {})) return fail('notAllowed');
  const { id, active } = parsed.value;
  const item = await db.checklistTemplateItem.findUnique({ where: { id } });
  if (!item) return fail('notFound');
  if (item.active === active) return ok({ id });
  return db.$transaction(async (tx) => {
    await tx.checklistTemplateItem.update({ where: { id }, data: { active } });
    await writeAudit(tx, {
      actor,
      action: active ? 'checklist.itemActivated' : 'checklist.itemDeactivated',
      entityType: 'ChecklistTemplateItem',
      entityId: id,
      before: { active: item.active },
      after: { active },
    });
    return ok({ id });
  });
}

// ---- Inspections ----

const INSPECTION_SCOPE = {
  kindergarten: { select: { id: true, countyId: true, name: true } },
  pairing: { select: { ...PAIRING_SCOPE, startsOn: true, endsOn: true } },
} as const;

export async function loadInspection(db: Db | Tx, id: string) {
  return db.inspection.findUnique({ where: { id }, include: INSPECTION_SCOPE });
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadInspection>>>;

/** Drafts are the bureau's; a recorded inspection is read by the directors of the kindergartens inspected too. */
export function mayViewInspection(actor: Actor, i: Pick<Loaded, 'status' | 'kindergarten' | 'pairing'>) {
  return can(actor, inspectionViewAction(i.status), inspectionResource(i));
}

/** The inspecting office (or the city) continues and records it, within its scope. */
export function mayEditInspection(actor: Actor, i: Pick<Loaded, 'officeCountyId' | 'kindergarten' | 'pairing'>) {
  return can(actor, 'inspection.record', inspectionResource(i)) && can(actor, 'inspection.record', inspectionOfficeResource(i));
}

/** The kindergartens inspected, each with its county and name: the directors told, the audit's place. */
function inspectedKindergartens(i: Pick<Loaded, 'kindergarten' | 'pairing'>) {
  if (i.pairing)
    return [
      { id: i.pairing.supportingId, countyId: i.pairing.supporting.countyId, name: i.pairing.supporting.name },
      { id: i.pairing.assistedId, countyId: i.pairing.assisted.countyId, name: i.pairing.assisted.name },
    ];
  return i.kindergarten ? [i.kindergarten] : [];
}

/** Where the audit trail files an inspection: the assisted (or only) kindergarten and its county. */
function auditPlace(i: Pick<Loaded, 'kindergarten' | 'pairing'>) {
  const k = inspectedKindergartens(i).at(-1);
  return { countyId: k?.countyId ?? null, kindergartenId: k?.id ?? null };
}

/** A pairing is inspected while it runs: on a day within its dates. */
/**
 * A county or city admin starts an inspection of a pairing (both kindergartens) or of one kindergarten,
 * checked against each kindergarten inspected. The active checklist items are copied into it, so later
 * edits of the template never change it. A draft, visible to the bureau only, until it is recorded.
 */
export async function startInspection(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(StartInspectionInput, raw);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  let subject: { pairingId: string | null; kindergartenId: string | null; place: { countyId: string; kindergartenId: string } };
  if (d.subject === 'pairing') {
    const p = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
    if (!p || !can(actor, 'pairing.view', pairingResource(p))) return fail('notFound');
    const sides = [
      { id: p.supportingId, countyId: p.supporting.countyId },
      { id: p.assistedId, countyId: p.assisted.countyId },
    ];
    if (!sides.every((k) => can(actor, 'inspection.record', kindergartenResource(k)))) return fail('notAllowed');
    // The pairing's days as decision 013 has them: to its own end, else its cycle's last day.
    const days = await recordWindow(db, p.id, now);
    if (!days || !withinWindow(days, d.inspectedOn)) return invalid({ inspectedOn: ['inspections.errors.pairingNotRunning'] });
    subject = { pairingId: p.id, kindergartenId: null, place: { countyId: p.assisted.countyId, kindergartenId: p.assistedId } };
  } else {
    const k = await db.kindergarten.findUnique({ where: { id: d.kindergartenId }, select: { id: true, countyId: true } });
    if (!k || !can(actor, 'kindergarten.view', kindergartenResource(k))) return fail('notFound');
    if (!can(actor, 'inspection.record', kindergartenResource(k))) return fail('notAllowed');
    subject = { pairingId: null, kindergartenId: k.id, place: { countyId: k.countyId, kindergartenId: k.id } };
  }
  if (d.inspectedOn > (await cityToday(db, now))) return invalid({ inspectedOn: ['inspections.errors.future'] });
  await ensureChecklist(actor, db);
  const template = await db.checklistTemplateItem.findMany({ where: { active: true }, orderBy: { position: 'asc' } });
  if (template.length === 0) return invalid({ form: ['inspections.errors.noChecklist'] });
  return db.$transaction(async (tx) => {
    const row = await tx.inspection.create({
      data: {
        pairingId: subject.pairingId,
        kindergartenId: subject.kindergartenId,
        // The city's own inspections belong to no county: its admins follow them up.
        officeCountyId: scopeRuleFor(actor, 'inspection.record') === 'city' ? null : actor.countyId,
        inspectedOn: dateOnly(d.inspectedOn),
        announced: d.announced,
        inspectors: d.inspectors,
        createdById: actor.id,
        items: {
          create: template.map((t, i) => ({
            templateItemId: t.id,
            position: i + 1,
            title: t.title,
            titleEn: t.titleEn,
            countsForA1: t.countsForA1,
          })),
        },
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'inspection.started',
      entityType: 'Inspection',
      entityId: row.id,
      ...subject.place,
      after: {
        pairingId: subject.pairingId,
        kindergartenId: subject.kindergartenId,
        inspectedOn: d.inspectedOn,
        announced: d.announced,
        inspectors: d.inspectors,
        items: template.length,
      },
    });
    return ok({ id: row.id });
  });
}

/** One checklist item judged on the spot; saved on its own, so a lost connection costs one item at most. */
export async function judgeInspectionItem(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<{ id: string; itemId: string }>> {
  const parsed = parseInput(JudgeItemInput, raw);
  if (!parsed.ok) return parsed;
  const { inspectionId, itemId, version, result, note } = parsed.value;
  const item = await db.inspectionItem.findUnique({ where: { id: itemId } });
  const i = item && item.inspectionId === inspectionId ? await loadInspection(db, inspectionId) : null;
  if (!item || !i || !mayViewInspection(actor, i)) return fail('notFound');
  if (!mayEditInspection(actor, i)) return fail('notAllowed');
  if (i.status !== 'DRAFT') return fail('wrongState');
  // The item's own version: judging one item never refuses the next one saved from the same page.
  if (version !== item.version) return fail('conflict', { conflict: { version: item.version } });
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.inspectionItem.update({ where: { id: item.id, version }, data: { result, note, version: { increment: 1 } } });
        // The inspection's version still moves: the record form refuses items changed since it was loaded.
        await tx.inspection.update({ where: { id: i.id, status: 'DRAFT' }, data: { version: { increment: 1 } } });
        await writeAudit(tx, {
          actor,
          action: 'inspection.itemJudged',
          entityType: 'Inspection',
          entityId: i.id,
          ...auditPlace(i),
          before: { itemId: item.id, result: item.result, note: item.note },
          after: { itemId: item.id, position: item.position, title: item.title, result, note },
        });
        return { id: i.id, itemId: item.id };
      }),
    async () =>
      fail('conflict', { conflict: { version: (await db.inspectionItem.findUnique({ where: { id: item.id } }))?.version ?? version } }),
  );
}

/**
 * The inspection's details, grade and summary. With `intent: record` it is recorded: refused while an
 * item is not judged or without a grade; afterwards read-only, and the directors of the kindergartens
 * inspected are told (in the same transaction, so a refused record tells nobody).
 */
export async function saveInspection(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(SaveInspectionInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, intent, ...d } = parsed.value;
  const i = await loadInspection(db, id);
  if (!i || !mayViewInspection(actor, i)) return fail('notFound');
  if (!mayEditInspection(actor, i)) return fail('notAllowed');
  if (i.status !== 'DRAFT') return fail('wrongState');
  if (version !== i.version) return fail('conflict', { conflict: { version: i.version } });
  if (d.inspectedOn > (await cityToday(db, now))) return invalid({ inspectedOn: ['inspections.errors.future'] });
  if (i.pairingId) {
    const days = await recordWindow(db, i.pairingId, now);
    if (!days || !withinWindow(days, d.inspectedOn)) return invalid({ inspectedOn: ['inspections.errors.pairingNotRunning'] });
  }
  const record = intent === 'record';
  if (record) {
    const items = await db.inspectionItem.findMany({ where: { inspectionId: id }, select: { result: true, countsForA1: true } });
    const open = unjudged(items);
    if (open > 0 || !d.grade)
      return invalid({
        ...(open > 0 ? { form: [{ key: 'inspections.errors.unjudged', values: { count: open } }] } : {}),
        ...(!d.grade ? { grade: ['inspections.errors.gradeRequired'] } : {}),
      });
  }
  const before = {
    inspectedOn: isoOf(i.inspectedOn),
    announced: i.announced,
    inspectors: i.inspectors,
    grade: i.grade,
    summary: i.summary,
  };
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        // Every item save moved the version: an item changed since the form was loaded refuses the record.
        await tx.inspection.update({
          where: { id, version, status: 'DRAFT' },
          data: {
            ...d,
            inspectedOn: dateOnly(d.inspectedOn),
            version: { increment: 1 },
            ...(record ? { status: 'RECORDED' as const, recordedAt: now } : {}),
          },
        });
        await writeAudit(tx, {
          actor,
          action: record ? 'inspection.recorded' : 'inspection.updated',
          entityType: 'Inspection',
          entityId: id,
          ...auditPlace(i),
          before,
          after: { ...d, ...(record ? { status: 'RECORDED', recordedAt: now } : {}) },
        });
        if (record && d.grade)
          for (const k of inspectedKindergartens(i))
            await notify(tx, {
              kind: 'inspection.recorded',
              recipientIds: await directorsOf(tx, [k.id]),
              actorId: actor.id,
              href: `/inspections/${id}`,
              entityType: 'Inspection',
              entityId: id,
              values: { kindergarten: k.name, grade: { key: `inspections.grade.${d.grade}` } },
            });
        return { id };
      }),
    async () => fail('conflict', { conflict: { version: (await loadInspection(db, id))?.version ?? version } }),
  );
}
