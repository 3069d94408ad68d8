import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage, type FileStorage } from '@/lib/storage';
import { uploadEvidence } from '@/lib/evidence/commands';
import { perceptualHash } from '@/lib/signals/fingerprint';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, normaliseForReuse, placeKey } from '@/lib/signals/rules';
import { activitySignals, listSignals } from '@/lib/signals/queries';
import { updateSignalSettings } from '@/lib/signals/commands';
import { fingerprintStoredPhotos } from '@/lib/signals/backfill';
import type { Signal } from '@/lib/signals/sql';
import { actorFor, uniqueSuffix } from '../fixtures/factories';
import { createActivity, createPairingWorld, type ActivityData } from '../fixtures/activity-factories';
import { makeScenePhoto, reencoded } from '../fixtures/photos';

// Activities of these tests lie in 2091: no other test's records or closed periods reach them.
const DAY = 86_400_000;
const T = new Date('2091-03-05T02:00:00Z'); // 10:00 in Shanghai
const YEAR = { from: '2091-01-01', to: '2091-12-31' };
const at = (days: number, from = T) => new Date(from.getTime() + days * DAY);

let dir: string;
let storage: FileStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-signals-'));
  storage = new LocalStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type World = Awaited<ReturnType<typeof createPairingWorld>>;
const actor = (u: { id: string }) => actorFor(db, u);

/** A done activity of pairing A (county A) or B, entered at `createdAt` (default: the day it happened). */
async function done(w: World, side: 'A' | 'B', data: Partial<ActivityData> & { createdAt?: Date; endsAt?: Date } = {}) {
  const { createdAt, endsAt, ...rest } = data;
  const a = await createActivity(db, {
    ...(side === 'A'
      ? { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id }
      : { pairingId: w.pairingB.id, recordingKindergartenId: w.kgB.id, createdById: w.directorB.id }),
    status: 'DONE',
    startsAt: T,
    title: `活动 ${uniqueSuffix()}`,
    ...rest,
  });
  await db.activity.update({ where: { id: a.id }, data: { createdAt: createdAt ?? at(0.2, rest.startsAt ?? T), endsAt } });
  return a;
}

/** A photo row on an activity, with the hash of real bytes (or a given hash) and an optional capture time. */
async function photo(
  activityId: string,
  kindergartenId: string,
  uploadedById: string,
  p: { bytes?: Buffer; phash?: string; capturedAt?: Date },
) {
  return db.evidenceFile.create({
    data: {
      storageKey: `2091-03/${randomUUID()}`,
      originalName: 'photo.jpg',
      mimeType: 'image/jpeg',
      size: p.bytes?.length ?? 1000,
      sha256: createHash('sha256')
        .update(p.bytes ?? randomUUID())
        .digest('hex'),
      kind: 'PHOTO',
      uploadedById,
      kindergartenId,
      activityId,
      phash: p.phash ?? (p.bytes ? await perceptualHash(p.bytes) : null),
      capturedAt: p.capturedAt ?? null,
    },
  });
}

const kindsOf = (signals: Signal[] | null) => (signals ?? []).map((s) => s.kind).sort();
const find = <K extends Signal['kind']>(signals: Signal[] | null, kind: K) =>
  (signals ?? []).find((s): s is Extract<Signal, { kind: K }> => s.kind === kind);

describe('perceptual hash', () => {
  it('finds a real JPEG re-encoded at another quality and resized, and not a different picture', async () => {
    const original = await makeScenePhoto(7101, { quality: 90 });
    const copies = [await reencoded(original, { width: 640, quality: 40 }), await reencoded(original, { width: 1600, quality: 70 })];
    const other = await makeScenePhoto(7102, { quality: 90 });
    const h = await perceptualHash(original);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    for (const c of copies) expect(hammingDistance(h!, (await perceptualHash(c))!)).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    expect(hammingDistance(h!, (await perceptualHash(other))!)).toBeGreaterThan(NEAR_DUPLICATE_MAX_DISTANCE);
    expect(await perceptualHash(Buffer.from('not a picture'))).toBeNull();
  });

  it('is made on upload, with the capture time from the file or, for a scaled photo, the one the browser read', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    const director = await actor(w.directorA);
    const send = (bytes: Buffer, extra: Record<string, string> = {}) =>
      uploadEvidence(director, { target: 'activity', id: a.id, name: 'p.jpg', ...extra }, Readable.from([bytes]), db, storage);
    const original = await makeScenePhoto(7103, { capturedAt: '2026:03:05 10:12:33' });
    const withExif = await send(original);
    if (!withExif.ok) throw new Error(JSON.stringify(withExif));
    // The file's own EXIF wins over what the browser says.
    const scaled = await send(await reencoded(original), { capturedAt: '2026-03-04T09:00:00' });
    const future = await send(await reencoded(original, { width: 500 }), { capturedAt: '2999-01-01T09:00:00' });
    const rows = await db.evidenceFile.findMany({
      where: { id: { in: [withExif, scaled, future].map((r) => (r.ok ? r.value.id : '')) } },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => r.capturedAt)).toEqual([new Date('2026-03-05T02:12:33Z'), new Date('2026-03-04T01:00:00Z'), null]);
    for (const r of rows) expect(hammingDistance(rows[0].phash!, r.phash!)).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: rows[0].id, action: 'evidence.uploaded' } });
    expect(audit.after).toMatchObject({ phash: rows[0].phash });
  });

  it('is filled in for photos stored before, by the backfill, which audits what it changed', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    const bytes = await makeScenePhoto(7104, { capturedAt: '2026:04:01 08:00:00' });
    const key = `2091-04/${randomUUID()}`;
    const file = path.join(dir, 'backfill.jpg');
    await writeFile(file, bytes);
    await storage.putFile(key, file, 'image/jpeg');
    const row = await db.evidenceFile.create({
      data: {
        storageKey: key,
        originalName: 'old.jpg',
        mimeType: 'image/jpeg',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        kind: 'PHOTO',
        uploadedById: w.directorA.id,
        kindergartenId: w.kgA.id,
        activityId: a.id,
      },
    });
    const missing = await photo(a.id, w.kgA.id, w.directorA.id, {});
    const report = await fingerprintStoredPhotos(db, storage);
    expect(report.unreadable).toContain(missing.id);
    const after = await db.evidenceFile.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.phash).toBe(await perceptualHash(bytes));
    expect(after.capturedAt).toEqual(new Date('2026-04-01T00:00:00Z'));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'evidence.fingerprinted' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(audit.after)).toContain(row.id);
    // Run again: nothing left to do for it.
    expect((await fingerprintStoredPhotos(db, storage)).unreadable).not.toContain(row.id);
  });
});

describe('each signal appears for its case and not for its control', () => {
  it('entered long after the activity, by the city’s threshold', async () => {
    const w = await createPairingWorld(db);
    const late = await done(w, 'A', { createdAt: at(31) });
    const onTime = await done(w, 'A', { createdAt: at(29) });
    // Counted from the end of a long activity.
    const long = await done(w, 'A', { endsAt: at(20), createdAt: at(45) });
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, late.id, db), 'lateEntry')).toMatchObject({ days: 31 });
    expect(kindsOf(await activitySignals(admin, onTime.id, db))).toEqual([]);
    expect(kindsOf(await activitySignals(admin, long.id, db))).toEqual([]);
    // The city raises its threshold: the late entry is no longer a reason to look.
    const city = await actor(w.cityAdmin);
    expect(await updateSignalSettings(city, { lateEntryDays: '40', captureDateToleranceDays: '7' }, db)).toMatchObject({ ok: true });
    expect(kindsOf(await activitySignals(admin, late.id, db))).toEqual([]);
  });

  it('entered after its period was closed', async () => {
    const w = await createPairingWorld(db);
    // Closed periods are the city's: this one covers months no other test uses.
    const A = new Date('2091-10-05T02:00:00Z');
    const closedAt = at(10, A);
    await db.closedPeriod.create({
      data: {
        key: `TEST-${uniqueSuffix()}`,
        kind: 'SEMESTER',
        academicYear: 2091,
        term: 'AUTUMN',
        startsOn: new Date('2091-09-01T00:00:00Z'),
        endsOn: new Date('2091-10-31T00:00:00Z'),
        closedAt,
        closedById: w.cityAdmin.id,
      },
    });
    const after = await done(w, 'A', { startsAt: A, createdAt: at(11, A) });
    const before = await done(w, 'A', { startsAt: A, createdAt: at(9, A) });
    const outside = await done(w, 'A', { startsAt: new Date('2091-11-02T02:00:00Z'), createdAt: new Date('2091-11-20T02:00:00Z') });
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, after.id, db), 'afterClose')).toMatchObject({
      periodStartsOn: '2091-09-01',
      periodEndsOn: '2091-10-31',
      closedAt,
    });
    expect(kindsOf(await activitySignals(admin, before.id, db))).toEqual([]);
    expect(kindsOf(await activitySignals(admin, outside.id, db))).toEqual([]);
  });

  it('a near-duplicate photo on another activity, and not a different photo nor the same photo twice on one activity', async () => {
    const w = await createPairingWorld(db);
    const original = await makeScenePhoto(7201);
    const [a1, a2, control] = [await done(w, 'A'), await done(w, 'A'), await done(w, 'A')];
    await photo(a1.id, w.kgA.id, w.directorA.id, { bytes: original });
    await photo(a2.id, w.kgA.id, w.directorA.id, { bytes: await reencoded(original, { width: 700, quality: 50 }) });
    await photo(control.id, w.kgA.id, w.directorA.id, { bytes: await makeScenePhoto(7202) });
    await photo(control.id, w.kgA.id, w.directorA.id, { bytes: await makeScenePhoto(7202) });
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, a1.id, db), 'similarPhoto')).toMatchObject({ related: [{ id: a2.id }], elsewhere: false });
    expect(find(await activitySignals(admin, a2.id, db), 'similarPhoto')).toMatchObject({ related: [{ id: a1.id }], elsewhere: false });
    expect(kindsOf(await activitySignals(admin, control.id, db))).toEqual([]);
  });

  it('a photo taken far from the activity date, by the city’s tolerance', async () => {
    const w = await createPairingWorld(db);
    const [far, near, undated] = [await done(w, 'A'), await done(w, 'A'), await done(w, 'A')];
    await photo(far.id, w.kgA.id, w.directorA.id, { phash: '0123456789abcdef', capturedAt: at(-20) });
    await photo(near.id, w.kgA.id, w.directorA.id, { phash: 'fedcba9876543210', capturedAt: at(7) });
    await photo(undated.id, w.kgA.id, w.directorA.id, { phash: '00ff00ff00ff00ff' });
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, far.id, db), 'captureDate')).toMatchObject({ photos: 1, dates: ['2091-02-13'] });
    expect(kindsOf(await activitySignals(admin, near.id, db))).toEqual([]);
    expect(kindsOf(await activitySignals(admin, undated.id, db))).toEqual([]);
  });

  it('the same long text reused, however it is spaced; not a short one, nor record and summary of one activity', async () => {
    const w = await createPairingWorld(db);
    const body = `${uniqueSuffix()} 上午集体教学时间偏长，区域材料投放不足；午睡环节组织有序，离园环节家长沟通到位。建议减少集体教学时长，增加区域游戏时间，下月回访区域材料投放情况。`;
    expect([...normaliseForReuse(body)].length).toBeGreaterThanOrEqual(80);
    const short = `${uniqueSuffix()} 活动按计划完成，教师反映良好。`;
    const a1 = await done(w, 'A', { record: body, summary: short });
    // Copied into another record, re-wrapped and spaced differently.
    const a2 = await done(w, 'A', { summary: `\n${body.replace('；', '；\n\n').replace(/ /g, '\u3000  ')}  `, record: short });
    const same = await done(w, 'A', { record: `${body}！`, summary: `${body}！` });
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, a1.id, db), 'reusedText')).toMatchObject({ fields: ['record'], related: [{ id: a2.id }] });
    expect(find(await activitySignals(admin, a2.id, db), 'reusedText')).toMatchObject({ fields: ['summary'], related: [{ id: a1.id }] });
    expect(kindsOf(await activitySignals(admin, same.id, db))).toEqual([]);
  });

  it('the same person at two activities in different places at once; not at the same place, nor at other times', async () => {
    const w = await createPairingWorld(db);
    const person = w.teacherA.id;
    const morning = await done(w, 'A', { location: '柳湾镇中心幼儿园', endsAt: at(2 / 24), participantIds: [person] });
    const elsewhere = await done(w, 'A', { location: '江州市实验幼儿园', startsAt: at(1 / 24), participantIds: [person] });
    const samePlace = await done(w, 'A', { location: ' 柳湾镇 中心幼儿园', startsAt: at(0.5 / 24), participantIds: [person] });
    const later = await done(w, 'A', { location: '清河区教研室', startsAt: at(3 / 24), participantIds: [person] });
    const nowhere = await done(w, 'A', { location: '', startsAt: at(1 / 24), participantIds: [person] });
    expect(placeKey(' 柳湾镇 中心幼儿园')).toBe(placeKey('柳湾镇中心幼儿园'));
    const admin = await actor(w.countyAdminA);
    expect(find(await activitySignals(admin, morning.id, db), 'twoPlaces')).toMatchObject({
      people: ['甲老师'],
      related: [{ id: elsewhere.id }],
      elsewhere: false,
    });
    expect(
      find(await activitySignals(admin, elsewhere.id, db), 'twoPlaces')
        ?.related.map((r) => r.id)
        .sort(),
    ).toEqual([morning.id, samePlace.id].sort());
    expect(kindsOf(await activitySignals(admin, later.id, db))).toEqual([]);
    expect(kindsOf(await activitySignals(admin, nowhere.id, db))).toEqual([]);
  });
});

describe('scope', () => {
  it('another county’s records are never shown or counted; a similar photo there is said to exist, not named', async () => {
    const w = await createPairingWorld(db);
    const picture = await makeScenePhoto(7301);
    const inA = await done(w, 'A', { createdAt: at(60), title: `甲县记录 ${uniqueSuffix()}` });
    const inB = await done(w, 'B', { createdAt: at(60), title: `乙县记录 ${uniqueSuffix()}` });
    await photo(inA.id, w.kgA.id, w.directorA.id, { bytes: picture });
    await photo(inB.id, w.kgB.id, w.directorB.id, { bytes: await reencoded(picture) });

    const adminA = await actor(w.countyAdminA);
    const onA = await activitySignals(adminA, inA.id, db);
    expect(find(onA, 'similarPhoto')).toMatchObject({ related: [], elsewhere: true });
    expect(JSON.stringify(onA)).not.toContain(inB.id);
    // An activity outside the scope gives nothing, even asked for by id.
    expect(await activitySignals(adminA, inB.id, db)).toEqual([]);

    const listA = (await listSignals(adminA, YEAR, db))!;
    const ids = new Set(listA.rows.map((r) => r.activity.id));
    expect(ids.has(inA.id)).toBe(true);
    expect(ids.has(inB.id)).toBe(false);
    expect(JSON.stringify(listA)).not.toContain(inB.id);
    expect(JSON.stringify(listA)).not.toContain(inB.title);
    // County A's world has exactly these two signals: the counts hold nothing of county B.
    expect(listA.counts).toMatchObject({ lateEntry: 1, similarPhoto: 1, captureDate: 0, reusedText: 0, twoPlaces: 0, afterClose: 0 });
    expect(listA.records).toBe(1);
    // Filtered by kind, the counts stay whole.
    const onlyPhotos = (await listSignals(adminA, { ...YEAR, kind: 'similarPhoto' }, db))!;
    expect(onlyPhotos.rows.map((r) => r.kind)).toEqual(['similarPhoto']);
    expect(onlyPhotos.counts.lateEntry).toBe(1);

    // The city sees both and names each to the other.
    const city = await actor(w.cityAdmin);
    expect(find(await activitySignals(city, inA.id, db), 'similarPhoto')).toMatchObject({ related: [{ id: inB.id }], elsewhere: false });
    const cityList = (await listSignals(city, { ...YEAR, countyId: w.countyB.id }, db))!;
    expect(cityList.rows.filter((r) => r.activity.id === inB.id).map((r) => r.kind)).toEqual(['lateEntry', 'similarPhoto']);
    expect(cityList.rows.some((r) => r.activity.id === inA.id)).toBe(false);
  });

  it('directors and teachers get nothing: the page and the box answer not found', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w, 'A', { createdAt: at(60) });
    for (const u of [w.directorA, w.teacherA, w.directorA2]) {
      expect(await listSignals(await actor(u), YEAR, db)).toBeNull();
      expect(await activitySignals(await actor(u), a.id, db)).toBeNull();
    }
  });
});

describe('the city’s thresholds', () => {
  it('only the city admin sets them, within bounds, audited', async () => {
    const w = await createPairingWorld(db);
    const input = { lateEntryDays: '21', captureDateToleranceDays: '3' };
    expect(await updateSignalSettings(await actor(w.countyAdminA), input, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await updateSignalSettings(await actor(w.directorA), input, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await updateSignalSettings(await actor(w.cityAdmin), { lateEntryDays: '0', captureDateToleranceDays: '-1' }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: {
        lateEntryDays: ['spotChecks.signals.errors.lateEntryDays'],
        captureDateToleranceDays: ['spotChecks.signals.errors.captureDateToleranceDays'],
      },
    });
    expect(await updateSignalSettings(await actor(w.cityAdmin), input, db)).toMatchObject({ ok: true });
    expect(await db.citySetting.findUniqueOrThrow({ where: { cityId: w.city.id } })).toMatchObject({
      lateEntryDays: 21,
      captureDateToleranceDays: 3,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'settings.updated', entityId: w.city.id },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ lateEntryDays: 30, captureDateToleranceDays: 7 });
    expect(audit.after).toMatchObject({ lateEntryDays: 21, captureDateToleranceDays: 3 });
  });
});
