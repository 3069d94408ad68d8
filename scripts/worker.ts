// npm run worker: the job queue alone (reminders, mail, webhooks, clean-up), for a deployment with
// several web instances started with WORKER=off (docs/decisions/022). Any number of workers may run.
// Connects like the web server: APP_DATABASE_URL (checked to be least-privilege), else DATABASE_URL.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { appRoleProblem } from './db/app-role.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

const url = process.env.APP_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error(
    'npm run worker needs APP_DATABASE_URL (or DATABASE_URL): the database the web instances use. See README, "Reminders and the job queue".',
  );
  process.exit(1);
}
if (process.env.APP_DATABASE_URL) {
  const problem = await appRoleProblem(url);
  if (problem) {
    console.error(`The worker's database role is not least-privilege: ${problem}. See docs/decisions/014.`);
    process.exit(1);
  }
}
process.env.DATABASE_URL = url;

const { startQueue } = await import('@/lib/reminders/jobs');
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
const boss = await startQueue({ connectionString: url, db });
console.log(`Worker running on ${new URL(url).host}: reminders, mail, webhooks, clean-up. Ctrl-C stops it.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Jobs in hand get a few seconds to finish; one cut off is retried after it expires.
  await boss.stop({ graceful: true, timeout: 10_000 });
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
