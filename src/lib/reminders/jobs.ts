import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '@/lib/db';
import { deliverOutbound, type Senders } from '@/lib/outbox/deliver';
import { runCleanup } from '@/lib/queue/cleanup';
import { queueKeptRefresh, refreshAllKept } from '@/lib/effect-tests/kept';
import { QUEUE_SCHEMA, QUEUES } from '@/lib/queue/queues.mjs';
import { cityTimeZone } from '@/lib/time/city-zone';
import { runReminderChecks } from './checks';
import { runCountyDigests } from './county-digest';

/** When each scheduled job runs, on the city's wall clock (pg-boss cron with the city's zone). */
export const SCHEDULES = [
  // Before directors start the day; a morning missed (server down) is caught up the next one (rules.ts).
  { queue: QUEUES.remindersCheck.name, cron: '0 8 * * *' },
  { queue: QUEUES.countyDigest.name, cron: '30 8 * * *' },
  { queue: QUEUES.cleanup.name, cron: '30 3 * * *' },
  // Kept results are refreshed after every action within seconds; this sweep catches writes made
  // elsewhere (the JSON API, imports, psql), which reads compute live meanwhile.
  { queue: QUEUES.resultsRefresh.name, cron: '* * * * *' },
] as const;

/** What the scheduled check jobs may carry: only a test narrows a run to its own counties. */
type CheckData = { countyIds?: string[] };

export type QueueOptions = {
  connectionString: string;
  db: Db;
  /** Register the daily schedules (every instance may: pg-boss keeps one row per queue). Default true. */
  schedules?: boolean;
  senders?: Senders;
  /** pg-boss settings for tests (faster polling and cron). */
  boss?: Partial<PgBoss.ConstructorOptions>;
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
};

/**
 * Starts pg-boss on the app's own database role (decision 022: the owner installed the schema and the
 * queues at migrate time, so this one only reads and writes rows) and works every queue. Several
 * processes may do this at once: pg-boss hands each job to one of them, sends each cron tick once,
 * and the reminders and the outbox are idempotent on top of that.
 */
export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  const { db } = options;
  const log = options.log ?? ((m: string) => console.log(`[queue] ${m}`));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: QUEUE_SCHEMA,
    // The app role may not create or alter pg-boss's tables: a schema older than this pg-boss is refused.
    migrate: false,
    max: 3,
    application_name: 'hih-queue',
    ...options.boss,
  });
  boss.on('error', (error) => console.error(`[queue] ${error.message ?? error}`));
  await boss.start();

  const polling = (seconds: number) => ({ pollingIntervalSeconds: options.pollingIntervalSeconds ?? seconds });
  await boss.work<CheckData>(QUEUES.remindersCheck.name, polling(15), async ([job]) => {
    const run = await runReminderChecks(db, { countyIds: job.data?.countyIds });
    log(`reminder checks for ${run.today}: ${run.items} items, ${run.told} people told, ${run.mailed} by mail`);
    return run;
  });
  await boss.work<CheckData>(QUEUES.countyDigest.name, polling(15), async ([job]) => {
    const run = await runCountyDigests(db, { countyIds: job.data?.countyIds });
    log(`county digests for ${run.today}: ${run.queued} of ${run.counties} webhooks queued`);
    return run;
  });
  await boss.work<{ id: string }>(QUEUES.outboxDeliver.name, polling(2), async ([job]) => {
    const result = await deliverOutbound(db, job.data.id, options.senders);
    // Thrown, so pg-boss retries with backoff; the row already holds the error and the attempt.
    if (result.status === 'failed') throw new Error(result.error);
    return result;
  });
  await boss.work(QUEUES.cleanup.name, polling(30), async () => {
    const done = await runCleanup(db);
    log(`clean-up: ${done.importPreviews} import previews, ${done.sentMessages} delivered messages deleted`);
    return done;
  });

  await boss.work(QUEUES.resultsRefresh.name, polling(2), async () => {
    const run = await refreshAllKept(db, { budgetMs: 20_000 });
    if (run.pairings > 0) log(`kept results: ${run.pairings} pairings refreshed in ${run.ms} ms`);
    // Out of time with marks left (a large import): the next run now, not at the minute's sweep.
    if (run.more) await queueKeptRefresh(db);
    return run;
  });

  if (options.schedules ?? true) {
    const tz = await cityTimeZone(db);
    for (const s of SCHEDULES) await boss.schedule(s.queue, s.cron, {}, { tz });
  }
  // Whatever was marked while no worker ran (a fresh demo database, a restart) is refreshed now.
  await boss.send(QUEUES.resultsRefresh.name, {}, { singletonKey: QUEUES.resultsRefresh.name });
  return boss;
}
