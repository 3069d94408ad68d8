import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import { attachThumbnail, uploadEvidence } from '@/lib/evidence/commands';
import { confirmActivity } from '@/lib/activities/commands';
import { actorFor } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { makeJpegHeader, makePdf, makePng } from '../fixtures/evidence-files';

const signedIn = vi.hoisted(() => ({ user: null as unknown, locale: 'zh' as 'zh' | 'en' }));
// The real route guards (requireRouteUser, denyRoute and the audit they write) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));
// Outside a Next request there is no locale cookie: the route's messages come from the real catalogues
// (read from the files, as src/i18n/catalogue.ts does).
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { readdirSync, readFileSync } = await import('node:fs');
  const load = (locale: string) => {
    const folder = `${process.cwd()}/messages/${locale}`;
    return Object.assign({}, ...readdirSync(folder).map((f) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8'))));
  };
  return {
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: signedIn.locale, messages: load(signedIn.locale), namespace: namespace as never }),
  };
});

const MB = 1024 * 1024;
let dir: string;
let storage: LocalStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-uploads-'));
  process.env.FILE_STORAGE_DIR = dir;
  storage = new LocalStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const body = (b: Buffer) => Readable.from([b]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
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

/** A document of `size` bytes: a real PDF head, then random bytes (so a cut file has another hash). */
const bigPdf = (size: number) => {
  const head = makePdf('big');
  return Buffer.concat([head, randomBytes(size - head.length)]);
};

/** A body sent in 1 MB pieces without a Content-Length (Transfer-Encoding: chunked); `read()` says how much was taken. */
function chunked(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(MB, total - sent);
      const piece = new Uint8Array(n);
      if (sent === 0) piece.set(makePdf('chunked'));
      controller.enqueue(piece);
      sent += n;
    },
  });
  return { stream, read: () => sent };
}

async function routes() {
  const upload = (await import('@/app/api/files/route')).POST;
  const file = (await import('@/app/api/files/[id]/route')).GET;
  const thumbnail = (await import('@/app/api/files/[id]/thumbnail/route')).POST;
  return { upload, file, thumbnail };
}

const uploadUrl = (activityId: string, name: string) =>
  `http://localhost/api/files?target=activity&id=${activityId}&name=${encodeURIComponent(name)}`;

describe('the size an upload declares', () => {
  it('a body shorter than its Content-Length (cut on the way) is refused and nothing is stored', async () => {
    const w = await world();
    const { upload } = await routes();
    signedIn.user = await actorFor(db, w.directorA);
    const whole = bigPdf(15 * MB);
    const before = await storedCount();
    // What the proxy's 10 MB buffer used to hand the route: the first 10 MiB, with the original header.
    const res = await upload(
      new Request(uploadUrl(w.activity.id, '方案.pdf'), {
        method: 'POST',
        body: whole.subarray(0, 10 * MB),
        headers: { 'content-length': String(whole.length) },
      }),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: '文件没有完整收到，未保存。请点“重试”。' });
    expect(await storedCount()).toBe(before);
    expect(await db.evidenceFile.count({ where: { activityId: w.activity.id } })).toBe(0);

    // The command itself checks it, for any caller.
    expect(
      await uploadEvidence(
        await actorFor(db, w.directorA),
        { target: 'activity', id: w.activity.id, name: 'a.pdf' },
        body(makePdf()),
        db,
        storage,
        { declaredSize: makePdf().length + 1 },
      ),
    ).toEqual({ ok: false, error: 'invalid', message: 'evidence.errors.incomplete' });
  });

  it('a 25 MB body sent chunked, without a Content-Length, is read to its end and refused with "at most 20 MB"; nothing is stored', async () => {
    const w = await world();
    const { upload } = await routes();
    signedIn.user = await actorFor(db, w.directorA);
    signedIn.locale = 'en';
    try {
      const before = await storedCount();
      const body25 = chunked(25 * MB);
      const req = new Request(uploadUrl(w.activity.id, 'huge.pdf'), { method: 'POST', body: body25.stream, duplex: 'half' } as RequestInit);
      expect(req.headers.get('content-length')).toBeNull();
      const res = await upload(req);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: 'File too large: documents up to 20 MB.' });
      // Read on to the end: a reset connection would show the uploader "network error" instead.
      expect(body25.read()).toBe(25 * MB);
      expect(await storedCount()).toBe(before);
      expect(await db.evidenceFile.count({ where: { activityId: w.activity.id } })).toBe(0);

      // Declared too large: refused before reading.
      const declared = await upload(
        new Request(uploadUrl(w.activity.id, 'huge.pdf'), {
          method: 'POST',
          body: makePdf(),
          headers: { 'content-length': String(21 * MB) },
        }),
      );
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual({ error: 'File too large: documents up to 20 MB.' });
    } finally {
      signedIn.locale = 'zh';
    }
  });

  it('a 15 MB document arrives byte for byte, with its SHA-256, and downloads back whole', async () => {
    const w = await world();
    const { upload, file } = await routes();
    signedIn.user = await actorFor(db, w.directorA);
    const whole = bigPdf(15 * MB);
    const res = await upload(
      new Request(uploadUrl(w.activity.id, '大文件.pdf'), {
        method: 'POST',
        body: whole,
        headers: { 'content-length': String(whole.length) },
      }),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const row = await db.evidenceFile.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ size: whole.length, sha256: sha256(whole), kind: 'DOCUMENT', mimeType: 'application/pdf' });
    expect(sha256(Buffer.concat(await (await storage.read(row.storageKey)).toArray()))).toBe(sha256(whole));

    // Chunked, without a Content-Length, works as well.
    const piecewise = await upload(
      new Request(uploadUrl(w.activity.id, 'chunked.pdf'), {
        method: 'POST',
        body: Readable.toWeb(Readable.from([whole.subarray(0, 7 * MB), whole.subarray(7 * MB)])),
        duplex: 'half',
      } as RequestInit),
    );
    expect(piecewise.status).toBe(201);
    const second = (await piecewise.json()) as { id: string };
    expect((await db.evidenceFile.findUniqueOrThrow({ where: { id: second.id } })).sha256).toBe(sha256(whole));

    const back = await file(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
    expect(back.status).toBe(200);
    expect(sha256(Buffer.from(await back.arrayBuffer()))).toBe(sha256(whole));
  });
});

describe('evidence files on a shared computer', () => {
  it('are never kept in the browser cache: documents, photos and previews are served no-store', async () => {
    const w = await world();
    const { file } = await routes();
    const me = await actorFor(db, w.directorA);
    const doc = await uploadEvidence(me, { target: 'activity', id: w.activity.id, name: '教案.pdf' }, body(makePdf('cache')), db, storage);
    const photo = await uploadEvidence(
      me,
      { target: 'activity', id: w.activity.id, name: '照片.png' },
      body(makePng(6, 6, 11)),
      db,
      storage,
    );
    const docId = (doc as { value: { id: string } }).value.id;
    const photoId = (photo as { value: { id: string } }).value.id;
    expect(await attachThumbnail(me, photoId, body(makeJpegHeader(9)), db, storage)).toMatchObject({ ok: true });
    signedIn.user = await actorFor(db, w.directorA2);
    for (const [id, query] of [
      [docId, ''],
      [photoId, ''],
      [photoId, '?size=thumb'],
    ]) {
      const res = await file(new Request(`http://localhost/api/files/${id}${query}`), { params: Promise.resolve({ id }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
  });
});

describe('the duplicate count in the upload answer', () => {
  it('tells a director nothing about the same photo in another county (nor in their own)', async () => {
    const w = await world();
    const activityB = await createActivity(db, {
      pairingId: w.pairingB.id,
      recordingKindergartenId: w.kgB.id,
      createdById: w.directorB.id,
      status: 'DONE',
      title: '东山的活动',
    });
    const second = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      title: '另一次活动',
    });
    const photo = makePng(7, 7, 500 + Math.floor(Math.random() * 1000));
    const inA = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.activity.id, name: 'a.png' },
      body(photo),
      db,
      storage,
    );
    expect(inA).toMatchObject({ ok: true, value: { duplicates: 0 } });
    // Another county's director uploads the same picture: the city-wide count said 1.
    const inB = await uploadEvidence(
      await actorFor(db, w.directorB),
      { target: 'activity', id: activityB.id, name: 'b.png' },
      body(photo),
      db,
      storage,
    );
    expect(inB).toMatchObject({ ok: true, value: { duplicates: 0 } });
    // The flag is an inspection signal for admins (docs/decisions/008), so not even one's own re-use is counted.
    const again = await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: second.id, name: 'c.png' },
      body(photo),
      db,
      storage,
    );
    expect(again).toMatchObject({ ok: true, value: { duplicates: 0 } });
  });
});

describe('the download name', () => {
  it('ends in the extension of the detected type: report.pdf.html holding a PDF downloads as report.pdf.html.pdf', async () => {
    const w = await world();
    const { file } = await routes();
    const me = await actorFor(db, w.directorA);
    const up = async (name: string, bytes: Buffer) => {
      const r = await uploadEvidence(me, { target: 'activity', id: w.activity.id, name }, body(bytes), db, storage);
      const id = (r as { value: { id: string } }).value.id;
      return { id, stored: (await db.evidenceFile.findUniqueOrThrow({ where: { id } })).originalName };
    };
    const html = await up('report.pdf.html', makePdf('disguised'));
    expect(html.stored).toBe('report.pdf.html.pdf');
    expect((await up('教案', makePdf('bare'))).stored).toBe('教案.pdf');
    expect((await up('方案.PDF', makePdf('upper'))).stored).toBe('方案.PDF');
    expect((await up('photo.jpeg', makeJpegHeader(3))).stored).toBe('photo.jpeg');
    expect((await up('photo.png', makeJpegHeader(4))).stored).toBe('photo.png.jpg');

    signedIn.user = await actorFor(db, w.directorA2);
    const download = async (id: string) =>
      parse(
        (await file(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) })).headers.get(
          'content-disposition',
        )!,
      ).parameters;
    expect(await download(html.id)).toMatchObject({ filename: 'report.pdf.html.pdf' });
    // A file stored before the check keeps its row; its download name is fixed when served.
    await db.evidenceFile.update({ where: { id: html.id }, data: { originalName: 'old.pdf.html' } });
    expect(await download(html.id)).toMatchObject({ filename: 'old.pdf.html.pdf' });
  });
});

describe('a photo preview', () => {
  it('is an evidence change: audited, moves the activity version, refused once the other side confirmed', async () => {
    const w = await world();
    const { thumbnail } = await routes();
    const me = await actorFor(db, w.directorA);
    const up = await uploadEvidence(me, { target: 'activity', id: w.activity.id, name: 'p.png' }, body(makePng(8, 8, 41)), db, storage);
    const id = (up as { value: { id: string } }).value.id;
    const seen = (await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).version;

    expect(await attachThumbnail(me, id, body(makeJpegHeader(11)), db, storage)).toMatchObject({ ok: true });
    const entries = await db.auditEntry.findMany({ where: { action: 'evidence.previewSaved', entityId: id } });
    expect(entries).toMatchObject([{ actorId: w.directorA.id, kindergartenId: w.kgA.id, entityType: 'EvidenceFile' }]);
    expect(entries[0].after).toMatchObject({ previewSha256: sha256(makeJpegHeader(11)), activityId: w.activity.id });
    expect((await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).version).toBe(seen + 1);
    // The other director's page, read before the preview changed, cannot confirm it unseen.
    const other = { ...(await actorFor(db, w.directorA2)), name: '甲二园长' };
    expect(await confirmActivity(other, { id: w.activity.id, version: seen, decision: 'CONFIRMED' }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
    expect(await confirmActivity(other, { id: w.activity.id, version: seen + 1, decision: 'CONFIRMED' }, db)).toMatchObject({ ok: true });

    // Confirmed: the preview is fixed like the photos, and nothing is written.
    const confirmedVersion = (await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).version;
    const before = Buffer.concat(
      await (await storage.read(`${(await db.evidenceFile.findUniqueOrThrow({ where: { id } })).storageKey}-t`)).toArray(),
    );
    expect(await attachThumbnail(me, id, body(makeJpegHeader(12)), db, storage)).toEqual({ ok: false, error: 'wrongState' });
    signedIn.user = me;
    const res = await thumbnail(new Request(`http://localhost/api/files/${id}/thumbnail`, { method: 'POST', body: makeJpegHeader(13) }), {
      params: Promise.resolve({ id }),
    });
    expect(res.status).toBe(409);
    const after = Buffer.concat(
      await (await storage.read(`${(await db.evidenceFile.findUniqueOrThrow({ where: { id } })).storageKey}-t`)).toArray(),
    );
    expect(after.equals(before)).toBe(true);
    expect(await db.auditEntry.count({ where: { action: 'evidence.previewSaved', entityId: id } })).toBe(1);
    expect((await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).version).toBe(confirmedVersion);
  });
});

describe('an opaque origin', () => {
  it('Origin: null is a foreign origin: the upload answers 403 and the preview 404, both audited, nothing stored', async () => {
    const w = await world();
    const { upload, thumbnail } = await routes();
    const me = await actorFor(db, w.directorA);
    signedIn.user = me;
    const before = await storedCount();
    const headers = { origin: 'null', host: 'localhost' };
    const res = await upload(new Request(uploadUrl(w.activity.id, 'x.pdf'), { method: 'POST', body: makePdf(), headers }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: '你不能为这条记录添加或移除文件。' });
    expect(await storedCount()).toBe(before);
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorId: w.directorA.id, entityId: w.activity.id } })).toBe(1);

    const up = await uploadEvidence(me, { target: 'activity', id: w.activity.id, name: 'p.png' }, body(makePng(8, 8, 42)), db, storage);
    const id = (up as { value: { id: string } }).value.id;
    const t = await thumbnail(
      new Request(`http://localhost/api/files/${id}/thumbnail`, { method: 'POST', body: makeJpegHeader(14), headers }),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(t.status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: 'evidence.previewSaved', entityId: id } })).toBe(0);

    // The page's own origin still passes.
    const same = await upload(
      new Request(uploadUrl(w.activity.id, 'y.pdf'), {
        method: 'POST',
        body: makePdf('same'),
        headers: { origin: 'http://localhost', host: 'localhost' },
      }),
    );
    expect(same.status).toBe(201);
  });
});
