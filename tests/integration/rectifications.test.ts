import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, type Db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import type { ChecklistResult } from '@/generated/prisma/enums';
import { uploadEvidence } from '@/lib/evidence/commands';
import { answerRectification, openRectification, reviewRectification } from '@/lib/rectifications/commands';
import { getFinding, getRectification, listRectifications, rectificationCounts, rectificationTodos } from '@/lib/rectifications/queries';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { makePng } from '../fixtures/evidence-files';

let storage: LocalStorage;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-rect-'));
  storage = new LocalStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// 12:00 on 10 March 2026 in the city (Asia/Shanghai).
const NOW = new Date('2026-03-10T04:00:00Z');
const d = (s: string) => new Date(`${s}T00:00:00Z`);
type User = { id: string };
const actor = (u: User) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

type World = Awaited<ReturnType<typeof createPairingWorld>>;

/** An inspection of pairing A by county A's office, written directly (not through the inspections module). */
async function inspection(
  w: World,
  results: ChecklistResult[],
  { status = 'RECORDED' as 'RECORDED' | 'DRAFT', pairingId = w.pairingA.id } = {},
) {
  return db.inspection.create({
    data: {
      pairingId,
      officeCountyId: w.countyA.id,
      inspectedOn: d('2026-03-02'),
      status,
      recordedAt: status === 'RECORDED' ? NOW : null,
      createdById: w.countyAdminA.id,
      items: { create: results.map((result, position) => ({ position, title: `检查项${position + 1}`, result })) },
    },
    include: { items: { orderBy: { position: 'asc' } } },
  });
}

const requirement = '补齐一日活动观摩记录，并制定下学期观摩计划。';

async function opened(w: World, by: User = w.countyAdminA, deadline = '2026-04-10') {
  const i = await inspection(w, ['FAILS']);
  const id = idOf(
    await openRectification(
      await actor(by),
      { inspectionItemId: i.items[0].id, kindergartenId: w.kgA2.id, requirement, deadline },
      db,
      NOW,
    ),
  );
  return { id, itemId: i.items[0].id };
}

async function photo(u: User, rectificationId: string, seed = 1) {
  return uploadEvidence(
    await actor(u),
    { target: 'rectification', id: rectificationId, name: '整改后.png' },
    Readable.from([makePng(16, 12, seed)]),
    db,
    storage,
  );
}

const version = async (id: string) => (await db.rectification.findUniqueOrThrow({ where: { id } })).version;
const notes = (recipientId: string, entityId: string) =>
  db.notification.findMany({ where: { recipientId, entityId }, select: { kind: true, href: true, title: true } });
const auditOf = (entityId: string) =>
  db.auditEntry.findMany({
    where: { entityType: 'Rectification', entityId },
    orderBy: { id: 'asc' },
    select: { action: true, actorId: true },
  });

/** Answered with one photo; on the real clock when asked (files are stamped by the database's, so a history test answers now). */
async function answered(w: World, realClock = false) {
  const r = await opened(w);
  idOf(await photo(w.directorA2, r.id));
  const at = realClock ? new Date() : NOW;
  idOf(await answerRectification(await actor(w.directorA2), { id: r.id, version: await version(r.id), measures: '已补齐记录' }, db, at));
  return r;
}

describe('opening a rectification', () => {
  it('from a failed or partly met item of a recorded inspection, for a kindergarten inspected; its directors are told', async () => {
    const w = await createPairingWorld(db);
    const i = await inspection(w, ['FAILS', 'PARTLY', 'MEETS']);
    const id = idOf(
      await openRectification(
        await actor(w.countyAdminA),
        { inspectionItemId: i.items[0].id, kindergartenId: w.kgA2.id, requirement, deadline: '2026-04-10' },
        db,
        NOW,
      ),
    );
    expect(await db.rectification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kindergartenId: w.kgA2.id,
      pairingId: w.pairingA.id,
      inspectionItemId: i.items[0].id,
      officeCountyId: w.countyA.id,
      status: 'OPEN',
      deadline: d('2026-04-10'),
      createdById: w.countyAdminA.id,
    });
    expect(await auditOf(id)).toEqual([{ action: 'rectification.opened', actorId: w.countyAdminA.id }]);
    expect(await notes(w.directorA2.id, id)).toEqual([
      { kind: 'rectification.assigned', href: `/rectifications/${id}`, title: `新的整改要求：${requirement}（2026-04-10前）` },
    ]);
    expect(await notes(w.directorA.id, id)).toEqual([]);

    // A partly met item too, here for the supporting side; the city's admin opens as the city's office.
    const cityOne = idOf(
      await openRectification(
        await actor(w.cityAdmin),
        { inspectionItemId: i.items[1].id, kindergartenId: w.kgA.id, requirement: '完善送教计划', deadline: '2026-03-11' },
        db,
        NOW,
      ),
    );
    expect(await db.rectification.findUniqueOrThrow({ where: { id: cityOne } })).toMatchObject({
      officeCountyId: null,
      kindergartenId: w.kgA.id,
    });
  });

  it('refuses a met item, a draft inspection, a deadline not after today, a kindergarten not inspected, a second one; nothing written, nobody told', async () => {
    const w = await createPairingWorld(db);
    const i = await inspection(w, ['MEETS', 'FAILS']);
    const draft = await inspection(w, ['FAILS'], { status: 'DRAFT' });
    const admin = await actor(w.countyAdminA);
    const base = { inspectionItemId: i.items[1].id, kindergartenId: w.kgA2.id, requirement, deadline: '2026-04-10' };
    const before = { r: await db.rectification.count(), n: await db.notification.count() };

    expect(await openRectification(admin, { ...base, inspectionItemId: i.items[0].id }, db, NOW)).toMatchObject({
      ok: false,
      error: 'wrongState',
      message: 'rectifications.errors.notAFinding',
    });
    expect(await openRectification(admin, { ...base, inspectionItemId: draft.items[0].id }, db, NOW)).toMatchObject({
      ok: false,
      error: 'wrongState',
      message: 'rectifications.errors.notRecorded',
    });
    // The deadline day must leave time: today (in the city) is refused, tomorrow accepted.
    expect(await openRectification(admin, { ...base, deadline: '2026-03-10' }, db, NOW)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { deadline: [{ key: 'rectifications.errors.deadlineAfterToday', values: { today: '2026-03-10' } }] },
    });
    expect(await openRectification(admin, { ...base, kindergartenId: w.kgA3.id }, db, NOW)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { kindergartenId: ['form.errors.invalid'] },
    });
    // A pairing was inspected: which kindergarten must act is a choice.
    expect(await openRectification(admin, { ...base, kindergartenId: '' }, db, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { kindergartenId: ['rectifications.errors.chooseKindergarten'] },
    });
    expect(await openRectification(admin, { ...base, spotCheckItemId: 'x1' }, db, NOW)).toMatchObject({ ok: false, error: 'invalid' });
    // Out of scope, or not the bureau.
    expect(await openRectification(await actor(w.countyAdminB), base, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect(await openRectification(await actor(w.teacherA2), base, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect(await openRectification(await actor(w.directorA2), base, db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    // A draft is the bureau's: a director learns nothing of it.
    expect(await openRectification(await actor(w.directorA2), { ...base, inspectionItemId: draft.items[0].id }, db, NOW)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect({ r: await db.rectification.count(), n: await db.notification.count() }).toEqual(before);

    expect(await openRectification(admin, { ...base, deadline: '2026-03-11' }, db, NOW)).toMatchObject({ ok: true });
    // Twice at once (a second tap on a slow phone): one is opened, one refused, one notification.
    const twice = await Promise.all([
      openRectification(admin, { ...base, kindergartenId: w.kgA.id }, db, NOW),
      openRectification(admin, { ...base, kindergartenId: w.kgA.id }, db, NOW),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toMatchObject({ error: 'wrongState', message: 'rectifications.errors.alreadyOpened' });
    expect(await db.rectification.count({ where: { inspectionItemId: i.items[1].id } })).toBe(2);
    expect(await db.notification.count({ where: { recipientId: w.directorA.id, kind: 'rectification.assigned' } })).toBe(1);
  });

  it('from a questioned spot-checked record: the side that recorded it by default; a verified one is refused', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA2.id,
      createdById: w.directorA2.id,
      status: 'DONE',
    });
    const b = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
    });
    const check = await db.spotCheck.create({
      data: {
        countyId: w.countyA.id,
        periodFrom: d('2026-02-01'),
        periodTo: d('2026-03-09'),
        sampleSize: 2,
        seed: 'test',
        method: {},
        createdById: w.countyAdminA.id,
        items: {
          create: [
            { activityId: a.id, position: 0, verdict: 'QUESTIONED', note: '照片与活动日期不符' },
            { activityId: b.id, position: 1, verdict: 'VERIFIED' },
          ],
        },
      },
      include: { items: { orderBy: { position: 'asc' } } },
    });
    const admin = await actor(w.countyAdminA);
    const base = { requirement: '说明记录来源并补充原始照片', deadline: '2026-03-20' };
    const id = idOf(await openRectification(admin, { ...base, spotCheckItemId: check.items[0].id }, db, NOW));
    expect(await db.rectification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kindergartenId: w.kgA2.id,
      pairingId: w.pairingA.id,
      spotCheckItemId: check.items[0].id,
      inspectionItemId: null,
    });
    expect(await openRectification(admin, { ...base, spotCheckItemId: check.items[0].id }, db, NOW)).toMatchObject({
      error: 'wrongState',
      message: 'rectifications.errors.alreadyOpened',
    });
    expect(await openRectification(admin, { ...base, spotCheckItemId: check.items[1].id }, db, NOW)).toMatchObject({
      error: 'wrongState',
      message: 'rectifications.errors.notQuestioned',
    });
    // Spot checks are the bureau's: a director of the pairing is answered "not found".
    expect(await openRectification(await actor(w.directorA), { ...base, spotCheckItemId: check.items[1].id }, db, NOW)).toEqual({
      ok: false,
      error: 'notFound',
    });
    // The form shows the finding with the kindergartens this admin may tell to act.
    const finding = await getFinding(admin, { spotCheckItemId: check.items[0].id }, db, NOW);
    expect(finding).toMatchObject({ defaultKindergartenId: w.kgA2.id, refusal: null, today: '2026-03-10' });
    expect(finding?.kindergartens.map((k) => k.id).sort()).toEqual([w.kgA.id, w.kgA2.id].sort());
    expect(await getFinding(await actor(w.countyAdminB), { spotCheckItemId: check.items[0].id }, db, NOW)).toBeNull();
  });
});

describe('answering', () => {
  it('the director answers with evidence; the office is told; every answer is numbered', async () => {
    const w = await createPairingWorld(db);
    const r = await opened(w);
    const director = await actor(w.directorA2);
    expect(await answerRectification(director, { id: r.id, version: 1, measures: '已补齐' }, db, NOW)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { form: ['rectifications.errors.evidenceRequired'] },
    });
    // Only the kindergarten that must act adds evidence: the other side and teachers do not see it.
    expect(await photo(w.directorA, r.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await photo(w.teacherA2, r.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await photo(w.countyAdminA, r.id)).toEqual({ ok: false, error: 'notAllowed' });
    const file = idOf(await photo(w.directorA2, r.id));
    expect(await db.evidenceFile.findUniqueOrThrow({ where: { id: file } })).toMatchObject({
      rectificationId: r.id,
      kindergartenId: w.kgA2.id,
    });

    expect(await answerRectification(await actor(w.teacherA2), { id: r.id, version: 1, measures: 'x' }, db, NOW)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(await answerRectification(await actor(w.countyAdminA), { id: r.id, version: 1, measures: 'x' }, db, NOW)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await answerRectification(director, { id: r.id, version: 1, measures: '' }, db, NOW)).toMatchObject({
      error: 'invalid',
      fieldErrors: { measures: ['form.errors.required'] },
    });
    expect(
      await answerRectification(director, { id: r.id, version: 1, measures: '已补齐本学期观摩记录，制定观摩计划。' }, db, NOW),
    ).toEqual({
      ok: true,
      value: { id: r.id },
    });
    const row = await db.rectification.findUniqueOrThrow({ where: { id: r.id }, include: { answers: true } });
    expect(row).toMatchObject({ status: 'ANSWERED', version: 2 });
    expect(row.answers).toMatchObject([
      { number: 1, measures: '已补齐本学期观摩记录，制定观摩计划。', answeredById: w.directorA2.id, accepted: null },
    ]);
    expect(await notes(w.countyAdminA.id, r.id)).toMatchObject([{ kind: 'rectification.answered', href: `/rectifications/${r.id}` }]);
    // The office is county A's: the city's admins and another county's are not told.
    expect(await notes(w.cityAdmin.id, r.id)).toEqual([]);
    expect(await notes(w.countyAdminB.id, r.id)).toEqual([]);
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual(['rectification.opened', 'rectification.answered']);

    // Sent: it waits for the office; the answer and its evidence are fixed.
    expect(await answerRectification(director, { id: r.id, version: 2, measures: '再补充' }, db, NOW)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(await answerRectification(director, { id: r.id, version: 1, measures: '再补充' }, db, NOW)).toEqual({
      ok: false,
      error: 'conflict',
    });
    expect(await photo(w.directorA2, r.id, 2)).toEqual({ ok: false, error: 'wrongState' });
  });
});

describe('reviewing', () => {
  it('the office returns with a comment, then accepts the second answer; both stay readable with their evidence', async () => {
    const w = await createPairingWorld(db);
    const r = await answered(w, true);
    const office = await actor(w.countyAdminA);
    expect(await reviewRectification(office, { id: r.id, version: 2, decision: 'return', comment: ' ' }, db, NOW)).toMatchObject({
      error: 'invalid',
      fieldErrors: { comment: ['rectifications.errors.returnNeedsComment'] },
    });
    expect(await reviewRectification(office, { id: r.id, version: 2, decision: 'return', comment: '缺少观摩计划' }, db, NOW)).toMatchObject(
      { ok: true },
    );
    expect(await db.rectification.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'RETURNED',
      closedAt: null,
      version: 3,
    });
    expect(await notes(w.directorA2.id, r.id)).toContainEqual(expect.objectContaining({ kind: 'rectification.returned' }));

    // Returned: the director adds a photo and answers again.
    idOf(await photo(w.directorA2, r.id, 3));
    const later = new Date();
    idOf(await answerRectification(await actor(w.directorA2), { id: r.id, version: 3, measures: '已制定观摩计划' }, db, later));
    idOf(await reviewRectification(office, { id: r.id, version: 4, decision: 'accept', comment: '' }, db, later));
    const row = await db.rectification.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: 'CLOSED', closedAt: later, version: 5 });
    expect(await notes(w.directorA2.id, r.id)).toContainEqual(expect.objectContaining({ kind: 'rectification.accepted' }));
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual([
      'rectification.opened',
      'rectification.answered',
      'rectification.returned',
      'rectification.answered',
      'rectification.accepted',
    ]);

    const seen = await getRectification(await actor(w.directorA2), r.id, db, later);
    expect(seen?.answers.map((a) => [a.number, a.accepted, a.reviewComment, a.evidence.length])).toEqual([
      [2, true, '', 2],
      [1, false, '缺少观摩计划', 1],
    ]);
    expect(seen).toMatchObject({ canAnswer: false, canReview: false, overdue: false });
    // Closed for good.
    expect(await reviewRectification(office, { id: r.id, version: 5, decision: 'return', comment: '再看看' }, db, later)).toEqual({
      ok: false,
      error: 'wrongState',
    });
  });

  it('a director cannot accept its own; another county’s admin gets "not found"; a county admin does not review the city’s', async () => {
    const w = await createPairingWorld(db);
    const r = await answered(w);
    const accept = { id: r.id, version: 2, decision: 'accept', comment: '' };
    expect(await reviewRectification(await actor(w.directorA2), accept, db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await reviewRectification(await actor(w.directorA), accept, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect(await reviewRectification(await actor(w.countyAdminB), accept, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect(await getRectification(await actor(w.countyAdminB), r.id, db, NOW)).toBeNull();
    expect(await getRectification(await actor(w.directorA2), r.id, db, NOW)).toMatchObject({ canReview: false });
    expect(await db.rectification.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'ANSWERED', version: 2 });
    expect(
      await db.notification.count({ where: { entityId: r.id, kind: { in: ['rectification.accepted', 'rectification.returned'] } } }),
    ).toBe(0);

    // Opened by the city: county A sees it but the city's office accepts it.
    const cityOne = await opened(w, w.cityAdmin);
    idOf(await photo(w.directorA2, cityOne.id));
    idOf(await answerRectification(await actor(w.directorA2), { id: cityOne.id, version: 1, measures: '已整改' }, db, NOW));
    expect(await notes(w.cityAdmin.id, cityOne.id)).toMatchObject([{ kind: 'rectification.answered' }]);
    expect(await notes(w.countyAdminA.id, cityOne.id)).toEqual([]);
    expect(await getRectification(await actor(w.countyAdminA), cityOne.id, db, NOW)).toMatchObject({ canReview: false });
    expect(await reviewRectification(await actor(w.countyAdminA), { ...accept, id: cityOne.id }, db, NOW)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    // The city supervises every office: it may accept county A's too (decision 018).
    expect(await reviewRectification(await actor(w.cityAdmin), accept, db, NOW)).toMatchObject({ ok: true });
  });

  it('a change that rolls back tells nobody: notifications are written in its transaction', async () => {
    const w = await createPairingWorld(db);
    const r = await opened(w);
    idOf(await photo(w.directorA2, r.id));
    const failing = new Proxy(db, {
      get(target, p) {
        if (p === '$transaction')
          return (fn: (tx: unknown) => Promise<unknown>) =>
            target.$transaction(async (tx) => {
              await fn(tx);
              throw new Error('the disk is full');
            });
        return Reflect.get(target, p);
      },
    }) as Db;
    await expect(
      answerRectification(await actor(w.directorA2), { id: r.id, version: 1, measures: '已整改' }, failing, NOW),
    ).rejects.toThrow('the disk is full');
    expect(await db.rectification.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'OPEN', version: 1 });
    expect(await notes(w.countyAdminA.id, r.id)).toEqual([]);
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual(['rectification.opened']);
  });
});

describe('overdue and counts', () => {
  it('counts one overdue from the day after its deadline in the city, and not once answered', async () => {
    const w = await createPairingWorld(db);
    const r = await opened(w, w.countyAdminA, '2026-03-20');
    const admin = await actor(w.countyAdminA);
    const lastMinute = new Date('2026-03-20T15:59:00Z'); // 23:59 on the 20th in Shanghai
    const nextDay = new Date('2026-03-20T16:00:00Z'); // 00:00 on the 21st
    const only = { pairingId: w.pairingA.id };
    expect(await rectificationCounts(admin, db, lastMinute, only)).toEqual({ open: 1, returned: 0, answered: 0, overdue: 0, closed: 0 });
    expect(await rectificationCounts(admin, db, nextDay, only)).toEqual({ open: 1, returned: 0, answered: 0, overdue: 1, closed: 0 });
    expect((await listRectifications(admin, { status: 'overdue', pairingId: w.pairingA.id }, db, lastMinute)).rows).toEqual([]);
    expect((await listRectifications(admin, { status: 'overdue', pairingId: w.pairingA.id }, db, nextDay)).rows).toMatchObject([
      { id: r.id, overdue: true },
    ]);
    expect((await listRectifications(admin, { status: 'due', pairingId: w.pairingA.id }, db, nextDay)).rows).toEqual([]);

    // Answered late: it waits for the office now, so it is no longer overdue; returned, it is again.
    idOf(await photo(w.directorA2, r.id));
    idOf(await answerRectification(await actor(w.directorA2), { id: r.id, version: 1, measures: '已整改' }, db, nextDay));
    expect(await rectificationCounts(admin, db, nextDay, only)).toEqual({ open: 0, returned: 0, answered: 1, overdue: 0, closed: 0 });
    idOf(await reviewRectification(admin, { id: r.id, version: 2, decision: 'return', comment: '不完整' }, db, nextDay));
    expect(await rectificationCounts(admin, db, nextDay, only)).toEqual({ open: 1, returned: 1, answered: 0, overdue: 1, closed: 0 });
    expect((await getRectification(admin, r.id, db, nextDay))?.overdue).toBe(true);
  });
});

describe('scope of the list, the counts and the to-dos', () => {
  it('the city sees all, a county its own, a director its kindergarten’s, a teacher nothing', async () => {
    const w = await createPairingWorld(db);
    const a = await opened(w, w.countyAdminA, '2026-03-12');
    const iB = await inspection(w, ['FAILS'], { pairingId: w.pairingB.id });
    await db.inspection.update({ where: { id: iB.id }, data: { officeCountyId: w.countyB.id } });
    const b = idOf(
      await openRectification(
        await actor(w.countyAdminB),
        { inspectionItemId: iB.items[0].id, kindergartenId: w.kgB2.id, requirement: '乙县整改', deadline: '2026-03-12' },
        db,
        NOW,
      ),
    );
    const ids = async (u: User, filters = {}) =>
      (await listRectifications(await actor(u), filters, db, NOW)).rows.map((r) => r.id).filter((id) => id === a.id || id === b);
    expect((await ids(w.cityAdmin)).sort()).toEqual([a.id, b].sort());
    expect(await ids(w.countyAdminA)).toEqual([a.id]);
    expect(await ids(w.countyAdminB)).toEqual([b]);
    expect(await ids(w.directorA2)).toEqual([a.id]);
    expect(await ids(w.directorA)).toEqual([]);
    expect(await ids(w.directorB2)).toEqual([b]);
    expect(await ids(w.teacherA2)).toEqual([]);
    expect(await ids(w.cityAdmin, { countyId: w.countyB.id })).toEqual([b]);
    expect(await rectificationCounts(await actor(w.teacherA2), db, NOW)).toBeNull();
    expect(await getRectification(await actor(w.teacherA2), a.id, db, NOW)).toBeNull();
    expect(await getRectification(await actor(w.directorA), a.id, db, NOW)).toBeNull();

    // The counts of a county are its own only (the pairing's counts the same).
    const later = new Date('2026-03-14T04:00:00Z'); // both overdue
    expect(await rectificationCounts(await actor(w.countyAdminA), db, later, { pairingId: w.pairingB.id })).toEqual({
      open: 0,
      returned: 0,
      answered: 0,
      overdue: 0,
      closed: 0,
    });
    expect(await rectificationCounts(await actor(w.countyAdminB), db, later, { pairingId: w.pairingB.id })).toMatchObject({
      open: 1,
      overdue: 1,
    });

    // To-dos: the director's to answer (in time) and overdue apart; the office's to accept; overdue in scope.
    expect(await rectificationTodos(await actor(w.directorA2), db, NOW)).toEqual({ rectificationsToAnswer: 1, rectificationsOverdue: 0 });
    expect(await rectificationTodos(await actor(w.directorA2), db, later)).toEqual({ rectificationsToAnswer: 0, rectificationsOverdue: 1 });
    expect(await rectificationTodos(await actor(w.directorA), db, later)).toEqual({ rectificationsToAnswer: 0, rectificationsOverdue: 0 });
    expect(await rectificationTodos(await actor(w.teacherA2), db, later)).toEqual({});
    idOf(await photo(w.directorA2, a.id));
    idOf(await answerRectification(await actor(w.directorA2), { id: a.id, version: 1, measures: '已整改' }, db, NOW));
    expect(await rectificationTodos(await actor(w.countyAdminA), db, later)).toEqual({
      rectificationsToAccept: 1,
      rectificationsOverdue: 0,
    });
    expect(await rectificationTodos(await actor(w.countyAdminB), db, later)).toEqual({
      rectificationsToAccept: 0,
      rectificationsOverdue: 1,
    });
    // The city's own office opened neither: nothing waits for its review, though it sees B's overdue one.
    const city = await rectificationTodos(await actor(w.cityAdmin), db, later);
    expect(city.rectificationsOverdue).toBeGreaterThanOrEqual(1);
    const mine = (await listRectifications(await actor(w.cityAdmin), { status: 'answered', office: 'mine' }, db, later)).rows.map(
      (r) => r.id,
    );
    expect(mine).not.toContain(a.id);
    expect(city.rectificationsToAccept).toBe(mine.length);
  });
});
