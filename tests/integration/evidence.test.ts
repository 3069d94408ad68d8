import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage, S3Storage } from '@/lib/storage';
import { attachThumbnail, deleteEvidence, uploadEvidence } from '@/lib/evidence/commands';
import { confirmActivity } from '@/lib/activities/commands';
import { listDuplicatePhotos, duplicatesForActivity } from '@/lib/evidence/queries';
import { actorFor } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { EXE, HTML, SVG_WITH_SCRIPT, makeDocx, makeJpegHeader, makePdf, makePlainZip, makePng } from '../fixtures/evidence-files';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guards (requireRouteUser, denyRoute and the audit they write) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));

let dir: string;
let storage: LocalStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-files-'));
  process.env.FILE_STORAGE_DIR = dir;
  storage = new LocalStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const body = (b: Buffer) => Readable.from([b]);
async function storedCount() {
  const months = await readdir(dir).catch(() => [] as string[]);
  let n = 0;
  for (const m of months) n += (await readdir(path.join(dir, m))).length;
  return n;
}

async function world() {
  const w = await createPairingWorld(db);
  const activity = await createActivity(db, {
    pairingId: w.pairingA.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    status: 'DONE',
    type: 'SENT_DEMONSTRATION',
    direction: 'TO_ASSISTED',
    title: '送教下乡示范课',
    classHours: 2,
    plan: '计划',
    measures: '措施',
    record: '记录',
    summary: '总结',
  });
  return { ...w, activity };
}

describe('uploads are judged by their content', () => {
  it('refuses a renamed .html, an SVG with script, an .exe, a wrong magic number, a plain zip named .docx and an over-size file, storing nothing', async () => {
    const w = await world();
    const me = await actorFor(db, w.directorA);
    const up = (name: string, b: Buffer) => uploadEvidence(me, { target: 'activity', id: w.activity.id, name }, body(b), db, storage);
    const before = await storedCount();
    const rowsBefore = await db.evidenceFile.count({ where: { activityId: w.activity.id } });
    expect(await up('photo.jpg', HTML)).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.notAllowedType' });
    expect(await up('logo.png', SVG_WITH_SCRIPT)).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.notAllowedType' });
    expect(await up('setup.pdf', EXE)).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.notAllowedType' });
    expect(await up('photo.png', Buffer.from('this is not a png at all, just text bytes'))).toEqual({
      ok: false,
      error: 'invalid',
      message: 'evidence.errors.notAllowedType',
    });
    expect(await up('report.docx', await makePlainZip())).toEqual({
      ok: false,
      error: 'invalid',
      message: 'evidence.errors.notAllowedType',
    });
    expect(await up('old.doc', makePdf().subarray(0, 0))).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.empty' });
    const huge = Buffer.concat([makePdf(), Buffer.alloc(20 * 1024 * 1024)]);
    expect(await up('big.pdf', huge)).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.tooLarge' });
    const bigPhoto = Buffer.concat([makePng(), Buffer.alloc(11 * 1024 * 1024)]);
    expect(await up('big.png', bigPhoto)).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.photoTooLarge' });
    expect(await storedCount()).toBe(before);
    expect(await db.evidenceFile.count({ where: { activityId: w.activity.id } })).toBe(rowsBefore);
  });

  it('accepts a real PNG, JPEG, PDF and DOCX whatever their names, with the detected type, size and SHA-256', async () => {
    const w = await world();
    const me = await actorFor(db, w.directorA);
    const up = (name: string, b: Buffer) => uploadEvidence(me, { target: 'activity', id: w.activity.id, name }, body(b), db, storage);
    // The stored name ends in the detected type's extension (tests/integration/uploads.test.ts).
    const cases: [string, Buffer, string, string, string][] = [
      ['照片.png', makePng(), 'image/png', 'PHOTO', '照片.png'],
      ['img.jpeg', makeJpegHeader(), 'image/jpeg', 'PHOTO', 'img.jpeg'],
      ['教案', makePdf(), 'application/pdf', 'DOCUMENT', '教案.pdf'],
      ['方案.docx', await makeDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCUMENT', '方案.docx'],
    ];
    for (const [name, bytes, mime, kind, stored] of cases) {
      const r = await up(name, bytes);
      expect(r).toMatchObject({ ok: true });
      const row = await db.evidenceFile.findUniqueOrThrow({ where: { id: (r as { value: { id: string } }).value.id } });
      expect(row).toMatchObject({
        originalName: stored,
        mimeType: mime,
        kind,
        size: bytes.length,
        kindergartenId: w.kgA.id,
        uploadedById: w.directorA.id,
      });
      expect(row.sha256).toBe((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
      expect(row.storageKey).not.toContain(name);
      const back = Buffer.concat(await (await storage.read(row.storageKey)).toArray());
      expect(back.equals(bytes)).toBe(true);
    }
    const trail = await db.auditEntry.findMany({ where: { action: 'evidence.uploaded', actorId: w.directorA.id } });
    expect(trail.length).toBeGreaterThanOrEqual(4);
  });

  it('answers not found outside scope and not allowed to admins; a confirmed activity is fixed', async () => {
    const w = await world();
    const png = makePng(8, 8, 3);
    expect(
      await uploadEvidence(
        await actorFor(db, w.directorB),
        { target: 'activity', id: w.activity.id, name: 'a.png' },
        body(png),
        db,
        storage,
      ),
    ).toEqual({ ok: false, error: 'notFound' });
    expect(
      await uploadEvidence(
        await actorFor(db, w.countyAdminA),
        { target: 'activity', id: w.activity.id, name: 'a.png' },
        body(png),
        db,
        storage,
      ),
    ).toEqual({ ok: false, error: 'notAllowed' });
    // The assisted side's teacher may add photos too.
    expect(
      await uploadEvidence(
        await actorFor(db, w.teacherA2),
        { target: 'activity', id: w.activity.id, name: 'a.png' },
        body(png),
        db,
        storage,
      ),
    ).toMatchObject({ ok: true });
    await db.activity.update({ where: { id: w.activity.id }, data: { confirmation: 'CONFIRMED' } });
    expect(
      await uploadEvidence(
        await actorFor(db, w.directorA),
        { target: 'activity', id: w.activity.id, name: 'b.png' },
        body(png),
        db,
        storage,
      ),
    ).toEqual({ ok: false, error: 'wrongState' });
  });
});

describe('annual plan documents', () => {
  it('are added by directors of either side, not by teachers, until the summary is submitted', async () => {
    const w = await world();
    const plan = await db.annualPlan.create({
      data: { pairingId: w.pairingA.id, academicYear: 2025, content: '内容', updatedById: w.directorA.id },
    });
    const up = async (u: { id: string }) =>
      uploadEvidence(
        await actorFor(db, u),
        { target: 'annualPlan', id: plan.id, name: '年度计划.pdf' },
        body(makePdf('plan')),
        db,
        storage,
      );
    expect(await up(w.teacherA)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await up(w.directorB)).toEqual({ ok: false, error: 'notFound' });
    expect(await up(w.directorA2)).toMatchObject({ ok: true, value: { kind: 'DOCUMENT' } });
    await db.annualPlan.update({ where: { id: plan.id }, data: { summarySubmittedAt: new Date() } });
    expect(await up(w.directorA)).toEqual({ ok: false, error: 'wrongState' });
  });
});

describe('removing a file', () => {
  it('is for the uploader or a director of the owning kindergarten, before confirmation; audited, the row stays', async () => {
    const w = await world();
    const r = await uploadEvidence(
      await actorFor(db, w.teacherA),
      { target: 'activity', id: w.activity.id, name: 'p.png' },
      body(makePng(9, 9, 4)),
      db,
      storage,
    );
    const id = (r as { value: { id: string } }).value.id;
    expect(await deleteEvidence(await actorFor(db, w.directorA2), { id }, db)).toEqual({ ok: false, error: 'notAllowed' }); // other side's director
    expect(await deleteEvidence(await actorFor(db, w.directorB), { id }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await deleteEvidence(await actorFor(db, w.directorA), { id }, db)).toMatchObject({ ok: true });
    const row = await db.evidenceFile.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'evidence.deleted', entityId: id } });
    expect(entry).toMatchObject({ actorId: w.directorA.id, kindergartenId: w.kgA.id });
    expect(await deleteEvidence(await actorFor(db, w.directorA), { id }, db)).toEqual({ ok: false, error: 'notFound' });
  });

  it('or adding one, while the other side reads the activity, makes their confirmation out of date', async () => {
    const w = await world();
    const seen = w.activity.version; // the version on the other director's page
    const r = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: 'p.png' },
      body(makePng(9, 9, 5)),
      db,
      storage,
    );
    const other = { ...(await actorFor(db, w.directorA2)), name: '甲二园长' };
    expect(await confirmActivity(other, { id: w.activity.id, version: seen, decision: 'CONFIRMED' }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
    const afterUpload = (await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).version;
    expect(afterUpload).toBe(seen + 1);
    await deleteEvidence(await actorFor(db, w.directorA), { id: (r as { value: { id: string } }).value.id }, db);
    expect(await confirmActivity(other, { id: w.activity.id, version: afterUpload, decision: 'CONFIRMED' }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
    expect(await confirmActivity(other, { id: w.activity.id, version: afterUpload + 1, decision: 'CONFIRMED' }, db)).toMatchObject({
      ok: true,
    });
  });
});

describe('the database', () => {
  it('refuses a file linked to two records or to none', async () => {
    const w = await world();
    const plan = await db.annualPlan.create({
      data: { pairingId: w.pairingA.id, academicYear: 2026, content: '内容', updatedById: w.directorA.id },
    });
    const file = (links: Record<string, string>) =>
      db.evidenceFile.create({
        data: {
          storageKey: `test/${Math.random()}`,
          originalName: 'a.pdf',
          mimeType: 'application/pdf',
          size: 10,
          sha256: 'x'.repeat(64),
          kind: 'DOCUMENT',
          uploadedById: w.directorA.id,
          kindergartenId: w.kgA.id,
          ...links,
        },
      });
    await expect(file({ activityId: w.activity.id, annualPlanId: plan.id })).rejects.toThrow(/EvidenceFile_links_one_record/);
    await expect(file({})).rejects.toThrow(/EvidenceFile_links_one_record/);
    await expect(file({ annualPlanId: plan.id })).resolves.toMatchObject({ annualPlanId: plan.id });
  });
});

describe('the file route', () => {
  it("serves a file in scope with safe headers and answers 404 (audited) to another county's director", async () => {
    const w = await world();
    const { GET } = await import('@/app/api/files/[id]/route');
    const pdf = makePdf('route');
    const up = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: '活动方案.pdf' },
      body(pdf),
      db,
      storage,
    );
    const id = (up as { value: { id: string } }).value.id;
    const get = () => GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });

    signedIn.user = await actorFor(db, w.directorA2);
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''%E6%B4%BB/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toContain('private');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);

    signedIn.user = await actorFor(db, w.directorB);
    const denied = await get();
    expect(denied.status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorId: w.directorB.id, entityId: id } })).toBe(1);

    // A colleague teacher of the other kindergarten sees the activity, hence the file.
    signedIn.user = await actorFor(db, w.teacherA2b);
    expect((await get()).status).toBe(200);
    signedIn.user = null;
    expect((await get()).status).toBe(404);
  });

  it('shows photos inline', async () => {
    const w = await world();
    const { GET } = await import('@/app/api/files/[id]/route');
    const up = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: 'x.png' },
      body(makePng(5, 5, 7)),
      db,
      storage,
    );
    const id = (up as { value: { id: string } }).value.id;
    signedIn.user = await actorFor(db, w.cityAdmin);
    const res = await GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(res.headers.get('content-type')).toBe('image/png');
  });
});

describe('photo previews', () => {
  it('are added by the uploader only, as a small JPEG, and served with ?size=thumb (the photo itself when there is none)', async () => {
    const w = await world();
    const { GET } = await import('@/app/api/files/[id]/route');
    const png = makePng(10, 10, 31);
    const up = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: 'p.png' },
      body(png),
      db,
      storage,
    );
    const id = (up as { value: { id: string } }).value.id;
    const get = async () =>
      Buffer.from(
        await (await GET(new Request(`http://localhost/api/files/${id}?size=thumb`), { params: Promise.resolve({ id }) })).arrayBuffer(),
      );
    signedIn.user = await actorFor(db, w.directorA2);
    expect((await get()).equals(png)).toBe(true);
    const jpeg = makeJpegHeader(5);
    expect(await attachThumbnail(await actorFor(db, w.directorA2), id, body(jpeg), db, storage)).toEqual({ ok: false, error: 'notFound' });
    expect(await attachThumbnail(await actorFor(db, w.directorA), id, body(HTML), db, storage)).toEqual({ ok: false, error: 'invalid' });
    expect(
      await attachThumbnail(await actorFor(db, w.directorA), id, body(Buffer.concat([jpeg, Buffer.alloc(300 * 1024)])), db, storage),
    ).toEqual({ ok: false, error: 'invalid' });
    expect(await attachThumbnail(await actorFor(db, w.directorA), id, body(jpeg), db, storage)).toMatchObject({ ok: true });
    expect((await get()).equals(jpeg)).toBe(true);
  });

  it('refused to anyone but the uploader answers 404 and is audited', async () => {
    const w = await world();
    const { POST } = await import('@/app/api/files/[id]/thumbnail/route');
    const up = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: 'p.png' },
      body(makePng(10, 10, 32)),
      db,
      storage,
    );
    const id = (up as { value: { id: string } }).value.id;
    const post = () =>
      POST(new Request(`http://localhost/api/files/${id}/thumbnail`, { method: 'POST', body: makeJpegHeader(6) }), {
        params: Promise.resolve({ id }),
      });
    const denied = () => db.auditEntry.findMany({ where: { action: 'access.denied', entityType: 'EvidenceFile', entityId: id } });

    // The other side's director sees the photo but did not upload it.
    signedIn.user = await actorFor(db, w.directorA2);
    expect((await post()).status).toBe(404);
    expect(await denied()).toMatchObject([{ actorId: w.directorA2.id, after: { path: `/api/files/${id}/thumbnail` } }]);

    signedIn.user = await actorFor(db, w.directorA);
    expect((await post()).status).toBe(204);
    expect(await denied()).toHaveLength(1);
  });
});

describe('duplicate photos', () => {
  it('are flagged when the same photo is proof for two activities, to admins in scope only', async () => {
    const w = await world();
    const second = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      title: '另一次活动',
    });
    const photo = makePng(7, 7, 99 + Math.floor(Math.random() * 1000));
    const me = await actorFor(db, w.directorA);
    const first = await uploadEvidence(me, { target: 'activity', id: w.activity.id, name: 'a.png' }, body(photo), db, storage);
    expect(first).toMatchObject({ ok: true, value: { duplicates: 0 } });
    // The uploading director is not told (docs/decisions/008); the admins' list below is.
    const again = await uploadEvidence(me, { target: 'activity', id: second.id, name: 'b.png' }, body(photo), db, storage);
    expect(again).toMatchObject({ ok: true, value: { duplicates: 0 } });

    const mine = (rows: { first: { activityId: string }; second: { activityId: string } }[]) =>
      rows.filter((r) => [r.first.activityId, r.second.activityId].sort().join() === [w.activity.id, second.id].sort().join());
    expect(mine(await listDuplicatePhotos(await actorFor(db, w.countyAdminA), db))).toHaveLength(1);
    expect(mine(await listDuplicatePhotos(await actorFor(db, w.cityAdmin), db))).toHaveLength(1);
    expect(mine(await listDuplicatePhotos(await actorFor(db, w.countyAdminB), db))).toHaveLength(0);
    expect(await listDuplicatePhotos(await actorFor(db, w.directorA), db)).toEqual([]);
    const flags = await duplicatesForActivity(await actorFor(db, w.countyAdminA), w.activity.id, db);
    expect(flags.map((f) => f.otherActivityId)).toEqual([second.id]);
    expect(await duplicatesForActivity(await actorFor(db, w.directorA), w.activity.id, db)).toEqual([]);
  });
});

describe('S3-compatible storage', () => {
  it('stores, streams back and removes a file on a real S3 server (s3rver)', async () => {
    const { default: S3rver } = await import('s3rver');
    const s3dir = await mkdtemp(path.join(tmpdir(), 'hih-s3-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3dir,
      configureBuckets: [{ name: 'evidence', configs: [] }],
    });
    const { port } = (await server.run()) as { port: number };
    try {
      const s3 = new S3Storage({
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'evidence',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        region: 'us-east-1',
        forcePathStyle: true,
      });
      const src = path.join(s3dir, 'src.pdf');
      const bytes = Buffer.concat([makePdf('s3'), Buffer.alloc(3 * 1024 * 1024, 7)]);
      await (await import('node:fs/promises')).writeFile(src, bytes);
      await s3.putFile('2026-11/0123456789abcdef', src, 'application/pdf');
      const back = Buffer.concat(await (await s3.read('2026-11/0123456789abcdef')).toArray());
      expect(back.equals(bytes)).toBe(true);
      await s3.remove('2026-11/0123456789abcdef');
      await expect(s3.read('2026-11/0123456789abcdef')).rejects.toThrow(/404/);
      await expect(s3.read('../etc/passwd')).rejects.toThrow(/invalid storage key/);
    } finally {
      await server.close();
      await rm(s3dir, { recursive: true, force: true });
    }
  });
});
