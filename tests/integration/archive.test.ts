import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import { uploadEvidence } from '@/lib/evidence/commands';
import { archiveCompleteness, getArchive } from '@/lib/archive/queries';
import { actorFor } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { makeDocx, makePng } from '../fixtures/evidence-files';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guards (requireRouteUser, denyRoute and the audit they write) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-archive-'));
  process.env.FILE_STORAGE_DIR = path.join(dir, 'files');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function world() {
  const w = await createPairingWorld(db);
  const base = { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id };
  const full = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };
  const complete = await createActivity(db, {
    ...base,
    ...full,
    status: 'DONE',
    title: '送教下乡：科学活动《沉与浮》',
    type: 'SENT_DEMONSTRATION',
    classHours: 2,
    startsAt: new Date('2025-10-12T01:00:00Z'),
    participantIds: [w.teacherA.id],
  });
  await createActivity(db, { ...base, ...full, record: '', status: 'DONE', title: '缺记录', startsAt: new Date('2025-11-03T01:00:00Z') });
  await createActivity(db, {
    ...base,
    ...full,
    plan: ' ',
    summary: '',
    status: 'DONE',
    confirmation: 'DISPUTED',
    title: '缺计划和总结',
    startsAt: new Date('2026-03-03T01:00:00Z'),
  });
  await createActivity(db, { ...base, status: 'PLANNED', title: '计划中', startsAt: new Date('2026-05-03T01:00:00Z') });
  await createActivity(db, { ...base, ...full, status: 'CANCELLED', title: '已取消', startsAt: new Date('2026-04-03T01:00:00Z') });
  // Outside the academic year 2025–2026 (starts 1 Sep 2025 in Shanghai).
  await createActivity(db, { ...base, ...full, status: 'DONE', title: '上一学年', startsAt: new Date('2025-08-31T15:00:00Z') });
  await createActivity(db, { ...base, ...full, status: 'DONE', title: '下一学年', startsAt: new Date('2026-08-31T16:30:00Z') });
  // Photos go on before the other side confirms; a confirmed activity is fixed.
  const confirm = () =>
    db.activity.update({
      where: { id: complete.id },
      data: { confirmation: 'CONFIRMED', confirmedById: w.directorA2.id, confirmedAt: new Date() },
    });
  return { ...w, complete, confirm };
}

describe('the archive', () => {
  it('counts completeness in SQL for the academic year', async () => {
    const w = await world();
    const storage = new LocalStorage(process.env.FILE_STORAGE_DIR!);
    await uploadEvidence(
      await actorFor(db, w.directorA),
      { target: 'activity', id: w.complete.id, name: 'a.png' },
      Readable.from([makePng(4, 4, 11)]),
      db,
      storage,
    );
    await w.confirm();
    const c = await archiveCompleteness(w.pairingA.id, 2025, db);
    expect(c).toMatchObject({
      total: 4,
      done: 3,
      planned: 1,
      complete: 1,
      missingPlan: 1,
      missingMeasures: 0,
      missingRecord: 1,
      missingSummary: 1,
      pending: 1,
      confirmed: 1,
      disputed: 1,
      withEvidence: 1,
      completePct: 33.3,
      confirmedPct: 33.3,
      evidencePct: 33.3,
    });
    const empty = await archiveCompleteness(w.pairingA.id, 2030, db);
    expect(empty).toMatchObject({ total: 0, done: 0, completePct: null });
  });

  it('is visible to both sides and admins in scope, to nobody else', async () => {
    const w = await world();
    for (const u of [w.directorA, w.directorA2, w.teacherA, w.teacherA2, w.countyAdminA, w.cityAdmin]) {
      expect(await getArchive(await actorFor(db, u), w.pairingA.id, 2025, db)).not.toBeNull();
    }
    for (const u of [w.directorB, w.directorA3, w.countyAdminB, w.teacherB]) {
      expect(await getArchive(await actorFor(db, u), w.pairingA.id, 2025, db)).toBeNull();
    }
  });

  it('lists a programme’s dated session records, not just their number', async () => {
    const w = await world();
    const programme = await db.programme.create({
      data: {
        pairingId: w.pairingA.id,
        kindergartenId: w.pairingA.assistedId,
        kind: 'RESEARCH',
        academicYear: 2025,
        title: '乡土材料专题研究',
        createdById: w.directorA2.id,
        records: {
          create: [
            { heldOn: new Date('2025-11-20T00:00:00Z'), title: '第二次研讨', createdById: w.directorA2.id },
            { heldOn: new Date('2025-10-09T00:00:00Z'), title: '开题', createdById: w.directorA2.id },
          ],
        },
      },
    });
    const a = await getArchive(await actorFor(db, w.countyAdminA), w.pairingA.id, 2025, db);
    expect(a!.programmes.find((p) => p.id === programme.id)!.records.map((r) => r.title)).toEqual(['开题', '第二次研讨']);
  });

  it('downloads as a streamed zip with the photos by category and month and a Chinese index PDF', async () => {
    const w = await world();
    const storage = new LocalStorage(process.env.FILE_STORAGE_DIR!);
    const me = await actorFor(db, w.directorA);
    for (const [name, bytes] of [
      ['1.png', makePng(6, 6, 21)],
      ['2.png', makePng(6, 6, 22)],
      ['教学方案.docx', await makeDocx()],
    ] as const) {
      expect(await uploadEvidence(me, { target: 'activity', id: w.complete.id, name }, Readable.from([bytes]), db, storage)).toMatchObject({
        ok: true,
      });
    }
    await w.confirm();
    const { GET } = await import('@/app/api/archive/[id]/route');
    const call = (year: number) =>
      GET(new Request(`http://localhost/api/archive/${w.pairingA.id}?year=${year}`), { params: Promise.resolve({ id: w.pairingA.id }) });

    signedIn.user = await actorFor(db, w.directorB);
    expect((await call(2025)).status).toBe(404);
    expect(
      await db.auditEntry.count({
        where: { action: 'access.denied', actorId: w.directorB.id, entityType: 'Pairing', entityId: w.pairingA.id },
      }),
    ).toBe(1);

    signedIn.user = await actorFor(db, w.countyAdminA);
    const res = await call(2025);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const zipPath = path.join(dir, 'a.zip');
    await writeFile(zipPath, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const folder = `活动/2025-10/2025-10-12-送教下乡：科学活动《沉与浮》-${w.complete.id.slice(-4)}`;
    expect(listing).toEqual(
      expect.arrayContaining(['00-档案索引.pdf', `${folder}/照片-1.png`, `${folder}/照片-2.png`, `${folder}/教学方案.docx`]),
    );
    const pdf = execFileSync('unzip', ['-p', zipPath, '00-档案索引.pdf']);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const photo = execFileSync('unzip', ['-p', zipPath, `${folder}/照片-2.png`]);
    expect(photo.equals(makePng(6, 6, 22))).toBe(true);
    if (process.env.KEEP_ARCHIVE_PDF) await writeFile(process.env.KEEP_ARCHIVE_PDF, pdf);
    expect(
      await db.auditEntry.count({ where: { action: 'archive.downloaded', actorId: w.countyAdminA.id, entityId: w.pairingA.id } }),
    ).toBe(1);
  });
});
