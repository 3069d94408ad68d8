// The job queue (pg-boss 10, decision 022) on the test database, run as the web server's own
// least-privilege role: jobs sent inside a transaction are worked once, a scheduled check runs once
// with two workers running, and the role cannot create queues (DDL stays the owner's).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import PgBoss from 'pg-boss';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { startQueue } from '@/lib/reminders/jobs';
import { queueOutbound } from '@/lib/outbox/queue';
import { QUEUE_SCHEMA, QUEUES } from '@/lib/queue/queues.mjs';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { addDays } from '@/lib/cycles/periods';
import { createReminderWorld, createRequest } from '../fixtures/reminder-factories';
import { eventually, startSmtp } from '../fixtures/smtp';
import { queueKeptRefresh } from '@/lib/effect-tests/kept';
import { sendDebounced } from '@/lib/queue/send';

const appUrl = inject('appDatabaseUrl');
let appDb: PrismaClient;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const workers: PgBoss[] = [];
const savedSmtp = process.env.SMTP_URL;

const start = () =>
  startQueue({
    connectionString: appUrl,
    db: appDb,
    // The daily schedules stay off: at 08:00 they would check the whole shared test database.
    schedules: false,
    pollingIntervalSeconds: 0.5,
    boss: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, supervise: false, max: 2 },
    log: () => {},
  });

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  appDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl, max: 4 }) });
  workers.push(await start(), await start());
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop({ graceful: false })));
  await appDb?.$disconnect();
  await smtp?.close();
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

describe('the queue as the app role', () => {
  it('may not create a queue: that is DDL, installed by the owner at migrate time', async () => {
    await expect(workers[0].createQueue('made-by-the-app')).rejects.toThrow(/permission denied/);
    expect(await workers[0].getQueue(QUEUES.outboxDeliver.name)).toMatchObject({ retryLimit: 8, retryBackoff: true });
  });

  it('delivers an outbox mail queued in a transaction, once, and nothing of a rolled-back one', async () => {
    await expect(
      appDb.$transaction(async (tx) => {
        await queueOutbound(tx, { channel: 'EMAIL', to: 'rolled-back@mail.test.cn', subject: '不该发出', text: '—' });
        throw new Error('the change was refused');
      }),
    ).rejects.toThrow('refused');
    const id = await appDb.$transaction((tx) =>
      queueOutbound(tx, { channel: 'EMAIL', to: 'queued@mail.test.cn', subject: '队列送达', text: '经队列发送' }),
    );
    await eventually(async () => (await db.outboundMessage.findUnique({ where: { id } }))?.sentAt != null);
    await new Promise((r) => setTimeout(r, 1500)); // both workers had time to pick it up again
    expect(smtp.mails.filter((m) => m.to.includes('queued@mail.test.cn')).map((m) => m.subject)).toEqual(['队列送达']);
    expect(smtp.mails.filter((m) => m.to.includes('rolled-back@mail.test.cn'))).toEqual([]);
    expect(await db.outboundMessage.count({ where: { recipient: 'rolled-back@mail.test.cn' } })).toBe(0);
    const jobs = await db.$queryRaw<
      { state: string }[]
    >`SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.outboxDeliver.name} AND data->>'id' = ${id}`;
    expect(jobs).toEqual([{ state: 'completed' }]);
  });

  it('runs a scheduled reminder check once with two workers, as at 08:00 each day', async () => {
    const tz = await cityTimeZone(db);
    const today = localDate(new Date(), tz);
    // A cycle around the real today (the queue runs the checks at the real time).
    const w = await createReminderWorld(db, {
      semesters: [{ academicYear: 2900, term: 'AUTUMN', startsOn: addDays(today, -60), endsOn: addDays(today, 60) }],
    });
    await createRequest(db, {
      pairingId: w.pairingA.id,
      createdById: w.directorA2.id,
      title: '队列提醒的需求',
      createdAt: new Date(Date.now() - 8 * 86_400_000),
    });
    const name = QUEUES.remindersCheck.name;
    try {
      await workers[0].schedule(name, '* * * * *', { countyIds: w.countyIds }, { tz });
      await eventually(async () => (await db.notification.count({ where: { recipientId: w.directorA.id } })) > 0);
    } finally {
      await workers[0].unschedule(name);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const inbox = await db.notification.findMany({
      where: { recipientId: w.directorA.id },
      select: { kind: true, title: true, body: true },
    });
    // From the 20th the monthly visit is due too, and both arrive as one digest.
    expect(inbox).toHaveLength(1);
    expect(`${inbox[0].title}\n${inbox[0].body}`).toContain('队列提醒的需求');
    expect(await db.reminderOccasion.count({ where: { key: { endsWith: `:${w.directorA.id}` } } })).toBeGreaterThanOrEqual(1);
    const done = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${name} AND state = 'completed'`;
    expect(done[0].n).toBeGreaterThanOrEqual(1);
  });

  it('asks for a refresh once while one waits, and again while one runs (a change committed meanwhile is not left for the sweep)', async () => {
    // A queue of its own with the refresh queue's options and no worker, so its jobs stay where this test puts them.
    const name = `debounce-${Date.now()}`;
    const owner = new PgBoss({
      connectionString: inject('databaseUrl'),
      schema: QUEUE_SCHEMA,
      schedule: false,
      supervise: false,
      migrate: false,
      max: 1,
    });
    await owner.start();
    try {
      await owner.createQueue(name, { name, ...QUEUES.resultsRefresh.options } as PgBoss.Queue);
      const first = await sendDebounced(appDb, name);
      expect(first).toEqual(expect.any(String));
      expect(await sendDebounced(appDb, name)).toBeNull();
      // The waiting job is taken by a worker: the next request must queue the next run.
      await db.$executeRawUnsafe(`UPDATE ${QUEUE_SCHEMA}.job SET state = 'active', started_on = now() WHERE id = $1::uuid`, first);
      const second = await sendDebounced(appDb, name);
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
      expect(await sendDebounced(appDb, name)).toBeNull();
    } finally {
      await owner.purgeQueue(name);
      await db.$executeRawUnsafe(`DELETE FROM ${QUEUE_SCHEMA}.job WHERE name = $1`, name);
      await owner.deleteQueue(name);
      await owner.stop({ graceful: false });
    }
  });

  it('refreshes kept effect-test results soon after a change: the job a request asks for, as the app role', async () => {
    const w = await createReminderWorld(db);
    const ids = [w.pairingA.id, w.pairingB.id];
    // New pairings are marked by their insert's trigger; the request asks for a refresh once (throttled).
    expect(new Set((await db.resultStale.findMany({ where: { pairingId: { in: ids } } })).map((m) => m.pairingId)).size).toBe(2);
    await queueKeptRefresh(appDb);
    await queueKeptRefresh(appDb);
    await eventually(async () => (await db.resultStale.count({ where: { pairingId: { in: ids } } })) === 0, 60_000, 250);
    // Every semester of the cycle kept for both.
    expect(await db.keptResult.count({ where: { pairingId: { in: ids } } })).toBe(8);
  }, 90_000);
});
