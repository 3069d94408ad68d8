// npm run results:rebuild: recomputes every pairing's kept effect-test facts from the record
// (docs/decisions/027): the repair after writes that bypassed the triggers (a bulk load with triggers
// off), and the reference the kept results are tested against. Safe while the app runs: refreshes
// take one lock in turn, and reads compute marked pairings live until their turn comes.
// Uses DATABASE_URL, or the embedded PostgreSQL in HIH_DATA_DIR (started and stopped if needed).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { ensureDatabase } from './db/postgres.mjs';

const database = await ensureDatabase();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) });
try {
  const { rebuildKeptResults } = await import('@/lib/effect-tests/kept');
  const run = await rebuildKeptResults(db, { batch: 1000 });
  console.log(`Kept results rebuilt: ${run.pairings} pairings, ${run.rows} pairing-semesters, in ${(run.ms / 1000).toFixed(1)} s.`);
} finally {
  await db.$disconnect();
  await database.stop();
}
