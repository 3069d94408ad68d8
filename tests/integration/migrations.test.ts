// The migrations folder, replayed on a fresh database, must give exactly schema.prisma, be
// recorded in `_prisma_migrations`, and install the append-only guard of "AuditEntry".
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, createThrowawayDatabase, dropDatabase } from '../../scripts/db/postgres.mjs';
import { migrateDeploy, diffMigrationsToSchema, migrationsDir } from '../../scripts/db/engine.mjs';

let server: { url: string; stop: () => Promise<void> };
let dataDir: string | null = null;
const name = `migrations_test_${Date.now()}_${process.pid}`;
let url: string;
let applied: string[];

async function query(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    server = { url: process.env.DATABASE_URL, stop: async () => {} };
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hih-migrations-'));
    const port = 55000 + Math.floor(Math.random() * 5000);
    server = await ensureDatabase({ dataDir: path.join(dataDir, 'pg'), port, database: 'postgres' });
  }
  url = await createThrowawayDatabase(server.url, name);
  applied = await migrateDeploy(url);
}, 120_000);

afterAll(async () => {
  if (url) await dropDatabase(server.url, name);
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('apply every folder of prisma/migrations, recorded in _prisma_migrations', async () => {
    const folders = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);
    expect(applied).toEqual(folders);
    const { rows } = await query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
  });

  it('leave no drift between the migrated database and schema.prisma', async () => {
    expect(await diffMigrationsToSchema(url)).toBe('');
  });

  it('are idempotent: a second deploy applies nothing', async () => {
    expect(await migrateDeploy(url)).toEqual([]);
  });

  it('make audit entries append-only in the database', async () => {
    const { rows } = await query(
      `INSERT INTO "AuditEntry" ("action", "entityType", "entityId") VALUES ('test.action', 'Test', 't1') RETURNING "id"`,
    );
    const id = rows[0].id;
    await expect(query(`UPDATE "AuditEntry" SET "action" = 'tampered' WHERE "id" = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(query(`DELETE FROM "AuditEntry" WHERE "id" = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    const after = await query(`SELECT "action" FROM "AuditEntry" WHERE "id" = $1`, [id]);
    expect(after.rows).toEqual([{ action: 'test.action' }]);
  });
});
