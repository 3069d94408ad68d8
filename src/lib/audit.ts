import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from '@/lib/db';
import type { Actor } from '@/lib/authz';

export type AuditInput = {
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  countyId?: string | null;
  kindergartenId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

// Prisma's Json input refuses undefined and class instances; a JSON round trip turns Dates into strings.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Call inside the same transaction as the change it records (READ COMMITTED, Prisma's default).
 * The database chains the entry to the previous one (`prevHash`, `hash`; decision 014), whatever is passed.
 */
export function writeAudit(tx: Tx, entry: AuditInput) {
  return tx.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      countyId: entry.countyId ?? null,
      kindergartenId: entry.kindergartenId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: entry.ip ?? null,
    },
  });
}

/**
 * A denied page, action, file or export: the user is answered "not found" and learns nothing;
 * the trail keeps the attempt. Nothing changed, so it is its own transaction.
 */
export async function auditDenied(actor: Actor & { name: string }, what: { entityType: string; entityId?: string | null; path?: string }) {
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'access.denied',
      entityType: what.entityType,
      entityId: what.entityId ? what.entityId.slice(0, 64) : null,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      after: what.path ? { path: what.path } : undefined,
    }),
  );
}
