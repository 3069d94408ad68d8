// A throwaway database for the integration suite: a fresh embedded PostgreSQL in a temporary
// folder, or a fresh database on the server at DATABASE_URL. Migrations applied, dropped afterwards.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, createThrowawayDatabase, dropDatabase } from '../../scripts/db/postgres.mjs';
import { dropLoginRole, ensureAppLogin } from '../../scripts/db/app-role.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The same database as the web server sees it: a login role granted hih_app (decision 014). */
    appDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  let server: { url: string; stop: () => Promise<void> };
  if (external) {
    server = { url: external, stop: async () => {} };
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hih-it-'));
    // Embedded PostgreSQL runs as the 'postgres' OS user when we are root: it must reach the folder.
    await chmod(dataDir, 0o755);
    server = await ensureDatabase({
      dataDir: path.join(dataDir, 'pg'),
      port: 55000 + Math.floor(Math.random() * 5000),
      database: 'postgres',
    });
  }
  const name = `hih_it_${Date.now()}`;
  const url: string = await createThrowawayDatabase(server.url, name);
  // Migrations run in a child process: the Wasm schema engine keeps a timer alive.
  const migrated = spawnSync(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`migrate deploy failed:\n${migrated.stdout}\n${migrated.stderr}`);
  project.provide('databaseUrl', url);
  // A role of its own, member of hih_app: roles are server-wide, and on a server at DATABASE_URL the
  // suite must not change the password of a real hih_app.
  const appRole = `${name}_app`;
  project.provide('appDatabaseUrl', await ensureAppLogin(url, { role: appRole, password: randomBytes(18).toString('base64url') }));

  return async () => {
    await dropDatabase(server.url, name).catch(() => {});
    await dropLoginRole(server.url, appRole).catch(() => {});
    await server.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
