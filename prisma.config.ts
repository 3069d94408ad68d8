// Prisma 7 CLI configuration (`prisma generate`, `validate`, `format`, `studio`).
// Migrations do not go through Prisma's CLI here: see scripts/db/migrate.mjs.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma's CLI insists on its native schema-engine binary, which cannot be downloaded on these
// machines; `generate`, `validate` and `format` only check that the file exists. Point it at a
// stub unless a real binary was installed or configured.
const enginesDir = path.join(root, 'node_modules', '@prisma', 'engines');
const hasRealEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealEngine) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'scripts', 'db', 'schema-engine-stub.sh');
}

export default defineConfig({
  schema: path.join(root, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(root, 'prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL },
});
