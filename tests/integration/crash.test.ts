// A process saving activities and uploading evidence through the app's commands is killed with
// SIGKILL mid-work (crash-worker.ts). Afterwards: every answered save and upload is there, no
// half-written change is visible (each row has its audit entry and each audit entry its row; each
// file row's bytes are whole), and the files stored without a row are exactly what
// `npm run files:orphans` lists and removes. What this does not cover: the Next.js server process
// itself (the commands are what it runs; the HTTP layer holds no state) and a power cut (the kernel
// still flushes what a killed process wrote).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hih-crash-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function storedKeys() {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

const WORKER = 'hih-crash-worker';
function workerUrl() {
  const u = new URL(process.env.DATABASE_URL!);
  u.searchParams.set('application_name', WORKER);
  return u.toString();
}
async function workerSessions() {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${WORKER}`;
  return n;
}

function orphans(...flags: string[]) {
  return spawnSync(process.execPath, ['scripts/files-orphans.mjs', ...flags], {
    cwd: root,
    env: { ...process.env, FILE_STORAGE_DIR: dir },
    encoding: 'utf8',
  });
}

describe('a crash in the middle of saves and uploads', () => {
  it('keeps every answered save and upload, shows nothing half-written, and the orphans command removes the stray files', async () => {
    const w = await createPairingWorld(db);
    const targets = [];
    for (let i = 0; i < 3; i++)
      targets.push(
        await createActivity(db, {
          pairingId: w.pairingA.id,
          recordingKindergartenId: w.kgA.id,
          createdById: w.directorA.id,
          status: 'PLANNED',
          type: 'SENT_DEMONSTRATION',
          direction: 'TO_ASSISTED',
          title: `upload target ${i}`,
          classHours: 2,
        }),
      );

    const child = spawn(
      // node itself, not the tsx launcher: the launcher runs the script in a child that SIGKILL would miss.
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './scripts/outside-next.mjs',
        'tests/integration/crash-worker.ts',
        JSON.stringify({
          directorId: w.directorA.id,
          pairingId: w.pairingA.id,
          activityIds: targets.map((t) => t.id),
          now: '2026-03-10T04:00:00Z',
        }),
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: workerUrl(), FILE_STORAGE_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const saved = new Map<string, string>();
    const uploaded = new Set<string>();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let pending = '';
    child.stdout.on('data', (d) => {
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [what, id, ...title] = line.split(' ');
        if (what === 'SAVED') saved.set(id, title.join(' '));
        if (what === 'UPLOADED') uploaded.add(id);
      }
    });
    const exited = new Promise<NodeJS.Signals | number | null>((r) => child.on('exit', (code, signal) => r(signal ?? code)));

    // Kill once there is plenty in flight: answered saves and uploads, more of both under way.
    const deadline = Date.now() + 90_000;
    while ((saved.size < 20 || uploaded.size < 4) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(child.exitCode, stderr).toBeNull();
    await new Promise((r) => setTimeout(r, 37));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // "Afterwards" is once the database has finished with the dead process's sessions: a COMMIT it sent
    // just before dying still completes, and must then be whole.
    for (let i = 0; i < 200 && (await workerSessions()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await workerSessions()).toBe(0);
    expect(saved.size).toBeGreaterThanOrEqual(20);
    expect(uploaded.size).toBeGreaterThanOrEqual(4);

    // Every answered save is there, as answered.
    const rows = await db.activity.findMany({
      where: { pairingId: w.pairingA.id, title: { startsWith: 'crash ' } },
      select: { id: true, title: true, classHours: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, title] of saved) expect(byId.get(id)?.title, id).toBe(title);
    // Nothing half-written: each activity with its audit entry, each audit entry with its activity.
    const created = await db.auditEntry.findMany({
      where: { action: 'activity.created', actorId: w.directorA.id },
      select: { entityId: true },
    });
    expect(created.map((a) => a.entityId).sort()).toEqual(rows.map((r) => r.id).sort());

    // Every answered upload is there; every file row (answered or committed just before the kill)
    // has its audit entry and whole bytes in storage.
    const files = await db.evidenceFile.findMany({
      where: { activityId: { in: targets.map((t) => t.id) } },
      select: { id: true, storageKey: true, sha256: true, size: true },
    });
    for (const id of uploaded) expect(files.map((f) => f.id)).toContain(id);
    const audited = await db.auditEntry.findMany({
      where: { action: 'evidence.uploaded', actorId: w.directorA.id },
      select: { entityId: true },
    });
    expect(audited.map((a) => a.entityId).sort()).toEqual(files.map((f) => f.id).sort());
    for (const f of files) {
      const bytes = await readFile(path.join(dir, f.storageKey));
      expect(bytes.length, f.id).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex'), f.id).toBe(f.sha256);
    }

    // Whatever the kill left in storage without a row, plus one stray from an older crash and one
    // upload still in flight (young: must be left alone).
    await mkdir(path.join(dir, '2026-01'), { recursive: true });
    const old = '2026-01/0b5e4a1c-3f9e-4d8a-9c61-0d2f1e7b9a00';
    await writeFile(path.join(dir, old), 'interrupted upload');
    const past = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(dir, old), past, past);
    const young = '2026-01/7a0c9f3e-1b2d-4e5f-8a9b-c0d1e2f3a4b5';
    await writeFile(path.join(dir, young), 'in flight');
    const rowKeys = new Set(files.map((f) => f.storageKey));
    const strays = (await storedKeys()).filter((k) => !rowKeys.has(k));
    expect(strays).toContain(old);

    // Default cut-off (an hour): only the old stray is listed; nothing is removed without --delete.
    const listed = orphans();
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`orphan ${old} `);
    expect(listed.stdout).not.toContain(young);
    expect(await storedKeys()).toContain(old);

    // The kill's own strays are seconds old: --older-than 0 takes them too, and says what it removed.
    const removed = orphans('--delete', '--older-than', '0');
    expect(removed.status, removed.stderr).toBe(0);
    const said = [...removed.stdout.matchAll(/^removed (\S+) /gm)].map((m) => m[1]).sort();
    expect(said).toEqual(strays.sort());
    expect(removed.stdout).toContain(`Removed ${strays.length} file`);
    expect((await storedKeys()).sort()).toEqual([...rowKeys].sort());
  }, 150_000);

  it('a storage write cut off by SIGKILL leaves no bytes under the key, only a .partial file the orphans command removes', async () => {
    const sub = await mkdtemp(path.join(dir, 'put-'));
    const fifo = path.join(sub, 'source');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const key = '2026-03/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const store = path.join(sub, 'files');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './scripts/outside-next.mjs', 'tests/integration/crash-worker.ts', 'put', key, fifo],
      {
        cwd: root,
        env: { ...process.env, FILE_STORAGE_DIR: store },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise((r) => child.on('exit', (code, signal) => r(signal ?? code)));
    // Half a document, then silence: the write is under way and waits for the rest.
    const writer = await open(fifo, 'w');
    await writer.write(Buffer.alloc(512 * 1024, 7));
    const deadline = Date.now() + 30_000;
    const written = async () => {
      for (const e of await readdir(store, { recursive: true, withFileTypes: true }).catch(() => [])) {
        if (e.isFile() && (await stat(path.join(e.parentPath, e.name))).size > 0) return true;
      }
      return false;
    };
    while (!(await written()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await writer.close().catch(() => {});
    expect(out).not.toContain('STORED');

    // The key a row would name has no cut bytes behind it; what was written is a stray.
    expect(existsSync(path.join(store, key))).toBe(false);
    const left = (await readdir(store, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(left.map((e) => e.name)).toEqual([expect.stringMatching(/\.partial$/)]);
    const removed = spawnSync(process.execPath, ['scripts/files-orphans.mjs', '--delete', '--older-than', '0'], {
      cwd: root,
      env: { ...process.env, FILE_STORAGE_DIR: store },
      encoding: 'utf8',
    });
    expect(removed.stdout).toContain(`removed 2026-03/${left[0].name} `);
    expect((await readdir(path.join(store, '2026-03'))).length).toBe(0);
  }, 60_000);
});
