import 'server-only';
import PgBoss from 'pg-boss';
import type { Db, Tx } from '@/lib/db';
import { QUEUE_SCHEMA } from './queues.mjs';

// Never started: only its SQL for a send is used, on the caller's transaction (pg-boss's `db` option),
// so a job exists exactly when the change that asked for it commits.
let sender: PgBoss | null = null;
function senderBoss(): PgBoss {
  sender ??= new PgBoss({
    schema: QUEUE_SCHEMA,
    schedule: false,
    supervise: false,
    migrate: false,
    db: {
      executeSql: () => {
        throw new Error('sendInTransaction passes its own transaction');
      },
    },
  });
  return sender;
}

/** pg-boss's SQL run on our Prisma client or transaction. */
function on(client: Db | Tx) {
  return {
    // Prisma refuses undefined parameters; pg-boss leaves unset options undefined.
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await client.$queryRawUnsafe<unknown[]>(text, ...values.map((v) => (v === undefined ? null : v))),
    }),
  };
}

/** Queues a job inside a Prisma transaction; the queue's own options (retries) apply. */
export async function sendInTransaction(tx: Tx, queue: string, data: object): Promise<string | null> {
  return senderBoss().send(queue, data, { db: on(tx) });
}

/**
 * Queues a job outside any transaction unless one is already waiting (the queue's 'short' policy keys
 * on `singletonKey`): a burst of requests asks once, and a request made while a job runs gets the next
 * one. For work that catches up with changes already committed. Returns null when one was waiting.
 */
export async function sendDebounced(db: Db, queue: string): Promise<string | null> {
  return senderBoss().send(queue, {}, { db: on(db), singletonKey: queue });
}
