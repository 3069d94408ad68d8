// `npm start`: a real PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data on
// first run, a production build when the sources changed, then the server on http://localhost:3000.
// Ctrl-C stops the server and the embedded database; the data stays in .data/ for the next start.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from './db/postgres.mjs';
import { APP_ROLE, appRoleProblem, ensureAppLogin } from './db/app-role.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const fresh = process.argv.includes('--fresh');
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

// No telemetry: these machines (and many schools) have no route to the internet.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data');
mkdirSync(dataDir, { recursive: true });

// A stable secret for signing session cookies, created once per installation.
if (!process.env.AUTH_SECRET) {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

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

const pgDir = path.join(dataDir, 'pg');
if (fresh && !process.env.DATABASE_URL) rmSync(pgDir, { recursive: true, force: true });
// Uploaded files live beside the database they belong to (the e2e runs keep theirs in .data/e2e);
// a fresh database starts with no files either.
if (!process.env.FILE_STORAGE_DIR && !process.env.S3_BUCKET) {
  process.env.FILE_STORAGE_DIR = path.join(dataDir, 'files');
  if (fresh && !process.env.DATABASE_URL) rmSync(process.env.FILE_STORAGE_DIR, { recursive: true, force: true });
}
const external = Boolean(process.env.DATABASE_URL);
const database = await ensureDatabase({ dataDir: pgDir });
process.env.DATABASE_URL = database.url; // the owner's: migrations and the seed
let appUrl = database.url; // the web server's (docs/decisions/014)
let server = null;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

// The server connects as a role that owns nothing and may only append to the audit trail, so it
// cannot rewrite history even by disabling triggers. Embedded: hih_app, with a password generated
// once into the data folder. Another server (DATABASE_URL set): APP_DATABASE_URL, whose roles its
// administrator made; ignored with the embedded server, whose database it cannot point at.
async function serverDatabaseUrl() {
  if (external) {
    if (process.env.APP_DATABASE_URL) return process.env.APP_DATABASE_URL;
    console.warn(
      `APP_DATABASE_URL is not set: the server connects as the owner of the tables (DATABASE_URL), which can rewrite the audit trail. Create the ${APP_ROLE} role and set APP_DATABASE_URL (README, "Running against an existing PostgreSQL").`,
    );
    return null;
  }
  const file = path.join(dataDir, 'db-app-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return ensureAppLogin(database.url, { password: readFileSync(file, 'utf8').trim() });
}

const seedDemo = process.env.APP_ENV !== 'production' || process.env.SEED_ALLOW_PRODUCTION === '1';
try {
  await run(process.execPath, ['scripts/db/migrate.mjs', 'deploy']);
  const leastPrivilege = await serverDatabaseUrl();
  if (leastPrivilege) {
    const problem = await appRoleProblem(leastPrivilege);
    if (problem) throw new Error(`The server's database role is not least-privilege: ${problem}. See docs/decisions/014.`);
    appUrl = leastPrivilege;
  }
  // A production deployment gets no demo data: its city, counties and first admin come from npm run setup:city.
  if (!seedDemo) {
    console.log(
      'APP_ENV=production: no demo data. On an empty database, create the city and its first admin with npm run setup:city (see README).',
    );
  } else {
    await run(bin('tsx'), ['prisma/seed.ts']);
  }
  if (!dev && buildIsStale()) {
    console.log('Building the application (first start or sources changed)…');
    await run(bin('next'), ['build'], { env: { ...process.env, DATABASE_URL: appUrl } });
  }
} catch (error) {
  console.error(String(error.message ?? error));
  await shutdown(1);
}

// Not `next start`: scripts/server.mjs decides the client's address (TRUSTED_PROXIES) before Next sees the request.
server = spawn(process.execPath, ['scripts/server.mjs', ...(dev ? ['--dev'] : []), '-p', String(port)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: appUrl },
});
server.on('exit', (code) => {
  if (!stopping) shutdown(code ?? 1);
});

// Announce once the server answers, so the address is printed when it is really usable.
for (let i = 0; i < 600 && !stopping; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (res.ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 250));
}
if (!stopping && !seedDemo) {
  console.log(`
Hand in Hand is running at http://localhost:${port}
Database: ${process.env.DATABASE_URL_DISPLAY ?? appUrl.replace(/:[^:@/]*@/, ':***@')}
Press Ctrl-C to stop.
`);
} else if (!stopping) {
  console.log(`
Hand in Hand is running at http://localhost:${port}
Database: ${process.env.DATABASE_URL_DISPLAY ?? appUrl.replace(/:[^:@/]*@/, ':***@')}

Demo accounts (password: pairing-demo-2026)
  City bureau admin        city@demo.handinhand.cn
  County admin (清河区)     qinghe@demo.handinhand.cn   (also dongshan@, xiling@, nanhu@)
  Director, urban (江州市实验幼儿园)        13800000001
  Director, rural (清河区柳湾镇中心幼儿园)  13800000002
  Teacher (江州市实验幼儿园)                13800000003
Press Ctrl-C to stop.
`);
}
