// `npm run bench:load [-- --scale 0.1] [--users 100] [--seconds 60] [--think 1000] [--warmup 10] [--no-build] [--rebuild]`
// Many users at once against the production server: directors saving activities (the real server
// action, posted as the browser posts it), uploading a photo to them (/api/files) and confirming the
// partner's activities (server action); admins on the dashboards, lists and the .xlsx export; API
// clients with personal access tokens. Prints throughput, p50/p95/p99 per route, errors and the
// slowest routes. A script that prints figures, not a test: the machine's load decides them.
//
// The data: the bench's builder (bench/data.mjs) in a database of its own (.data/bench-load, port
// 54480), because this run writes and the read bench's figures must not drift with it. Or
// LOAD_URL=http://host:port plus BENCH_DATABASE_URL=<that server's database, built by the bench>.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { hash } from '@node-rs/argon2';
import { createThrowawayDatabase, dropDatabase, ensureDatabase } from '../db/postgres.mjs';
import { BENCH_CITY_ADMIN, BENCH_COUNTY_ADMIN, BENCH_PASSWORD, buildData, readMarker } from './data.mjs';
import { percentile } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    users: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    // Pause of each simulated user between two requests (ms, ±50 %): people read what they opened.
    think: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '10' },
    rebuild: { type: 'boolean', default: false },
    // Serve the build in .next as it is, even when the sources are newer (no `next build`).
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '3801' },
  },
});
const scale = Number(args.scale);
const USERS = Number(args.users);
const SECONDS = Number(args.seconds);
const THINK = Number(args.think);
if (!(scale > 0 && scale <= 4)) throw new Error('--scale must be in (0, 4]');
// Of every 20 users: 12 directors, 3 admins, 5 API clients.
const counts = { director: Math.round(USERS * 0.6), admin: Math.round(USERS * 0.15) };
counts.api = Math.max(0, USERS - counts.director - counts.admin);
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const base = process.env.LOAD_URL?.replace(/\/$/, '') ?? `http://127.0.0.1:${args.port}`;
let database;
if (process.env.BENCH_DATABASE_URL) database = { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
else if (process.env.LOAD_URL) throw new Error('LOAD_URL needs BENCH_DATABASE_URL: the database that server uses, built by the bench');
else {
  delete process.env.DATABASE_URL;
  database = await ensureDatabase({ dataDir: path.join(root, '.data', 'bench-load', 'pg'), port: 54480, database: 'hih_bench_load' });
}
let server = null;
async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await database.stop();
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

try {
  await prepareData();
  const world = await prepareWorld();
  if (!process.env.LOAD_URL) await startServer();
  const actions = actionIds();
  console.log(`\nSigning in ${world.directors.length} directors and 2 admins through the real sign-in flow…`);
  const sessions = new Map();
  for (const batch of chunks([...world.directors.map((d) => d.login), BENCH_CITY_ADMIN, BENCH_COUNTY_ADMIN], 8))
    await Promise.all(batch.map(async (login) => sessions.set(login, await signIn(login))));

  const stats = new Map();
  const photo = await photoBytes();
  // Warm-up, not counted: one of each kind of user for a few seconds (first renders, pools, JIT).
  let deadline = performance.now() + Number(args.warmup) * 1000;
  await Promise.all([
    directorLoop(world.directors.at(-1), sessions.get(world.directors.at(-1).login), 0),
    adminLoop('city', 0),
    adminLoop('county', 1),
    apiLoop(world.tokens[0], 0),
  ]);
  stats.clear();
  deadline = performance.now() + SECONDS * 1000;
  const users = [
    ...world.directors.slice(0, counts.director).map((d, i) => directorLoop(d, sessions.get(d.login), i)),
    ...Array.from({ length: counts.admin }, (_, i) => adminLoop(i % 3 === 0 ? 'city' : 'county', i)),
    ...Array.from({ length: counts.api }, (_, i) => apiLoop(world.tokens[i % world.tokens.length], i)),
  ];
  console.log(
    `\nLoad: ${counts.director} directors, ${counts.admin} admins, ${counts.api} API clients for ${SECONDS} s, think time ${THINK} ms ±50 % (${base})`,
  );
  const t0 = performance.now();
  await Promise.all(users);
  const elapsed = (performance.now() - t0) / 1000;
  report(stats, elapsed);

  // ---- the simulated people ----
  async function directorLoop(d, cookie, n) {
    await sleep(Math.random() * THINK);
    const rnd = randomBytes(2).readUInt16BE() + n;
    for (let i = 0; performance.now() < deadline; i++) {
      await timed('GET /activities', () => get('/activities', { cookie }));
      await think();
      await timed('GET /activities/new', () => get('/activities/new', { cookie }));
      await think();
      const id = await timed('ACTION save activity', () => saveActivity(cookie, d, `${rnd}-${i}`), actionOk);
      await think();
      if (typeof id === 'string') {
        await timed('POST /api/files (photo)', () => upload(cookie, id, photo()));
        await think();
        await timed('GET /activities/[id]', () => get(`/activities/${id}`, { cookie }));
        await think();
      }
      const pending = d.pending.pop();
      if (pending) {
        await timed('GET /activities/[id]', () => get(`/activities/${pending.id}`, { cookie }));
        await think();
        await timed('ACTION confirm activity', () => confirm(cookie, pending), actionOk);
        await think();
      }
    }
  }
  async function adminLoop(as, n) {
    const cookie = sessions.get(as === 'city' ? BENCH_CITY_ADMIN : BENCH_COUNTY_ADMIN);
    await sleep(Math.random() * THINK);
    for (let i = n; performance.now() < deadline; i++) {
      await timed(`GET /effect-tests (${as})`, () => get('/effect-tests', { cookie }));
      await think();
      await timed(`GET /pairings (${as})`, () => get('/pairings', { cookie }));
      await think();
      await timed(`GET /activities (${as})`, () => get('/activities', { cookie }));
      await think();
      const pairings = world.pairingIds[as];
      await timed(`GET /pairings/[id]/effect-tests (${as})`, () =>
        get(`/pairings/${pairings[i % pairings.length]}/effect-tests`, { cookie }),
      );
      await think();
      // One round in four ends with the city table's download.
      if (i % 4 === 0) await timed(`GET /effect-tests/export (${as})`, () => get('/effect-tests/export', { cookie }));
      await think();
    }
  }
  async function apiLoop(token, n) {
    const authorization = `Bearer ${token}`;
    // Tokens alternate between the city admin's and the county admin's (prepareWorld).
    const pairings = world.pairingIds[world.tokens.indexOf(token) % 2 ? 'county' : 'city'];
    await sleep(Math.random() * THINK);
    for (let i = n; performance.now() < deadline; i++) {
      const res = await timed('API GET /api/v1/activities', () => get('/api/v1/activities?pageSize=100', { authorization }));
      const first = res?.ok ? (await res.clone().json()).data?.[0]?.id : null;
      await think();
      if (first) {
        await timed('API GET /api/v1/activities/[id]', () => get(`/api/v1/activities/${first}`, { authorization }));
        await think();
      }
      await timed('API GET /api/v1/pairings', () => get('/api/v1/pairings?pageSize=100', { authorization }));
      await think();
      await timed('API GET /api/v1/pairings/[id]/effect-tests', () =>
        get(`/api/v1/pairings/${pairings[i % pairings.length]}/effect-tests`, { authorization }),
      );
      await think();
    }
  }

  async function timed(route, fn, ok = (res) => res.status < 400) {
    const s = stats.get(route) ?? stats.set(route, { times: [], errors: 0, statuses: new Map() }).get(route);
    // Past the end nothing more is sent: the figures cover the window only.
    if (performance.now() >= deadline) return null;
    const t = performance.now();
    let res;
    try {
      res = await fn();
      // The whole body counts: a page is not served until its last byte.
      const body = await res.clone().arrayBuffer();
      s.times.push(performance.now() - t);
      const good = await ok(res, body);
      if (!good) {
        s.errors++;
        const key = String(res.status);
        s.statuses.set(key, (s.statuses.get(key) ?? 0) + 1);
      }
      return route.startsWith('ACTION') ? (good ? good : null) : res;
    } catch (error) {
      s.times.push(performance.now() - t);
      s.errors++;
      const key = error?.cause?.code ?? error?.name ?? 'error';
      s.statuses.set(key, (s.statuses.get(key) ?? 0) + 1);
      return null;
    }
  }

  function get(p, headers) {
    return fetch(base + p, { headers, redirect: 'manual' });
  }

  /** The browser's way of calling a server action: Next-Action header, arguments encoded by React. */
  async function callAction(pagePath, action, cookie, fields) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    const body = await actions.encode([{ status: 'idle' }, fd]);
    return fetch(base + pagePath, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'next-action': actions.ids[action], accept: 'text/x-component', origin: base },
      body,
    });
  }
  /** Success is the action's redirect (to the saved activity); a refusal answers 200 with the form's errors. */
  function actionOk(res) {
    const to = res.headers.get('x-action-redirect');
    if (res.status >= 400 || !to) return false;
    return to.match(/\/activities\/([^/?;]+)/)?.[1] ?? true;
  }
  function saveActivity(cookie, d, tag) {
    const day = new Date(Date.now() - (1 + Math.floor(Math.random() * 20)) * 86400_000).toISOString().slice(0, 10);
    return callAction('/activities/new', 'saveActivityAction', cookie, {
      pairingId: d.pairingId,
      type: 'DAILY_OBSERVATION',
      direction: 'TO_ASSISTED',
      targetArea: 'MANAGEMENT',
      status: 'DONE',
      title: `负载测试 日常观察 ${tag}`,
      startDate: day,
      startTime: '09:30',
      location: '基准园',
      plan: '观察一日活动',
      measures: '记录与反馈',
      record: '上午观察了晨间活动和集体教学。',
      summary: '整体良好，区域活动材料需补充。',
      idempotencyKey: randomUUID(),
    });
  }
  function confirm(cookie, a) {
    return callAction(`/activities/${a.id}`, 'confirmActivityAction', cookie, {
      id: a.id,
      version: String(a.version),
      decision: 'CONFIRMED',
      comment: '',
    });
  }
  function upload(cookie, id, bytes) {
    return fetch(`${base}/api/files?target=activity&id=${id}&name=${encodeURIComponent('现场照片.jpg')}`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'image/jpeg' },
      body: bytes,
    });
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);

// ---- preparation ----
async function prepareData() {
  console.log(`Load database: ${database.url.replace(/:[^:@/]*@/, ':***@')}`);
  const marker = await readMarker(database.url).catch(() => null);
  if (!args.rebuild && marker && (process.env.BENCH_DATABASE_URL || marker.scale === scale)) {
    console.log(
      `Reusing bench data at scale ${marker.scale} (${JSON.stringify(marker.counts)}); earlier load runs' activities stay in it.`,
    );
  } else {
    if (process.env.BENCH_DATABASE_URL && marker) throw new Error('will not rebuild the database at BENCH_DATABASE_URL; drop it yourself');
    const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
    const admin = new URL(database.url);
    admin.pathname = '/postgres';
    await dropDatabase(admin.toString(), name);
    await createThrowawayDatabase(admin.toString(), name);
  }
  const migrated = spawnSync(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: 'inherit',
  });
  if (migrated.status !== 0) throw new Error('migrations failed');
  if (!(await readMarker(database.url))) {
    console.log(`Building bench data at scale ${scale}…`);
    const passwordHash = await hash(BENCH_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const built = await buildData(database.url, { scale, passwordHash });
    console.log(`Built in ${built.seconds.toFixed(1)} s: ${JSON.stringify(built.counts)}`);
  }
}

/** Directors who may sign in (both sides of the first pairings), what each may confirm, API tokens. */
async function prepareWorld() {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const half = Math.ceil(counts.director / 2);
    const { rows: pairings } = await client.query(
      `SELECT p.id, p."supportingId", p."assistedId" FROM "Pairing" p JOIN "Kindergarten" k ON k.id = p."supportingId"
       WHERE p."cycleId" = 'bench-cycle-current' ORDER BY k."countyId" = 'bench-county-01' DESC, p.id LIMIT $1`,
      [Math.max(half, 20)],
    );
    const admin = (await client.query(`SELECT "passwordHash" FROM "User" WHERE id = 'bench-city-admin'`)).rows[0].passwordHash;
    const directors = [];
    for (const p of pairings.slice(0, half))
      for (const kg of [p.supportingId, p.assistedId])
        directors.push({ id: `bench-dir-${kg.slice(9)}`, kindergartenId: kg, pairingId: p.id });
    const { rows: logins } = await client.query(`SELECT id, email FROM "User" WHERE id = ANY($1)`, [directors.map((d) => d.id)]);
    for (const d of directors) d.login = logins.find((l) => l.id === d.id).email;
    // The bench's directors cannot sign in (no password): these get the admins' bench password.
    await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE id = ANY($2) AND "passwordHash" <> $1`, [
      admin,
      directors.map((d) => d.id),
    ]);
    const { rows: pending } = await client.query(
      `SELECT id, version, "pairingId", "recordingKindergartenId" FROM "Activity"
       WHERE "pairingId" = ANY($1) AND status = 'DONE' AND confirmation = 'PENDING' ORDER BY id`,
      [directors.map((d) => d.pairingId)],
    );
    for (const d of directors)
      d.pending = pending.filter((a) => a.pairingId === d.pairingId && a.recordingKindergartenId !== d.kindergartenId);
    // One token per API client (the limiter counts per token), half the city's, half the county's.
    await client.query(`DELETE FROM "PersonalAccessToken" WHERE name = 'load'`);
    const tokens = [];
    for (let i = 0; i < Math.max(1, counts.api); i++) {
      const token = 'hih_' + randomBytes(32).toString('base64url');
      await client.query(
        `INSERT INTO "PersonalAccessToken" (id, "ownerId", name, "tokenHash", "lastFour") VALUES ($1, $2, 'load', $3, $4)`,
        [
          `load-token-${i}`,
          i % 2 ? 'bench-county-admin' : 'bench-city-admin',
          createHash('sha256').update(token).digest('hex'),
          token.slice(-4),
        ],
      );
      tokens.push(token);
    }
    await client.query(`DELETE FROM "SignInThrottle"`);
    const { rows: inCounty } = await client.query(
      `SELECT p.id FROM "Pairing" p JOIN "Kindergarten" k ON k.id = p."supportingId"
       WHERE p."cycleId" = 'bench-cycle-current' AND k."countyId" = 'bench-county-01' ORDER BY p.id LIMIT 50`,
    );
    // What each admin may open: the city's any pairing, the county admin's (and token's) only its county's.
    return { directors, tokens, pairingIds: { city: pairings.map((p) => p.id), county: inCounty.map((p) => p.id) } };
  } finally {
    await client.end();
  }
}

/** Action ids of this build, by name, from the manifest the build wrote; React's own argument encoder. */
function actionIds() {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'));
  const ids = {};
  for (const [id, entry] of Object.entries(manifest.node))
    if (entry.filename === 'src/lib/activities/actions.ts') ids[entry.exportedName] = id;
  for (const name of ['saveActivityAction', 'confirmActivityAction'])
    if (!ids[name]) throw new Error(`${name} is not in this build's server-reference-manifest.json`);
  const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node');
  return { ids, encode: encodeReply };
}

async function startServer() {
  if (buildIsStale()) {
    if (args['no-build']) console.log('\nThe build in .next is older than the sources: serving it as it is (--no-build).');
    else {
      console.log('\nBuilding the application (next build)…');
      const built = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit', env: process.env });
      if (built.status !== 0) throw new Error('next build failed');
    }
  }
  // scripts/server.mjs: the production server `npm start` runs. One instance, working the queue too.
  server = spawn(process.execPath, ['scripts/server.mjs', '-p', args.port], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      FILE_STORAGE_DIR: path.join(root, '.data', 'bench-load', 'files'),
      WORKER: 'off',
    },
  });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error('the server exited');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error('the server did not answer within 60 s');
}

/** The real sign-in: Auth.js's CSRF token, then its credentials callback (what /login's action calls). */
async function signIn(identifier) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ identifier, password: BENCH_PASSWORD, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('authjs.session-token')))
    throw new Error(`sign-in as ${identifier} failed (${res.status} ${res.headers.get('location')})`);
  return cookie();
}

/** A different small JPEG each call (a phone photo's content, 640 px): no two uploads are duplicates. */
async function photoBytes() {
  const pool = [];
  for (let i = 0; i < 40; i++) {
    const raw = Buffer.alloc(160 * 120 * 3);
    for (let j = 0; j < raw.length; j++) raw[j] = (j * (i + 7) + Math.floor(Math.random() * 64)) & 255;
    pool.push(
      await sharp(raw, { raw: { width: 160, height: 120, channels: 3 } })
        .resize(640, 480)
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
  }
  let n = 0;
  return () => pool[n++ % pool.length];
}

function report(stats, elapsed) {
  const rows = [...stats]
    .filter(([, s]) => s.times.length > 0)
    .map(([route, s]) => {
      const t = [...s.times].sort((a, b) => a - b);
      return {
        route,
        n: t.length,
        p50: percentile(t, 50),
        p95: percentile(t, 95),
        p99: percentile(t, 99),
        errors: s.errors,
        statuses: s.statuses,
      };
    });
  const all = [...stats.values()].flatMap((s) => s.times).sort((a, b) => a - b);
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  rows.sort((a, b) => b.p95 - a.p95);
  const table = [['route', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'errors']];
  for (const r of rows)
    table.push([
      r.route,
      String(r.n),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.p99.toFixed(0),
      r.errors ? `${r.errors} (${[...r.statuses].map(([k, v]) => `${k}×${v}`).join(', ')})` : '0',
    ]);
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log('');
  for (const [n, r] of table.entries()) {
    console.log(r.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `\nAll routes: ${all.length} requests in ${elapsed.toFixed(1)} s = ${(all.length / elapsed).toFixed(1)} requests/s; ` +
      `p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms; ${errors} errors.`,
  );
  console.log(
    `Slowest routes (p95): ${rows
      .slice(0, 3)
      .map((r) => `${r.route} ${r.p95.toFixed(0)} ms`)
      .join('; ')}.`,
  );
  console.log(`Targets: p95 ≤ 500 ms on every route, 0 errors → ${rows.every((r) => r.p95 <= 500) && errors === 0 ? 'met' : 'NOT met'}.`);
}

function chunks(list, n) {
  const out = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
function think() {
  return sleep(THINK * (0.5 + Math.random()));
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}
// The same rule as scripts/start.mjs and bench/run.mjs.
function buildIsStale() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = [
    'src',
    'messages',
    'public',
    'prisma/schema.prisma',
    'next.config.ts',
    'package.json',
    'postcss.config.mjs',
    'tsconfig.json',
  ];
  return inputs.some((p) => newestMtime(path.join(root, p)) > built);
}
