import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { db } from '@/lib/db';
import { createScopeWorld } from '../fixtures/factories';

const root = path.resolve(import.meta.dirname, '../..');

function runSeed(env: Record<string, string>) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['prisma/seed.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('demo seed', () => {
  it('refuses a production deployment unless told to, and changes nothing', async () => {
    const before = await db.region.count();
    const r = runSeed({ APP_ENV: 'production' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Refusing to seed');
    expect(await db.region.count()).toBe(before);
  });

  it('skips a database that already has users', async () => {
    await createScopeWorld(db);
    const before = await db.kindergarten.count();
    const r = runSeed({});
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('seed skipped');
    expect(await db.kindergarten.count()).toBe(before);
  });
});
