// npm run db:migrate -- --name <name> [--create-only]  → node scripts/db/migrate.mjs dev --name <name>
// npm run db:deploy                                    → node scripts/db/migrate.mjs deploy
// --create-only writes the new migration (even an empty one) without applying it, so hand-written
// SQL can be added first; the next db:migrate or db:deploy applies it.
// Uses DATABASE_URL, or the embedded PostgreSQL in .data/pg (started and stopped here if needed).
import { parseArgs } from 'node:util';
import { ensureDatabase } from './postgres.mjs';
import { ensureQueueSchema } from './queue-schema.mjs';

const usage = 'usage: node scripts/db/migrate.mjs dev --name <name> [--create-only] | deploy';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, 'create-only': { type: 'boolean' } },
  });
  const mode = positionals[0];
  if (mode !== 'dev' && mode !== 'deploy') throw new Error(usage);
  const name = values.name?.trim();
  if (mode === 'dev' && !name) throw new Error(`a migration name is required\n${usage}`);

  const started = Date.now();
  const { migrateDeploy, migrateDev } = await import('./engine.mjs');
  const db = await ensureDatabase();
  try {
    const where = new URL(db.url);
    console.log(`Database ${where.pathname.slice(1)} on ${where.host}`);
    if (mode === 'deploy') {
      const applied = await migrateDeploy(db.url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      // The job queue's own tables, installed and granted by this same owner (docs/decisions/022).
      await ensureQueueSchema(db.url);
    } else {
      const createOnly = Boolean(values['create-only']);
      const { applied, created } = await migrateDev(db.url, name, { createOnly });
      if (applied.length) console.log(`Applied: ${applied.join(', ')}`);
      if (!created) console.log('Schema unchanged: no changes, no migration created.');
      else if (createOnly) console.log(`Created prisma/migrations/${created}/migration.sql (not applied yet)`);
      else console.log(`Created and applied prisma/migrations/${created}/migration.sql`);
    }
  } finally {
    await db.stop();
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Explicit exits: the Wasm engine leaves a timer running after applyMigrations.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(`db ${process.argv[2] ?? ''} failed: ${error?.message ?? error}`);
    if (process.env.DEBUG_SCHEMA_ENGINE && error?.stack) console.error(error.stack);
    process.exit(1);
  },
);
