// The job queue's tables (pg-boss, docs/decisions/022), installed by the owner of the database right
// after the migrations, like every other table: the web server's role (hih_app, decision 014) owns
// nothing and may not create tables, and pg-boss makes one partition per queue. So the owner installs
// or upgrades pg-boss's schema, creates every queue the app uses, and grants hih_app what pg-boss does
// at run time (read and write rows), nothing more: no TRUNCATE, no DDL, no queue of its own.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { CRON_QUEUE, QUEUE_SCHEMA, QUEUES } from '../../src/lib/queue/queues.mjs';
import { APP_ROLE } from './app-role.mjs';

/** Idempotent: run at every `db:deploy` (npm start runs it); a newer pg-boss migrates its own schema here. */
export async function ensureQueueSchema(ownerUrl) {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: QUEUE_SCHEMA, schedule: false, supervise: false, migrate: true, max: 2 });
  boss.on('error', (error) => console.error(`pg-boss: ${error.message ?? error}`));
  await boss.start();
  try {
    for (const { name, options } of [...Object.values(QUEUES), { name: CRON_QUEUE, options: {} }]) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const schema = client.escapeIdentifier(QUEUE_SCHEMA);
    const app = client.escapeIdentifier(APP_ROLE);
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
    // Tables a later pg-boss version adds (installed by this same owner) are granted alike.
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    // Creating or deleting a queue is DDL: the owner's, here. The app could not run them anyway.
    await client.query(`REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} FROM PUBLIC`);
  } finally {
    await client.end();
  }
}
