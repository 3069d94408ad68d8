import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import { saveActivity } from '@/lib/activities/commands';
import { uploadEvidence } from '@/lib/evidence/commands';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { makePng } from '../fixtures/evidence-files';

const NOW = new Date('2026-03-10T04:00:00Z');
const actor = (u: { id: string; name: string }) => actorFor(db, u);

let dir: string;
let storage: LocalStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-idempotency-'));
  storage = new LocalStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function storedCount() {
  const months = await readdir(dir).catch(() => [] as string[]);
  let n = 0;
  for (const m of months) n += (await readdir(path.join(dir, m))).length;
  return n;
}

/** A logged demonstration class, as the phone's form sends it. */
const activityInput = (pairingId: string, idempotencyKey?: string) => ({
  pairingId,
  type: 'SENT_DEMONSTRATION',
  direction: 'TO_ASSISTED',
  targetArea: 'TEACHERS',
  status: 'DONE',
  title: '送教下乡：绘本阅读示范课',
  startDate: '2026-03-05',
  startTime: '09:00',
  location: '柳湾镇中心幼儿园',
  classHours: '2',
  idempotencyKey,
});

const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

describe('a new activity sent more than once', () => {
  it('the same key twice creates one activity and answers the second send with it', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    const key = randomUUID();
    const first = idOf(await saveActivity(me, activityInput(w.pairingA.id, key), db, NOW));
    const again = idOf(await saveActivity(me, activityInput(w.pairingA.id, key), db, NOW));
    expect(again).toBe(first);
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(1);
    expect(await db.idempotencyKey.findUnique({ where: { key } })).toMatchObject({
      userId: w.directorA.id,
      entityType: 'Activity',
      entityId: first,
    });
    // The repeat wrote nothing: one creation in the audit trail.
    expect(await db.auditEntry.count({ where: { entityId: first, action: 'activity.created' } })).toBe(1);
  });

  it('the same key sent concurrently creates one activity; both sends answer with it', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    const key = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => saveActivity(me, activityInput(w.pairingA.id, key), db, NOW)));
    const ids = results.map(idOf);
    expect(new Set(ids).size).toBe(1);
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { entityId: ids[0], action: 'activity.created' } })).toBe(1);
  });

  it("another user's key is refused, never answered with that user's activity", async () => {
    const w = await createPairingWorld(db);
    const key = randomUUID();
    idOf(await saveActivity(await actor(w.directorA), activityInput(w.pairingA.id, key), db, NOW));
    // The other side's director, in the same pairing: the key alone must not hand over the record.
    const other = await saveActivity(await actor(w.directorA2), activityInput(w.pairingA.id, key), db, NOW);
    expect(other).toEqual({ ok: false, error: 'notAllowed' });
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(1);
  });

  it('different keys, or none, are different activities; a malformed key is refused as invalid', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    idOf(await saveActivity(me, activityInput(w.pairingA.id, randomUUID()), db, NOW));
    idOf(await saveActivity(me, activityInput(w.pairingA.id, randomUUID()), db, NOW));
    idOf(await saveActivity(me, activityInput(w.pairingA.id), db, NOW));
    idOf(await saveActivity(me, activityInput(w.pairingA.id, ''), db, NOW));
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(4);
    expect(await saveActivity(me, activityInput(w.pairingA.id, 'not-a-uuid'), db, NOW)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { idempotencyKey: ['form.errors.invalid'] },
    });
  });

  it('an edit ignores a key: the version check still refuses a stale save as a conflict', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    const key = randomUUID();
    const id = idOf(await saveActivity(me, activityInput(w.pairingA.id, key), db, NOW));
    const edit = { ...activityInput(w.pairingA.id, key), id, version: '1', title: '改过的标题' };
    idOf(await saveActivity(me, edit, db, NOW));
    expect(await saveActivity(me, { ...edit, title: '又改一次' }, db, NOW)).toMatchObject({ ok: false, error: 'conflict' });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).title).toBe('改过的标题');
  });
});

describe('photos sent with keys', () => {
  const upload = async (me: Awaited<ReturnType<typeof actor>>, activityId: string, key: string | undefined, seed: number) =>
    uploadEvidence(
      me,
      { target: 'activity', id: activityId, name: `照片${seed}.png`, key },
      Readable.from([makePng(16, 12, seed)]),
      db,
      storage,
    );

  it('a photo sent twice, or concurrently, with its key is stored once; two photos stay two', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    const activityId = idOf(await saveActivity(me, activityInput(w.pairingA.id, randomUUID()), db, NOW));
    const [k1, k2] = [randomUUID(), randomUUID()];
    const before = await storedCount();
    const first = idOf(await upload(me, activityId, k1, 1));
    expect(idOf(await upload(me, activityId, k1, 1))).toBe(first);
    const concurrent = await Promise.all([upload(me, activityId, k2, 2), upload(me, activityId, k2, 2), upload(me, activityId, k2, 2)]);
    expect(new Set(concurrent.map(idOf)).size).toBe(1);
    expect(await db.evidenceFile.count({ where: { activityId } })).toBe(2);
    // The losers' bytes were removed from storage: one stored file per photo.
    expect((await storedCount()) - before).toBe(2);
    expect(await db.auditEntry.count({ where: { action: 'evidence.uploaded', entityId: { in: [first, idOf(concurrent[0])] } } })).toBe(2);
  });

  it('a photo key of another user, or one used for an activity, is refused', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.directorA);
    const activityKey = randomUUID();
    const activityId = idOf(await saveActivity(me, activityInput(w.pairingA.id, activityKey), db, NOW));
    const key = randomUUID();
    idOf(await upload(me, activityId, key, 3));
    expect(await upload(await actor(w.directorA2), activityId, key, 3)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await upload(me, activityId, activityKey, 4)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await db.evidenceFile.count({ where: { activityId } })).toBe(1);
  });
});
