// Root `postinstall`: make the embedded PostgreSQL runnable, then `prisma generate`, offline.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hydrateEmbeddedPostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

await hydrateEmbeddedPostgres();

const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(cli)) {
  // e.g. `npm install --omit=dev`: the Prisma CLI is a dev dependency.
  console.warn('generate: prisma CLI not installed, skipping `prisma generate`');
  process.exit(0);
}

// Same rule as prisma.config.ts, set here too so no engine download is ever attempted.
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const enginesDir = path.join(root, 'node_modules', '@prisma', 'engines');
const hasRealEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'scripts', 'db', 'schema-engine-stub.sh');
}

const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
