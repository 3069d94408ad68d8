import 'server-only';
import type PgBoss from 'pg-boss';
import { db } from '@/lib/db';
import { startQueue } from './jobs';

const globalForQueue = globalThis as unknown as { queue?: Promise<PgBoss | null> };

/**
 * The queue inside the web server, on the server's own connection (the least-privilege role). Once per
 * process, even when the development server reloads modules. A queue that cannot start (the schema is
 * not installed: run `npm run db:deploy`) is reported and the site keeps serving: reminders wait, pages
 * do not.
 */
export function startQueueInServer(): Promise<PgBoss | null> {
  globalForQueue.queue ??= (async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) return null;
    try {
      const boss = await startQueue({ connectionString, db });
      console.log('> Job queue running in this process (reminders, mail, webhooks, clean-up)');
      return boss;
    } catch (error) {
      console.error(`Job queue not started: ${(error as Error).message ?? error}. Run npm run db:deploy as the owner of the database.`);
      return null;
    }
  })();
  return globalForQueue.queue;
}
