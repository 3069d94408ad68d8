// npm run backup / npm run restore end to end: the demo city plus uploaded files on an embedded
// PostgreSQL of its own (a base backup copies a whole server, so not the suite's shared database),
// backed up while the server runs, restored into an empty folder and started on another port.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { LocalStorage } from '@/lib/storage';
import { uploadEvidence } from '@/lib/evidence/commands';
import { ensureDatabase } from '../../scripts/db/postgres.mjs';
import { actorFor } from '../fixtures/factories';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { makePdf, makePng } from '../fixtures/evidence-files';

const root = path.resolve(import.meta.dirname, '../..');
const port = () => 55000 + Math.floor(Math.random() * 5000);
type Server = { url: string; stop: () => Promise<void> };

/** The embedded server, whatever DATABASE_URL the suite runs against (ensureDatabase prefers it). */
async function embedded(dataDir: string): Promise<Server> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await ensureDatabase({ dataDir, port: port(), database: 'handinhand' });
  } finally {
    process.env.DATABASE_URL = saved;
  }
}

/** Runs a project script as an operator would: no DATABASE_URL, storage in the data folder. */
function run(cmd: string, args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'FILE_STORAGE_DIR', 'S3_BUCKET', 'HIH_DATA_DIR', 'INIT_CWD']) delete base[k];
  return spawnSync(cmd, args, { cwd: root, env: { ...base, ...env }, encoding: 'utf8', timeout: 240_000 });
}

async function rowCounts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { t } of tables) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM ${c.escapeIdentifier(t)}`);
      counts[t] = rows[0].n;
    }
    return counts;
  } finally {
    await c.end();
  }
}

async function fileChecksums(dir: string) {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = createHash('sha256')
      .update(await readFile(p))
      .digest('hex');
  }
  return out;
}

let work: string;
let source: Server | null = null;
let restored: Server | null = null;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hih-backup-'));
  // The embedded server runs as the 'postgres' OS user when we are root: it must reach these folders.
  await chmod(work, 0o755);
});
afterAll(async () => {
  await restored?.stop();
  await source?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('restores the demo city and its uploaded files elsewhere: every table row count and every file checksum equal', async () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    source = await embedded(path.join(a, 'pg'));
    const migrated = run(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], { DATABASE_URL: source.url });
    expect(migrated.status, migrated.stderr).toBe(0);
    // The demo's own photos go where npm start keeps uploads: the data folder's files/.
    const seeded = run(path.join(root, 'node_modules/.bin/tsx'), ['prisma/seed.ts'], {
      DATABASE_URL: source.url,
      FILE_STORAGE_DIR: path.join(a, 'files'),
    });
    expect(seeded.status, seeded.stderr).toBe(0);

    // Uploads through the real command, into local storage in the data folder as npm start sets it up.
    const sdb = new PrismaClient({ adapter: new PrismaPg({ connectionString: source.url }) });
    const storage = new LocalStorage(path.join(a, 'files'));
    try {
      const director = await sdb.user.findFirstOrThrow({ where: { phone: DEMO_ACCOUNTS.urbanDirector } });
      const me = await actorFor(sdb, director);
      // The director's own records; confirmed ones are locked and refuse files, so some uploads may say so.
      const activities = await sdb.activity.findMany({
        where: { recordingKindergartenId: director.kindergartenId!, status: { not: 'CANCELLED' } },
        take: 8,
        select: { id: true },
      });
      let n = 0;
      for (const act of activities) {
        for (const [name, bytes] of [
          [`photo-${n}.png`, makePng(40, 30, n + 7)],
          [`report-${n}.pdf`, makePdf(`report ${n}`)],
        ] as const) {
          const r = await uploadEvidence(me, { target: 'activity', id: act.id, name }, Readable.from([bytes]), sdb, storage);
          if (r.ok) n++;
        }
      }
      expect(n).toBeGreaterThanOrEqual(4);
    } finally {
      await sdb.$disconnect();
    }
    const sourceCounts = await rowCounts(source.url);
    const sourceFiles = await fileChecksums(path.join(a, 'files'));
    expect(sourceCounts.EvidenceFile).toBeGreaterThanOrEqual(4);
    expect(Object.keys(sourceFiles)).toHaveLength(sourceCounts.EvidenceFile);
    expect(sourceCounts.Activity).toBeGreaterThan(10);

    // Backed up while the source server runs (reused from its postmaster.pid, left running).
    const file = path.join(work, 'nightly.tar.gz');
    const backup = run(process.execPath, ['scripts/backup.mjs', file], { HIH_DATA_DIR: a });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`files: ${Object.keys(sourceFiles).length} `);

    const restore = run(process.execPath, ['scripts/restore.mjs', file], { HIH_DATA_DIR: b });
    expect(restore.status, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toContain('every entry matched its SHA-256');
    expect(restore.stdout).not.toContain('row counts differ');

    restored = await embedded(path.join(b, 'pg'));
    expect(new URL(restored.url).port).not.toBe(new URL(source.url).port);
    expect(await rowCounts(restored.url)).toEqual(sourceCounts);
    expect(await fileChecksums(path.join(b, 'files'))).toEqual(sourceFiles);
    // And the rows still name those bytes: every stored checksum matches its restored file.
    const c = new pg.Client({ connectionString: restored.url });
    await c.connect();
    const { rows } = await c
      .query<{ storageKey: string; sha256: string }>('SELECT "storageKey", sha256 FROM "EvidenceFile"')
      .finally(() => c.end());
    expect(Object.fromEntries(rows.map((r) => [r.storageKey, r.sha256]))).toEqual(sourceFiles);

    // A second restore into the same folder is refused and changes nothing.
    const again = run(process.execPath, ['scripts/restore.mjs', file], { HIH_DATA_DIR: b });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('is not empty');
    expect(await rowCounts(restored.url)).toEqual(sourceCounts);

    // A damaged backup is refused and leaves the empty target empty.
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const damaged = path.join(work, 'damaged.tar.gz');
    await writeFile(damaged, bytes);
    const c2 = path.join(work, 'c');
    const bad = run(process.execPath, ['scripts/restore.mjs', damaged], { HIH_DATA_DIR: c2 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Restore failed');
    expect(await readdir(c2).catch(() => [])).toEqual([]);
  }, 300_000);
});
