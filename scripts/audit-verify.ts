// npm run audit:verify [-- --head <hash>]
// Recomputes the audit trail's hash chain (docs/decisions/014) and prints "OK" with the number of
// entries and the chain head, or names the first entry where the chain breaks and exits 1.
// --head: a head printed by an earlier run and kept elsewhere; it must still be in the chain, which
// catches a rewrite that recomputed every hash after the change.
// Uses DATABASE_URL, or the embedded PostgreSQL in HIH_DATA_DIR (started and stopped if needed).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase } from './db/postgres.mjs';

export type ChainRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  countyId: string | null;
  kindergartenId: string | null;
  /** jsonb's own text form, as PostgreSQL prints it */
  before: string | null;
  after: string | null;
  ip: string | null;
  prevHash: string | null;
  hash: string;
};

export type ChainReport =
  | { ok: true; count: number; head: { id: string; hash: string } | null; headFound: boolean | null }
  | { ok: false; count: number; broken: { id: string; at: Date; reason: string } };

// The same canonical text as audit_entry_hash() in the migration 20261130115603, computed here
// independently: a verifier that asked the database would trust functions a superuser can replace.
function field(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

export function entryHash(row: Omit<ChainRow, 'hash'>): string {
  const text = [
    row.id,
    String(row.at.getTime()),
    row.actorId,
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.countyId,
    row.kindergartenId,
    row.before,
    row.after,
    row.ip,
    row.prevHash,
  ]
    .map(field)
    .join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Walks the trail in id order; stops at the first entry whose content or link does not match. */
export async function verifyAuditChain(client: pg.ClientBase, options: { head?: string; batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  let count = 0;
  let previous = null as { id: string; hash: string } | null; // `as`: no narrowing to null across the loop
  let headFound: boolean | null = options.head ? false : null;
  for (;;) {
    const { rows } = await client.query<ChainRow>(
      `SELECT "id"::text AS id, "at", "actorId", "actorName", "action", "entityType", "entityId", "countyId",
              "kindergartenId", "before"::text AS before, "after"::text AS after, "ip", "prevHash", "hash"
         FROM "AuditEntry" e WHERE e."id" > $1::bigint ORDER BY e."id" LIMIT $2`, // e."id": the bigint, not the text alias
      [previous?.id ?? '0', batchSize],
    );
    for (const row of rows) {
      const expectedPrev = previous?.hash ?? null;
      if (row.prevHash !== expectedPrev) {
        const before = previous ? `entry #${previous.id}` : 'no entry (it should be the first)';
        return {
          ok: false,
          count,
          broken: {
            id: row.id,
            at: row.at,
            reason: `its link does not match the entry before it, ${before}: an entry up to here was altered, removed or inserted`,
          },
        };
      }
      if (entryHash(row) !== row.hash) {
        return { ok: false, count, broken: { id: row.id, at: row.at, reason: 'its content does not match its hash: it was altered' } };
      }
      if (row.hash === options.head) headFound = true;
      previous = { id: row.id, hash: row.hash };
      count++;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, count, head: previous, headFound };
}

async function main() {
  const { values } = parseArgs({ options: { head: { type: 'string' } } });
  const database = await ensureDatabase();
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    const report = await verifyAuditChain(client, { head: values.head });
    if (!report.ok) {
      const { id, at, reason } = report.broken;
      console.error(`Audit trail BROKEN at entry #${id} (${at.toISOString()}): ${reason}.`);
      console.error(`${report.count} entries before it verified.`);
      return 1;
    }
    if (report.headFound === false) {
      console.error(
        `Audit trail BROKEN: the chain no longer contains the head ${values.head} recorded earlier: entries up to it were rewritten.`,
      );
      return 1;
    }
    console.log(`Audit trail OK: ${report.count} entries, chain intact.`);
    if (report.head) {
      console.log(`Head: entry #${report.head.id} ${report.head.hash}`);
      console.log('Keep the head elsewhere; a later `npm run audit:verify -- --head <hash>` proves nothing before it was rewritten.');
    }
    return 0;
  } finally {
    await client.end().catch(() => {});
    await database.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`audit:verify failed: ${error?.message ?? error}`);
      process.exit(2);
    },
  );
}
