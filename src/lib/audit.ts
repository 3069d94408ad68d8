import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';

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

/** Call inside the same transaction as the change it records. */
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
