// Prisma Migrate without Prisma's native schema engine (it cannot be downloaded here): Prisma's own
// schema engine compiled to WebAssembly, talking to PostgreSQL through @prisma/adapter-pg.
// It reads and writes the standard prisma/migrations folder and `_prisma_migrations` table.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const schemaPath = path.join(root, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(root, 'prisma', 'migrations');

const noFilters = { externalTables: [], externalEnums: [] };

// --- Wasm engine ----------------------------------------------------------------------------

// The engine reports Rust panics through this global (Prisma's CLI defines it too).
const panics = (globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(message) {
    this.message = message;
  },
});

let runtimePromise;
function loadRuntime() {
  // The package's entry imports the .wasm as an ES module, which Node cannot do: instantiate by hand.
  runtimePromise ??= (async () => {
    const glue = '@prisma/schema-engine-wasm/schema_engine_bg';
    const runtime = await import(glue);
    const wasmFile = fileURLToPath(import.meta.resolve(glue)).replace(/\.js$/, '.wasm');
    // applyMigrations leaves a 10 s timer behind that would hold the process open: unref timers.
    const imports = { ...runtime };
    for (const key of Object.keys(runtime).filter((k) => k.startsWith('__wbg_setTimeout_'))) {
      imports[key] = (...args) => {
        const timer = runtime[key](...args);
        timer?.unref?.();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmFile), { './schema_engine_bg.js': imports });
    runtime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

// --- Driver adapter with the workarounds ----------------------------------------------------

// The adapter cannot map catalog columns of type "char" (oid 18), e.g. pg_constraint.contype,
// which PostgreSQL 18 also returns for NOT NULL constraints (prisma/orm#27403); the engine wants
// them as Character values. The client retypes them as text and notes their positions on the
// rows array, which queryRaw returns as is; characterColumns() then fixes the column types.
const PG_CHAR = 18;
const PG_TEXT = 25;
function tagCharColumns(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const positions = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        positions.push(i);
      }
    });
    if (positions.length) Object.defineProperty(r.rows, 'charColumns', { value: positions });
  }
  return result;
}
class CharTaggingClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') [values, callback] = [undefined, values];
    if (typeof config?.submit === 'function') return super.query(config, values, callback);
    if (callback) return super.query(config, values, (err, res) => callback(err, err ? res : tagCharColumns(res)));
    return super.query(config, values).then(tagCharColumns);
  }
}
function characterColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of result.rows.charColumns ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

// Separate host/port/user/database fields (not a connectionString, which would win over the
// shadow database's name) and the tagging client for every pool.
function poolConfig(url) {
  const parse = createRequire(import.meta.resolve('pg'))('pg-connection-string').parse;
  const { host, port, user, password, database, ssl, options } = parse(url);
  return { host, port: port ? Number(port) : 5432, user, password, database, ssl, options, Client: CharTaggingClient, max: 4 };
}

async function adminQuery(config, sql) {
  const client = new pg.Client({ ...config, Client: undefined });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function patchAdapter(adapter) {
  characterColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => characterColumns(await startTransaction(...args));
  // executeScript splits scripts on ';', which breaks plpgsql bodies and string literals:
  // send the whole script as one simple query, as Prisma's native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

// The engine never releases the connections it opens, and the first one holds Prisma Migrate's
// session advisory lock: withEngine() closes every pool through close() when done.
class MigrationPg extends PrismaPg {
  opened = [];

  async connect() {
    const adapter = patchAdapter(await super.connect());
    const dispose = adapter.dispose.bind(adapter);
    let disposed;
    adapter.dispose = () => (disposed ??= dispose());
    this.opened.push(adapter);
    return adapter;
  }

  // A throwaway database on the same server, dropped (even with connections left) when released.
  async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(this.config, `CREATE DATABASE "${name}"`);
    const adapter = await new MigrationPg({ ...this.config, database: name }).connect();
    const release = adapter.dispose;
    let dropped;
    adapter.dispose = () => (dropped ??= release().then(() => adminQuery(this.config, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
    this.opened.push(adapter);
    return adapter;
  }

  async close() {
    await Promise.allSettled(this.opened.map((adapter) => adapter.dispose()));
  }
}

// --- Helpers --------------------------------------------------------------------------------

// Every command takes optional { schemaPath, migrationsDir } (defaults: this repository's).
function paths(options = {}) {
  return { schemaPath: options.schemaPath ?? schemaPath, migrationsDir: options.migrationsDir ?? migrationsDir };
}

async function readSchema(file) {
  return { files: [{ path: file, content: await fs.readFile(file, 'utf8') }] };
}

/** The migrations folder in the shape Prisma's CLI gives its engine. */
export async function readMigrations(dir = migrationsDir) {
  const lockfile = {
    path: 'migration_lock.toml',
    content: await fs.readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => null),
  };
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await fs
      .readFile(path.join(dir, entry.name, 'migration.sql'), 'utf8')
      .then((value) => ({ tag: 'ok', value }))
      .catch((error) => ({ tag: 'error', value: error.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: dir, lockfile, migrationDirectories, shadowDbInitScript: '' };
}

// Like Prisma's CLI: `--name "Add pairing"` gives <timestamp>_add_pairing.
function migrationSlug(name) {
  const slug = String(name ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!slug) throw new Error(`The migration name must contain ASCII letters or digits (got "${name}")`);
  return slug;
}

// Migrations apply in name order: a new folder must sort after every existing one, even when an
// existing (hand-made) folder carries a timestamp ahead of the clock. Timestamps are UTC.
function afterExisting(generatedName, existing) {
  const last = existing
    .map((d) => d.path.slice(0, 14))
    .filter((t) => /^\d{14}$/.test(t))
    .sort()
    .at(-1);
  const stamp = generatedName.slice(0, 14);
  if (!last || stamp > last) return generatedName;
  const [y, mo, d, h, mi, se] = last
    .match(/(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/)
    .slice(1)
    .map(Number);
  const next = new Date(Date.UTC(y, mo - 1, d, h, mi, se + 1)).toISOString().replace(/\D/g, '').slice(0, 14);
  return next + generatedName.slice(14);
}

function engineError(error) {
  if (panics.message) {
    const panic = new Error(`schema engine panicked: ${panics.message}`, { cause: error });
    panics.message = '';
    return panic;
  }
  if (error instanceof Error) return error;
  const message = error?.message ?? (typeof error === 'string' ? error : JSON.stringify(error));
  return new Error(error?.error_code ? `${error.error_code}: ${message}` : message);
}

async function withEngine(url, schemaFile, fn) {
  const { SchemaEngine } = await loadRuntime();
  const schema = await readSchema(schemaFile);
  const schemaName = new URL(url).searchParams.get('schema') ?? undefined;
  const pgFactory = new MigrationPg(poolConfig(url), { schema: schemaName });
  const log = (line) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error('[schema-engine]', line);
  };
  let engine;
  try {
    const datamodels = schema.files.map((f) => [f.path, f.content]);
    engine = await SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(pgFactory));
    return await fn(engine, schema);
  } catch (error) {
    throw engineError(error);
  } finally {
    try {
      engine?.free();
    } catch {
      // after a panic the Wasm instance is unusable
    }
    await pgFactory.close();
  }
}

// --- Commands -------------------------------------------------------------------------------

/** Applies the pending migrations of the migrations folder. Returns the names applied. */
export async function migrateDeploy(url, options) {
  const p = paths(options);
  const migrationsList = await readMigrations(p.migrationsDir);
  return withEngine(url, p.schemaPath, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/**
 * Applies pending migrations, then writes <migrations>/<yyyyMMddHHmmss>_<name>/migration.sql for
 * the difference between the migrations folder (replayed on a throwaway shadow database) and the
 * schema, and applies it. Returns { applied, created } (created: folder name, or null if no change).
 * With options.createOnly the new migration is written, even if empty, but not applied: room for
 * hand-written SQL (triggers...) before it runs.
 */
export async function migrateDev(url, name, options = {}) {
  const p = paths(options);
  const slug = migrationSlug(name);
  return withEngine(url, p.schemaPath, async (engine, schema) => {
    let migrationsList = await readMigrations(p.migrationsDir);
    // devDiagnostic also replays the migrations on a shadow database and caches the result, which
    // evaluateDataLoss and createMigration need: the Wasm engine gives only it (and diff) the
    // shadow factory. It only replays the applied ones, hence a second run after applying.
    const diagnose = async () => {
      const { action } = await engine.devDiagnostic({ migrationsList, filters: noFilters });
      if (action.tag === 'reset') {
        throw new Error(
          `The database is out of step with the migrations folder: ${action.reason}\n` +
            'Reset the development database (embedded one: stop the app, delete .data/pg) and run this again.',
        );
      }
    };
    await diagnose();
    const applied = (await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames;
    if (applied.length) await diagnose();

    const { warnings, unexecutableSteps } = await engine.evaluateDataLoss({ migrationsList, schema, filters: noFilters });
    if (unexecutableSteps.length) {
      throw new Error(`The migration cannot run on this database:\n${unexecutableSteps.map((s) => `  - ${s.message}`).join('\n')}`);
    }
    for (const w of warnings) console.warn(`warning: ${w.message}`);

    const { generatedMigrationName, migrationScript, extension, connectorType } = await engine.createMigration({
      draft: Boolean(options.createOnly),
      migrationName: slug,
      migrationsList,
      schema,
      filters: noFilters,
    });
    if (migrationScript === null) return { applied, created: null };

    const folder = afterExisting(generatedMigrationName, migrationsList.migrationDirectories);
    const dir = path.join(p.migrationsDir, folder);
    await fs.mkdir(p.migrationsDir, { recursive: true });
    await fs.mkdir(dir); // fails if it exists, rather than overwrite
    await fs.writeFile(path.join(dir, `migration.${extension}`), migrationScript);
    await fs.writeFile(
      path.join(p.migrationsDir, 'migration_lock.toml'),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${connectorType}"\n`,
    );
    if (options.createOnly) return { applied, created: folder };
    migrationsList = await readMigrations(p.migrationsDir);
    applied.push(...(await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames);
    return { applied, created: folder };
  });
}

/**
 * SQL that would take the database at `url` to the schema; '' when they match (no drift).
 * Triggers, functions and `_prisma_migrations` are outside Prisma's model and are ignored.
 */
export async function diffMigrationsToSchema(url, options) {
  const p = paths(options);
  return withEngine(url, p.schemaPath, async (engine, schema) => {
    const { stdout } = await engine.diff({
      // 'schemaDatasource' is the database behind the adapter ('url' targets are not supported)
      from: { tag: 'schemaDatasource', ...schema, configDir: path.dirname(p.schemaPath) },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = (stdout ?? '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  });
}
