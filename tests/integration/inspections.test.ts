import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import type { ChecklistResult } from '@/generated/prisma/enums';
import {
  ensureChecklist,
  judgeInspectionItem,
  moveChecklistItem,
  saveChecklistItem,
  saveInspection,
  setChecklistItemActive,
  startInspection,
} from '@/lib/inspections/commands';
import { getInspection, inspectablePairings, listInspections, pairingInspections } from '@/lib/inspections/queries';
import { DEFAULT_CHECKLIST } from '@/lib/inspections/default-checklist';
import { canViewFile, deleteEvidence, uploadEvidence } from '@/lib/evidence/commands';
import { evaluatePairings, periodOf } from '@/lib/effect-tests/evaluate';
import { countedRecords } from '@/lib/effect-tests/queries';
import { listCycles } from '@/lib/cycles/queries';
import { issueToken } from '@/lib/api-tokens/commands';
import { GET as listApi } from '@/app/api/v1/inspections/route';
import { actorFor, createCycle, createKindergarten, createUser } from '../fixtures/factories';
import { createPairing, createPairingWorld } from '../fixtures/activity-factories';
import { makePng } from '../fixtures/evidence-files';

type User = { id: string };
type World = Awaited<ReturnType<typeof createPairingWorld>>;
const actor = (u: User) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};
/** In the spring 2026 semester (academic year 2025–2026, the pairings' first year). */
const NOW = new Date('2026-03-20T04:00:00Z');
const version = async (id: string) => (await db.inspection.findUniqueOrThrow({ where: { id } })).version;
const itemsOf = (id: string) => db.inspectionItem.findMany({ where: { inspectionId: id }, orderBy: { position: 'asc' } });

let dir: string;
let storage: LocalStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-inspection-files-'));
  storage = new LocalStorage(dir);
  await ensureChecklist(null, db);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(w: World, by: User = w.countyAdminA, over: Record<string, string> = {}) {
  return idOf(
    await startInspection(
      await actor(by),
      { subject: 'pairing', pairingId: w.pairingA.id, inspectedOn: '2026-03-18', announced: 'no', inspectors: '张三、李四', ...over },
      db,
      NOW,
    ),
  );
}

/** Judges every item: MEETS unless `results` says otherwise by position (1-based); null leaves one open. */
async function judgeAll(id: string, by: User, results: Record<number, ChecklistResult | null> = {}) {
  const a = await actor(by);
  for (const it of await itemsOf(id)) {
    const result = it.position in results ? results[it.position] : 'MEETS';
    if (result === null) continue;
    expect(
      await judgeInspectionItem(a, { inspectionId: id, itemId: it.id, version: it.version, result, note: `第${it.position}项` }, db),
    ).toMatchObject({ ok: true });
  }
}

async function record(id: string, by: User, grade = 'GOOD', now = NOW, inspectedOn = '2026-03-18') {
  return saveInspection(
    await actor(by),
    {
      id,
      version: await version(id),
      inspectedOn,
      announced: 'no',
      inspectors: '张三、李四',
      grade,
      summary: '总体良好',
      intent: 'record',
    },
    db,
    now,
  );
}

/** Positions (1-based) of the A1 items in a fresh inspection, from the checklist in force. */
async function a1Positions(id: string) {
  return (await itemsOf(id)).filter((i) => i.countsForA1).map((i) => i.position);
}

describe('an inspection from start to record', () => {
  it('copies the active checklist, judges item by item, records it; every step audited; the directors are told', async () => {
    const w = await createPairingWorld(db);
    const active = await db.checklistTemplateItem.count({ where: { active: true } });
    const id = await start(w);
    const row = await db.inspection.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { position: 'asc' } } } });
    expect(row).toMatchObject({ status: 'DRAFT', officeCountyId: w.countyA.id, announced: false, inspectors: '张三、李四', grade: null });
    expect(row.items).toHaveLength(active);
    expect(row.items.every((i) => i.result === null)).toBe(true);
    expect(row.items.filter((i) => i.countsForA1)).toHaveLength(DEFAULT_CHECKLIST.filter((i) => i.countsForA1).length);

    await judgeAll(id, w.countyAdminA, { 2: 'PARTLY', 4: 'NOT_APPLICABLE' });
    const view = await getInspection(await actor(w.countyAdminA), id, db);
    expect(view).toMatchObject({ canEdit: true, unjudged: 0, a1: 'PASS', suggestedGrade: 'EXCELLENT' });
    expect(view!.items.filter((i) => i.finding).map((i) => i.position)).toEqual([2]);

    // A grade is needed to record.
    expect(await record(id, w.countyAdminA, '')).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { grade: ['inspections.errors.gradeRequired'] },
    });
    expect(await record(id, w.countyAdminA, 'GOOD')).toMatchObject({ ok: true });
    expect(await db.inspection.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'RECORDED', grade: 'GOOD', recordedAt: NOW });

    const notes = await db.notification.findMany({
      where: { entityId: id },
      select: { recipientId: true, kind: true, href: true, title: true },
    });
    expect(notes).toHaveLength(2);
    expect(notes).toEqual(
      expect.arrayContaining([
        { recipientId: w.directorA.id, kind: 'inspection.recorded', href: `/inspections/${id}`, title: expect.stringContaining('良好') },
        { recipientId: w.directorA2.id, kind: 'inspection.recorded', href: `/inspections/${id}`, title: expect.stringContaining('良好') },
      ]),
    );
    const kgA2 = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA2.id } });
    expect(notes.find((n) => n.recipientId === w.directorA2.id)!.title).toContain(kgA2.name);

    const audit = await db.auditEntry.findMany({ where: { entityType: 'Inspection', entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.started',
      ...Array(active).fill('inspection.itemJudged'),
      'inspection.recorded',
    ]);
    expect(audit.every((a) => a.countyId === w.countyA.id && a.actorId === w.countyAdminA.id)).toBe(true);
  });

  it('refuses to record while an item is not judged: nothing changes, nobody is told', async () => {
    const w = await createPairingWorld(db);
    const id = await start(w);
    await judgeAll(id, w.countyAdminA, { 5: null });
    const before = { v: await version(id), n: await db.notification.count(), a: await db.auditEntry.count({ where: { entityId: id } }) };
    expect(await record(id, w.countyAdminA)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { form: [{ key: 'inspections.errors.unjudged', values: { count: 1 } }] },
      message: undefined,
    });
    expect(await db.inspection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DRAFT',
      recordedAt: null,
      version: before.v,
    });
    expect({ v: await version(id), n: await db.notification.count(), a: await db.auditEntry.count({ where: { entityId: id } }) }).toEqual(
      before,
    );
  });

  it('is read-only once recorded: items, details and photos are refused', async () => {
    const w = await createPairingWorld(db);
    const id = await start(w);
    await judgeAll(id, w.countyAdminA);
    expect(await record(id, w.countyAdminA, 'EXCELLENT')).toMatchObject({ ok: true });
    const [item] = await itemsOf(id);
    const admin = await actor(w.countyAdminA);
    expect(await judgeInspectionItem(admin, { inspectionId: id, itemId: item.id, version: item.version, result: 'FAILS' }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(await record(id, w.countyAdminA, 'FAIL')).toEqual({ ok: false, error: 'wrongState' });
    expect(
      await uploadEvidence(admin, { target: 'inspectionItem', id: item.id, name: '现场.png' }, Readable.from([makePng()]), db, storage),
    ).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(await db.inspection.findUniqueOrThrow({ where: { id } })).toMatchObject({ grade: 'EXCELLENT' });
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: item.id } })).result).toBe('MEETS');
    expect((await getInspection(admin, id, db))!.canEdit).toBe(false);
  });

  it('judging one item never refuses the next from the same page; a stale save of one item is a conflict naming its version', async () => {
    const w = await createPairingWorld(db);
    const id = await start(w);
    const [first, second] = await itemsOf(id);
    const admin = await actor(w.countyAdminA);
    const v = await version(id);
    // The page was loaded once: both items carry the versions it showed.
    expect(
      await judgeInspectionItem(admin, { inspectionId: id, itemId: first.id, version: first.version, result: 'MEETS' }, db),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await judgeInspectionItem(admin, { inspectionId: id, itemId: second.id, version: second.version, result: 'FAILS' }, db),
    ).toMatchObject({
      ok: true,
    });
    // Each save moved the inspection's version (the record form refuses items changed since it loaded).
    expect(await version(id)).toBe(v + 2);
    // The first item saved again from a copy older than its last save: refused, nothing changed.
    expect(await judgeInspectionItem(admin, { inspectionId: id, itemId: first.id, version: first.version, result: 'FAILS' }, db)).toEqual({
      ok: false,
      error: 'conflict',
      conflict: { version: first.version + 1 },
    });
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: first.id } })).result).toBe('MEETS');
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: second.id } })).result).toBe('FAILS');
  });

  it('refuses a date in the future, a pairing not running that day, and an item of another inspection', async () => {
    const w = await createPairingWorld(db);
    expect(
      await startInspection(
        await actor(w.countyAdminA),
        { subject: 'pairing', pairingId: w.pairingA.id, inspectedOn: '2026-03-21', announced: 'yes', inspectors: '张三' },
        db,
        NOW,
      ),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { inspectedOn: ['inspections.errors.future'] },
      message: undefined,
    });
    expect(
      await startInspection(
        await actor(w.countyAdminA),
        { subject: 'pairing', pairingId: w.pairingA.id, inspectedOn: '2025-08-20', announced: 'yes', inspectors: '张三' },
        db,
        NOW,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { inspectedOn: ['inspections.errors.pairingNotRunning'] },
    });
    const one = await start(w);
    const other = await start(w);
    const [foreign] = await itemsOf(other);
    expect(
      await judgeInspectionItem(
        await actor(w.countyAdminA),
        { inspectionId: one, itemId: foreign.id, version: foreign.version, result: 'MEETS' },
        db,
      ),
    ).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the pairings offered', () => {
  it('are those of a cycle still running: a past cycle’s open-ended pairing is neither offered nor inspected', async () => {
    const w = await createPairingWorld(db);
    // A past cycle (its pairings keep endsOn empty, decision 013) pairing the same two kindergartens.
    const taken = new Set((await db.cycle.findMany({ select: { startYear: true } })).map((c) => c.startYear));
    const year = Array.from({ length: 40 }, (_, i) => 1951 + i).find((y) => !taken.has(y))!;
    const past = await createCycle(db, { startYear: year });
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    const admin = await actor(w.countyAdminA);
    const offered = (await inspectablePairings(admin, db, NOW)).map((p) => p.id);
    expect(offered).toContain(w.pairingA.id);
    expect(offered).not.toContain(old.id);
    expect(
      await startInspection(
        admin,
        { subject: 'pairing', pairingId: old.id, inspectedOn: '2026-03-02', announced: 'no', inspectors: '张三' },
        db,
        NOW,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { inspectedOn: ['inspections.errors.pairingNotRunning'] } });
  });
});

describe('scope', () => {
  it('a director never sees a draft; once recorded, the directors of the kindergartens inspected do, others do not', async () => {
    const w = await createPairingWorld(db);
    const id = await start(w);
    const ids = async (u: User) => (await listInspections(await actor(u), {}, db)).rows.map((r) => r.id);
    for (const u of [w.directorA, w.directorA2, w.directorB, w.teacherA2, w.countyAdminB]) {
      expect(await getInspection(await actor(u), id, db)).toBeNull();
      expect(await ids(u)).not.toContain(id);
    }
    for (const u of [w.countyAdminA, w.cityAdmin]) expect(await ids(u)).toContain(id);
    // Judging a draft one may not see answers "not found".
    const [item] = await itemsOf(id);
    for (const u of [w.directorA2, w.countyAdminB])
      expect(
        await judgeInspectionItem(await actor(u), { inspectionId: id, itemId: item.id, version: item.version, result: 'FAILS' }, db),
      ).toEqual({
        ok: false,
        error: 'notFound',
      });

    await judgeAll(id, w.countyAdminA);
    expect(await record(id, w.countyAdminA)).toMatchObject({ ok: true });
    for (const u of [w.directorA, w.directorA2]) {
      expect(await getInspection(await actor(u), id, db)).toMatchObject({ id, canEdit: false, canOpenRectification: false });
      expect(await ids(u)).toContain(id);
      expect((await pairingInspections(await actor(u), w.pairingA.id, db)).map((r) => r.id)).toContain(id);
    }
    for (const u of [w.directorB, w.directorA3, w.teacherA2, w.countyAdminB]) {
      expect(await getInspection(await actor(u), id, db)).toBeNull();
      expect(await ids(u)).not.toContain(id);
    }
    // A director reads but does not change it.
    expect(await record(id, w.directorA2)).toEqual({ ok: false, error: 'notAllowed' });
    expect((await getInspection(await actor(w.cityAdmin), id, db))!.canOpenRectification).toBe(true);
  });

  it('a county admin inspects only within the county; the city anywhere; a draft is continued by its own office', async () => {
    const w = await createPairingWorld(db);
    const admin = await actor(w.countyAdminA);
    const base = { subject: 'pairing', inspectedOn: '2026-03-18', announced: 'yes', inspectors: '张三' };
    expect(await startInspection(admin, { ...base, pairingId: w.pairingB.id }, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    const kgB3 = await createKindergarten(db, w.countyB.id, { area: 'RURAL', level: 'NONE' });
    const cross = await createPairing(db, { cycleId: w.cycle.id, supportingId: w.kgA3.id, assistedId: kgB3.id });
    expect(await startInspection(admin, { ...base, pairingId: cross.id }, db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await startInspection(await actor(w.directorA), { ...base, pairingId: w.pairingA.id }, db, NOW)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await startInspection(admin, { ...base, subject: 'kindergarten', kindergartenId: w.kgB2.id }, db, NOW)).toEqual({
      ok: false,
      error: 'notFound',
    });

    const byCity = idOf(await startInspection(await actor(w.cityAdmin), { ...base, pairingId: cross.id }, db, NOW));
    expect(await db.inspection.findUniqueOrThrow({ where: { id: byCity } })).toMatchObject({ officeCountyId: null });
    // Both counties' admins read the city's draft of a cross-county pairing; neither continues it.
    for (const u of [w.countyAdminA, w.countyAdminB]) {
      expect(await getInspection(await actor(u), byCity, db)).toMatchObject({ canEdit: false });
      const [item] = await itemsOf(byCity);
      expect(
        await judgeInspectionItem(await actor(u), { inspectionId: byCity, itemId: item.id, version: item.version, result: 'MEETS' }, db),
      ).toEqual({
        ok: false,
        error: 'notAllowed',
      });
    }
    // One kindergarten alone.
    const single = idOf(await startInspection(admin, { ...base, subject: 'kindergarten', kindergartenId: w.kgA3.id }, db, NOW));
    expect(await getInspection(await actor(w.directorA3), single, db)).toBeNull();
    await judgeAll(single, w.countyAdminA);
    expect(await record(single, w.countyAdminA, 'PASS')).toMatchObject({ ok: true });
    expect(await getInspection(await actor(w.directorA3), single, db)).toMatchObject({ label: expect.any(String), pairingId: null });
    expect(await getInspection(await actor(w.directorA), single, db)).toBeNull();
    expect(await db.notification.findMany({ where: { entityId: single }, select: { recipientId: true } })).toEqual([
      { recipientId: w.directorA3.id },
    ]);
  });
});

describe('photos taken on the spot', () => {
  it('the inspecting office adds and removes them while a draft; the directors see them once recorded', async () => {
    const w = await createPairingWorld(db);
    const id = await start(w);
    const [item] = await itemsOf(id);
    const admin = await actor(w.countyAdminA);
    const upload = (u: Awaited<ReturnType<typeof actor>>, png = makePng(16, 12, 7)) =>
      uploadEvidence(u, { target: 'inspectionItem', id: item.id, name: '现场.png' }, Readable.from([png]), db, storage);
    expect(await upload(await actor(w.directorA2))).toEqual({ ok: false, error: 'notFound' });
    expect(await upload(await actor(w.countyAdminB))).toEqual({ ok: false, error: 'notFound' });
    expect(await upload(await actor(w.cityAdmin))).toMatchObject({ ok: true });
    const first = idOf(await upload(admin));
    const file = await db.evidenceFile.findUniqueOrThrow({ where: { id: first } });
    // Filed under the assisted kindergarten inspected, never under the inspector's (they have none).
    expect(file).toMatchObject({ inspectionItemId: item.id, kindergartenId: w.kgA2.id, uploadedById: w.countyAdminA.id, kind: 'PHOTO' });
    expect(await canViewFile(await actor(w.directorA2), file, db)).toBe(false);
    const second = idOf(await upload(admin, makePng(20, 10, 9)));
    expect(await deleteEvidence(admin, { id: second }, db)).toMatchObject({ ok: true, value: { path: `/inspections/${id}` } });

    await judgeAll(id, w.countyAdminA);
    expect(await record(id, w.countyAdminA)).toMatchObject({ ok: true });
    expect(await canViewFile(await actor(w.directorA2), file, db)).toBe(true);
    expect(await canViewFile(await actor(w.directorB), file, db)).toBe(false);
    expect(await deleteEvidence(admin, { id: first }, db)).toEqual({ ok: false, error: 'wrongState' });
    const shown = (await getInspection(await actor(w.directorA2), id, db))!.items[0].evidence;
    expect(shown.map((f) => [f.id, f.canDelete])).toEqual(expect.arrayContaining([[first, false]]));
    expect(shown.map((f) => f.id)).not.toContain(second);
  });
});

describe('A1 from the latest recorded inspection', () => {
  const AFTER = new Date('2026-02-10T04:00:00Z');
  async function a1(w: World) {
    const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
    const period = periodOf(cycle, 2025, 'AUTUMN')!;
    const ev = await evaluatePairings(await actor(w.countyAdminA), { pairingIds: [w.pairingA.id], period, today: AFTER }, db);
    return {
      result: ev.pairings[0].results.A1,
      drill: await countedRecords(await actor(w.countyAdminA), w.pairingA.id, 'A1', period, db, AFTER),
    };
  }
  async function recorded(w: World, on: string, results: Record<number, ChecklistResult | null>) {
    const id = idOf(
      await startInspection(
        await actor(w.countyAdminA),
        { subject: 'pairing', pairingId: w.pairingA.id, inspectedOn: on, announced: 'no', inspectors: '张三' },
        db,
        AFTER,
      ),
    );
    await judgeAll(id, w.countyAdminA, results);
    expect(await record(id, w.countyAdminA, 'PASS', AFTER, on)).toMatchObject({ ok: true });
    return id;
  }

  it('its A1 items decide, over an assessment of the same or an earlier day; a later assessment or attestation still decides', async () => {
    const w = await createPairingWorld(db);
    const probe = await start(w);
    const [staffing, outline] = await a1Positions(probe);

    // A1 item partly met: A1 is missed (the rule of decision 017), with the inspection as its evidence.
    await db.assessment.create({
      data: {
        pairingId: w.pairingA.id,
        source: 'INSPECTION',
        outcome: 'PASS',
        assessedOn: new Date('2025-11-20T00:00:00Z'),
        createdById: w.countyAdminA.id,
      },
    });
    const first = await recorded(w, '2025-12-01', { [staffing]: 'PARTLY' });
    await db.assessment.create({
      data: {
        pairingId: w.pairingA.id,
        source: 'INSPECTION',
        outcome: 'PASS',
        assessedOn: new Date('2025-12-01T00:00:00Z'),
        createdById: w.countyAdminA.id,
      },
    });
    let { result, drill } = await a1(w);
    expect(result).toMatchObject({
      status: 'MISSED',
      figure: { kind: 'assessment', outcome: 'FAIL', on: '2025-12-01', source: 'INSPECTION', inspectionId: first },
    });
    expect(drill!.inspection).toMatchObject({ id: first, grade: 'PASS', a1: 'FAIL' });
    expect(drill!.inspection!.items.map((i) => i.result)).toEqual(['PARTLY', 'MEETS', 'MEETS']);

    // A draft does not count, whatever it says.
    const draft = await start(w, w.countyAdminA, { inspectedOn: '2026-01-05' });
    await judgeAll(draft, w.countyAdminA);
    expect((await a1(w)).result).toMatchObject({ status: 'MISSED', figure: { inspectionId: first } });

    // A later recorded inspection whose A1 items all meet (one not applicable): met.
    const second = await recorded(w, '2026-01-10', { [outline]: 'NOT_APPLICABLE', 1: 'FAILS' });
    ({ result } = await a1(w));
    expect(result).toMatchObject({ status: 'MET', figure: { outcome: 'PASS', on: '2026-01-10', inspectionId: second } });

    // An inspection that judged no A1 item says nothing: the one before it still decides.
    await recorded(w, '2026-01-15', Object.fromEntries((await a1Positions(probe)).map((p) => [p, 'NOT_APPLICABLE'])));
    expect((await a1(w)).result).toMatchObject({ status: 'MET', figure: { inspectionId: second } });

    // The assisted director's later attestation decides, as before.
    await db.assessment.create({
      data: {
        pairingId: w.pairingA.id,
        source: 'ATTESTATION',
        outcome: 'FAIL',
        assessedOn: new Date('2026-01-20T00:00:00Z'),
        evidence: '自查',
        createdById: w.directorA2.id,
      },
    });
    ({ result, drill } = await a1(w));
    expect(result).toMatchObject({ status: 'MISSED', figure: { source: 'ATTESTATION', on: '2026-01-20' } });
    expect((result.figure as { inspectionId?: string }).inspectionId).toBeUndefined();
    expect(drill!.inspection).toBeNull();
  });

  it('a failed A1 item fails A1; the drill-down shows the inspection only to those who may read it', async () => {
    const w = await createPairingWorld(db);
    const probe = await start(w);
    const noTendency = (await a1Positions(probe)).at(-1)!;
    const id = await recorded(w, '2025-12-03', { [noTendency]: 'FAILS' });
    expect((await a1(w)).result).toMatchObject({ status: 'MISSED', figure: { inspectionId: id } });
    const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
    const period = periodOf(cycle, 2025, 'AUTUMN')!;
    // A teacher sees the figure but not the inspection (no inspection.view).
    const teacher = await countedRecords(await actor(w.teacherA2), w.pairingA.id, 'A1', period, db, AFTER);
    expect(teacher!.result).toMatchObject({ status: 'MISSED' });
    expect(teacher!.inspection).toBeNull();
    const director = await countedRecords(await actor(w.directorA2), w.pairingA.id, 'A1', period, db, AFTER);
    expect(director!.inspection).toMatchObject({ id });
  });
});

describe('GET /api/v1/inspections', () => {
  async function call(token: string, query = '') {
    const res = await listApi(
      new Request(`http://localhost/api/v1/inspections${query}`, { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({}),
      } as never,
    );
    return { status: res.status, body: await res.json() };
  }
  const tokenOf = async (u: User) => {
    const r = await issueToken(await actor(u), { name: 'test', expires: '30' }, db);
    if (!r.ok) throw new Error(r.error);
    return r.value.token;
  };

  it('scoped like the pages, drafts only for admins, with items and the rectifications the caller may see', async () => {
    const w = await createPairingWorld(db);
    const draft = await start(w);
    const done = await start(w);
    await judgeAll(done, w.countyAdminA, { 3: 'FAILS' });
    expect(await record(done, w.countyAdminA, 'PASS')).toMatchObject({ ok: true });
    const failed = (await itemsOf(done)).find((i) => i.position === 3)!;
    const rect = await db.rectification.create({
      data: {
        kindergartenId: w.kgA2.id,
        pairingId: w.pairingA.id,
        inspectionItemId: failed.id,
        officeCountyId: w.countyA.id,
        requirement: '完善帮扶档案',
        deadline: new Date('2026-04-30T00:00:00Z'),
        createdById: w.countyAdminA.id,
      },
    });
    const q = `?pairing=${w.pairingA.id}`;

    const county = await call(await tokenOf(w.countyAdminA), q);
    expect(county.status).toBe(200);
    expect(county.body.data.map((i: { id: string }) => i.id).sort()).toEqual([draft, done].sort());
    const shown = county.body.data.find((i: { id: string }) => i.id === done);
    expect(shown).toMatchObject({
      status: 'RECORDED',
      grade: 'PASS',
      inspectedOn: '2026-03-18',
      announced: false,
      a1: 'PASS',
      officeCountyId: w.countyA.id,
    });
    expect(shown.kindergartens.map((k: { id: string }) => k.id)).toEqual([w.kgA.id, w.kgA2.id]);
    expect(shown.items[2]).toMatchObject({
      position: 3,
      result: 'FAILS',
      finding: true,
      rectifications: [{ id: rect.id, status: 'OPEN', deadline: '2026-04-30' }],
    });

    const assisted = await call(await tokenOf(w.directorA2), q);
    expect(assisted.body).toMatchObject({ total: 1, data: [{ id: done }] });
    expect(assisted.body.data[0].items[2].rectifications).toHaveLength(1);
    // The supporting director reads the inspection, not the other kindergarten's rectification.
    const supporting = await call(await tokenOf(w.directorA), q);
    expect(supporting.body.data.map((i: { id: string }) => i.id)).toEqual([done]);
    expect(supporting.body.data[0].items[2].rectifications).toEqual([]);

    expect((await call(await tokenOf(w.countyAdminB), q)).body).toMatchObject({ total: 0, data: [] });
    expect((await call(await tokenOf(w.directorB), q)).body).toMatchObject({ total: 0, data: [] });
    const cityToken = await tokenOf(w.cityAdmin);
    expect((await call(cityToken, `${q}&status=DRAFT`)).body.data.map((i: { id: string }) => i.id)).toEqual([draft]);
    expect((await call(cityToken, `${q}&grade=PASS&from=2026-03-18&to=2026-03-18`)).body.data.map((i: { id: string }) => i.id)).toEqual([
      done,
    ]);
    expect((await call(cityToken, `${q}&county=${w.countyB.id}`)).body.total).toBe(0);
    expect((await call(cityToken, '?sort=date')).status).toBe(400);
    expect((await call(cityToken, '?from=2026-02-30')).status).toBe(400);
  });
});

describe('the checklist template', () => {
  it('only the city manages it; an edit over a newer one is refused; moves and deactivation change new inspections only', async () => {
    const w = await createPairingWorld(db);
    const city = await actor(w.cityAdmin);
    const title = `检查项-${Date.now()}`;
    expect(await saveChecklistItem(await actor(w.countyAdminA), { title }, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveChecklistItem(city, { title: ' ' }, db)).toMatchObject({
      ok: false,
      fieldErrors: { title: ['form.errors.required'] },
    });
    const id = idOf(await saveChecklistItem(city, { title, titleEn: 'An item', countsForA1: 'on' }, db));
    const all = await db.checklistTemplateItem.findMany({ orderBy: { position: 'asc' } });
    expect(all.at(-1)).toMatchObject({ id, title, titleEn: 'An item', countsForA1: true, active: true });

    const stamp = all.at(-1)!.updatedAt.toISOString();
    expect(await saveChecklistItem(city, { id, stamp, title: `${title}（改）` }, db)).toMatchObject({ ok: true });
    expect(await saveChecklistItem(city, { id, stamp, title: `${title}（旧）` }, db)).toEqual({ ok: false, error: 'conflict' });
    expect(await db.checklistTemplateItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: `${title}（改）`,
      countsForA1: false,
    });

    expect(await moveChecklistItem(city, { id, direction: 'up' }, db)).toMatchObject({ ok: true });
    const moved = await db.checklistTemplateItem.findMany({ orderBy: { position: 'asc' }, select: { id: true } });
    expect(moved.at(-2)!.id).toBe(id);
    expect(await moveChecklistItem(city, { id, direction: 'down' }, db)).toMatchObject({ ok: true });

    const started = await start(w);
    expect((await itemsOf(started)).map((i) => i.title)).toContain(`${title}（改）`);
    expect(await setChecklistItemActive(await actor(w.directorA), { id, active: 'false' }, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await setChecklistItemActive(city, { id, active: 'false' }, db)).toMatchObject({ ok: true });
    const later = await start(w);
    expect((await itemsOf(later)).map((i) => i.title)).not.toContain(`${title}（改）`);
    // The inspection already started keeps its copy.
    expect((await itemsOf(started)).map((i) => i.title)).toContain(`${title}（改）`);

    const audit = await db.auditEntry.findMany({ where: { entityType: 'ChecklistTemplateItem', entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'checklist.itemCreated',
      'checklist.itemUpdated',
      'checklist.itemMoved',
      'checklist.itemMoved',
      'checklist.itemDeactivated',
    ]);
  });

  it('a fresh city gets the default items on first use, once', async () => {
    // The suite shares one database: set the table aside inside a transaction that is rolled back.
    const rollback = new Error('rollback');
    await expect(
      db.$transaction(async (tx) => {
        await tx.inspectionItem.updateMany({ data: { templateItemId: null } });
        await tx.checklistTemplateItem.deleteMany({});
        const { createDefaultChecklistIfEmpty } = await import('@/lib/inspections/default-checklist');
        expect(await createDefaultChecklistIfEmpty(tx)).toBe(true);
        expect(await createDefaultChecklistIfEmpty(tx)).toBe(false);
        const rows = await tx.checklistTemplateItem.findMany({ orderBy: { position: 'asc' } });
        expect(rows.map((r) => [r.title, r.countsForA1])).toEqual(DEFAULT_CHECKLIST.map((d) => [d.title, d.countsForA1]));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db.checklistTemplateItem.count()).toBeGreaterThanOrEqual(DEFAULT_CHECKLIST.length);
  });
});

// A kindergarten outside every pairing in county A, for a one-kindergarten inspection by the city.
describe('the city inspects one kindergarten anywhere', () => {
  it('and that county’s admin reads it but cannot continue it', async () => {
    const w = await createPairingWorld(db);
    const kg = await createKindergarten(db, w.countyB.id, { area: 'RURAL', level: 'NONE' });
    const director = await createUser(db, { role: 'DIRECTOR', kindergartenId: kg.id, name: '丙园长' });
    const id = idOf(
      await startInspection(
        await actor(w.cityAdmin),
        { subject: 'kindergarten', kindergartenId: kg.id, inspectedOn: '2026-03-01', announced: 'no', inspectors: '市督查组' },
        db,
        NOW,
      ),
    );
    expect(await getInspection(await actor(w.countyAdminB), id, db)).toMatchObject({ canEdit: false, office: null });
    expect(await getInspection(await actor(w.countyAdminA), id, db)).toBeNull();
    expect(await getInspection(await actor(director), id, db)).toBeNull();
    await judgeAll(id, w.cityAdmin);
    expect(await record(id, w.cityAdmin, 'GOOD', NOW, '2026-03-01')).toMatchObject({ ok: true });
    expect(await getInspection(await actor(director), id, db)).toMatchObject({ status: 'RECORDED', grade: 'GOOD' });
  });
});
