// The web server's database role (docs/decisions/014): as the app sees the database it can do its
// work, triggers included, but it cannot change or remove audit entries, not even by switching
// triggers off, which the owner of the tables could.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { confirmActivity, saveActivity } from '@/lib/activities/commands';
import { TYPE_RULES } from '@/lib/activities/rules';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { appRoleProblem } from '../../scripts/db/app-role.mjs';

const appUrl = inject('appDatabaseUrl');
let appDb: PrismaClient;
let app: pg.Client;

beforeAll(async () => {
  appDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl, max: 2 }) });
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await appDb?.$disconnect();
});

/** The SQLSTATE a statement fails with as the app role, or 'ok'. */
async function asApp(sql: string, values: unknown[] = []) {
  try {
    await app.query(sql, values);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the app role', () => {
  it('is no superuser, owns nothing and may only read and append audit entries', async () => {
    expect(await appRoleProblem(appUrl)).toBeNull();
    const { rows } = await app.query(`SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    // Every table of every migration, later ones included (default privileges), minus the two kept back.
    const { rows: tables } = await app.query(
      `SELECT c.relname AS name,
              has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
                AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE') AS rw,
              has_table_privilege(c.oid, 'TRUNCATE') AS truncate
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()`,
    );
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => !t.rw).map((t) => t.name)).toEqual(expect.arrayContaining(['AuditEntry', '_prisma_migrations']));
    expect(tables.filter((t) => !t.rw)).toHaveLength(2);
    expect(tables.filter((t) => t.truncate)).toEqual([]);
  });

  it('cannot update, delete or truncate audit entries, nor switch the guards off', async () => {
    const { rows } = await app.query(
      `INSERT INTO "AuditEntry" ("action", "entityType", "entityId") VALUES ('test.app-role', 'Test', 'lp1') RETURNING "id"`,
    );
    const id = rows[0].id;
    const denied = '42501'; // insufficient_privilege: refused by the grants, before any trigger runs
    expect(await asApp(`UPDATE "AuditEntry" SET "action" = 'tampered' WHERE "id" = $1`, [id])).toBe(denied);
    expect(await asApp(`DELETE FROM "AuditEntry" WHERE "id" = $1`, [id])).toBe(denied);
    expect(await asApp(`TRUNCATE "AuditEntry"`)).toBe(denied);
    expect(await asApp(`SET session_replication_role = replica`)).toBe(denied);
    expect(await asApp(`SELECT set_config('session_replication_role', 'replica', false)`)).toBe(denied);
    expect(await asApp(`ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`)).toBe(denied); // must be owner
    expect(await asApp(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`)).toBe(denied);
    expect(await asApp(`DROP TRIGGER "AuditEntry_chain" ON "AuditEntry"`)).toBe(denied);
    expect(
      await asApp(`CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`),
    ).toBe(denied);
    expect(await asApp(`ALTER TABLE "AuditEntry" OWNER TO CURRENT_USER`)).toBe(denied);
    expect(await asApp(`UPDATE "_prisma_migrations" SET "checksum" = 'x'`)).toBe(denied);

    // What it appends is chained by the database, whatever it claims.
    const forged = await app.query(
      `INSERT INTO "AuditEntry" ("action", "entityType", "prevHash", "hash") VALUES ('test.forged', 'Test', 'x', 'forged') RETURNING "hash", "prevHash"`,
    );
    expect(forged.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(forged.rows[0].prevHash).not.toBe('x');

    const after = await db.auditEntry.findUniqueOrThrow({ where: { id: BigInt(id) }, select: { action: true } });
    expect(after.action).toBe('test.app-role');
  });

  it('does the app’s work: commands, rollup and security-stamp triggers, sessions', async () => {
    const w = await createPairingWorld(appDb); // regions, kindergartens, users, a cycle and its semesters
    const recorder = await actorFor(appDb, w.directorA);
    const rule = TYPE_RULES.SENT_DEMONSTRATION;
    const saved = await saveActivity(
      recorder,
      {
        pairingId: w.pairingA.id,
        type: 'SENT_DEMONSTRATION',
        direction: rule.direction,
        targetArea: rule.targetArea,
        status: 'DONE',
        title: '最小权限下的示范课',
        startDate: '2026-03-05',
        startTime: '09:00',
        location: rule.location === 'required' ? '柳湾镇中心幼儿园' : '',
        classHours: '2',
        childCount: '',
        donationLines: [],
      },
      appDb,
      new Date('2026-03-10T04:00:00Z'),
    );
    if (!saved.ok) throw new Error(`saveActivity failed as the app role: ${JSON.stringify(saved)}`);
    const activity = await appDb.activity.findFirstOrThrow({ where: { pairingId: w.pairingA.id }, select: { id: true, version: true } });
    const confirmed = await confirmActivity(
      await actorFor(appDb, w.directorA2),
      { id: activity.id, version: activity.version, decision: 'CONFIRMED', comment: '' },
      appDb,
    );
    expect(confirmed).toEqual({ ok: true, value: { id: activity.id } });
    // The month rollup trigger wrote as the app role.
    expect(await appDb.activityMonthStat.count({ where: { pairingId: w.pairingA.id } })).toBeGreaterThan(0);

    // Security stamp trigger; sessions are created, touched and ended.
    const before = await appDb.user.findUniqueOrThrow({ where: { id: w.teacherA.id } });
    const changed = await appDb.user.update({ where: { id: w.teacherA.id }, data: { role: 'DIRECTOR' } });
    expect(changed.securityStamp).toBe(before.securityStamp + 1);
    const session = await appDb.userSession.create({
      data: {
        id: `lp-${Date.now()}`,
        userId: w.teacherA.id,
        securityStamp: changed.securityStamp,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await appDb.userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
    await appDb.userSession.delete({ where: { id: session.id } });

    // An audit entry in a transaction, like every command.
    const entry = await appDb.$transaction((tx) => writeAudit(tx, { actor: null, action: 'test.app-role', entityType: 'Test' }));
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
