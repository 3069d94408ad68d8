// Tamper evidence of the audit trail (docs/decisions/014): every entry is chained to the one before
// it by a database trigger, and `npm run audit:verify` names the first entry where the chain breaks,
// even when the owner of the tables switched the append-only guard off to edit or delete.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { entryHash, verifyAuditChain, type ChainRow } from '../../scripts/audit-verify';

const ownerUrl = inject('databaseUrl');
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
});

/** What an owner (here a superuser) can do: switch the triggers off for its session and edit. */
async function asOwnerWithoutTriggers(sql: string, values: unknown[] = []) {
  await owner.query('SET session_replication_role = replica');
  try {
    return await owner.query(sql, values);
  } finally {
    await owner.query('SET session_replication_role = origin');
  }
}

async function audit(action: string, after?: unknown) {
  return db.$transaction((tx) =>
    writeAudit(tx, { actor: { id: 'u-chain', name: '链条测试' }, action, entityType: 'Test', entityId: 'chain', after }),
  );
}

async function row(id: bigint | string): Promise<ChainRow> {
  const { rows } = await owner.query<ChainRow>(
    `SELECT "id"::text AS id, "at", "actorId", "actorName", "action", "entityType", "entityId", "countyId",
            "kindergartenId", "before"::text AS before, "after"::text AS after, "ip", "prevHash", "hash"
       FROM "AuditEntry" WHERE "id" = $1`,
    [String(id)],
  );
  return rows[0];
}

function runVerify(...args: string[]) {
  const root = path.resolve(import.meta.dirname, '../..');
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: ownerUrl },
    encoding: 'utf8',
  });
}

describe('the audit chain', () => {
  it('links every entry written by writeAudit, concurrent ones included, and verifies OK', async () => {
    const first = await audit('test.chain.first', { text: '中文 ✓ 😀', n: 1.5, nested: { b: [1, 'x'], a: null } });
    // Twenty writers at once, each keeping its transaction open after its entry: no two entries
    // may claim the same predecessor.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_sleep(${(i % 4) * 0.005})`;
            await writeAudit(tx, { actor: null, action: 'test.chain.concurrent', entityType: 'Test', entityId: String(i) });
            await tx.$executeRaw`SELECT pg_sleep(0.02)`;
          },
          // More writers than pool connections, queued on the lock: generous waits on a busy machine.
          { maxWait: 30_000, timeout: 30_000 },
        ),
      ),
    );

    const stored = await row(first.id);
    expect(stored.hash).toBe(entryHash(stored)); // the database and the verifier compute the same hash
    const { rows } = await owner.query(
      `SELECT "prevHash", count(*)::int AS n FROM "AuditEntry" WHERE "id" > $1 GROUP BY 1 HAVING count(*) > 1`,
      [String(first.id)],
    );
    expect(rows).toEqual([]);

    // A writer whose id was drawn first but that commits second must not break id order: it waits
    // for the chain lock (held here by another transaction, which then writes and commits first).
    const early = new pg.Client({ connectionString: ownerUrl });
    const late = new pg.Client({ connectionString: ownerUrl });
    await Promise.all([early.connect(), late.connect()]);
    try {
      await late.query('BEGIN');
      await late.query('SELECT pg_advisory_xact_lock(7202601)'); // the trigger's lock (migration 20261130115603)
      await early.query('BEGIN');
      const waiting = early.query(
        `INSERT INTO "AuditEntry" ("action", "entityType") VALUES ('test.chain.drawn-first', 'Test') RETURNING "id"`,
      );
      for (let i = 0; i < 500; i++) {
        const { rowCount } = await owner.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (rowCount) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const overtaking = await late.query(
        `INSERT INTO "AuditEntry" ("action", "entityType") VALUES ('test.chain.overtaking', 'Test') RETURNING "id"`,
      );
      await late.query('COMMIT');
      const drawnFirst = await waiting;
      await early.query('COMMIT');
      expect(BigInt(drawnFirst.rows[0].id)).toBeGreaterThan(BigInt(overtaking.rows[0].id));
    } finally {
      await Promise.all([early.end(), late.end()]);
    }

    const report = await verifyAuditChain(owner);
    expect(report).toMatchObject({ ok: true });
    expect(report.count).toBeGreaterThanOrEqual(21);
    expect(await verifyAuditChain(owner, { batchSize: 7 })).toEqual(report); // read in pages

    const cli = runVerify();
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/Audit trail OK: \d+ entries/);
  });

  it('names the entry the owner altered with the triggers off', async () => {
    const target = await audit('test.chain.victim', { hours: 2 });
    await audit('test.chain.after-victim');
    const original = await row(target.id);
    await asOwnerWithoutTriggers(`UPDATE "AuditEntry" SET "after" = '{"hours": 20}' WHERE "id" = $1`, [String(target.id)]);
    try {
      expect(await verifyAuditChain(owner)).toMatchObject({
        ok: false,
        broken: { id: String(target.id), reason: expect.stringMatching(/altered/) },
      });
      const cli = runVerify();
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`BROKEN at entry #${target.id} (${original.at.toISOString()})`);

      // Recomputing the altered entry's own hash moves the break to the next entry's link.
      await asOwnerWithoutTriggers(`UPDATE "AuditEntry" SET "hash" = $2 WHERE "id" = $1`, [
        String(target.id),
        entryHash(await row(target.id)),
      ]);
      const report = await verifyAuditChain(owner);
      expect(report.ok).toBe(false);
      if (!report.ok) {
        expect(BigInt(report.broken.id)).toBeGreaterThan(target.id);
        expect(report.broken.reason).toContain(`entry #${target.id}`);
      }
    } finally {
      await asOwnerWithoutTriggers(`UPDATE "AuditEntry" SET "after" = $2::jsonb, "hash" = $3 WHERE "id" = $1`, [
        String(target.id),
        original.after,
        original.hash,
      ]);
    }
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
  });

  it('names the entry after one the owner deleted', async () => {
    const victim = await audit('test.chain.deleted');
    const next = await audit('test.chain.after-deleted');
    const original = await row(victim.id);
    await asOwnerWithoutTriggers(`DELETE FROM "AuditEntry" WHERE "id" = $1`, [String(victim.id)]);
    try {
      const report = await verifyAuditChain(owner);
      expect(report).toMatchObject({ ok: false, broken: { id: String(next.id), reason: expect.stringMatching(/removed/) } });
    } finally {
      await asOwnerWithoutTriggers(
        `INSERT INTO "AuditEntry" ("id", "at", "actorId", "actorName", "action", "entityType", "entityId", "countyId", "kindergartenId", "before", "after", "ip", "prevHash", "hash")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14)`,
        [
          original.id,
          original.at,
          original.actorId,
          original.actorName,
          original.action,
          original.entityType,
          original.entityId,
          original.countyId,
          original.kindergartenId,
          original.before,
          original.after,
          original.ip,
          original.prevHash,
          original.hash,
        ],
      );
    }
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
  });

  it('with a head kept elsewhere, catches a rewrite that recomputed every later hash', async () => {
    const kept = await audit('test.chain.anchor');
    const later = await audit('test.chain.rewritten');
    expect(await verifyAuditChain(owner, { head: kept.hash })).toMatchObject({ ok: true, headFound: true });

    const original = await row(kept.id);
    const rewritten = { ...original, action: 'test.chain.anchor-rewritten' };
    rewritten.hash = entryHash(rewritten);
    const laterRow = await row(later.id);
    const laterRewritten = { ...laterRow, prevHash: rewritten.hash };
    laterRewritten.hash = entryHash(laterRewritten);
    const set = `UPDATE "AuditEntry" SET "action" = $2, "prevHash" = $3, "hash" = $4 WHERE "id" = $1`;
    // Only valid while no other entry follows: the suite's files run one after another.
    const { rows } = await owner.query(`SELECT max("id")::text AS last FROM "AuditEntry"`);
    expect(rows[0].last).toBe(String(later.id));
    await asOwnerWithoutTriggers(set, [original.id, rewritten.action, rewritten.prevHash, rewritten.hash]);
    await asOwnerWithoutTriggers(set, [laterRow.id, laterRewritten.action, laterRewritten.prevHash, laterRewritten.hash]);
    try {
      expect(await verifyAuditChain(owner)).toMatchObject({ ok: true }); // consistent on its own…
      expect(await verifyAuditChain(owner, { head: kept.hash })).toMatchObject({ ok: true, headFound: false }); // …but not the kept head
      const cli = runVerify('--head', kept.hash);
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain('no longer contains the head');
    } finally {
      await asOwnerWithoutTriggers(set, [original.id, original.action, original.prevHash, original.hash]);
      await asOwnerWithoutTriggers(set, [laterRow.id, laterRow.action, laterRow.prevHash, laterRow.hash]);
    }
    expect(await verifyAuditChain(owner, { head: kept.hash })).toMatchObject({ ok: true, headFound: true });
  });

  it('refuses an audit entry in a transaction whose snapshot could predate the chain lock', async () => {
    await expect(
      db.$transaction((tx) => writeAudit(tx, { actor: null, action: 'test.chain.rr', entityType: 'Test' }), {
        isolationLevel: 'RepeatableRead',
      }),
    ).rejects.toThrow(/READ COMMITTED/);
  });
});
