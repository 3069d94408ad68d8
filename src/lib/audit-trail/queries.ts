import 'server-only';
import { db } from '@/lib/db';
import { auditWhere, type Actor } from '@/lib/authz';

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated on the id so deep pages stay fast on a large trail. */
export async function listAuditEntries(actor: Actor, { action, before }: { action?: string; before?: string }) {
  const beforeId = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const rows = await db.auditEntry.findMany({
    where: {
      AND: [auditWhere(actor), action ? { action } : {}, beforeId ? { id: { lt: beforeId } } : {}],
    },
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, actorName: true, action: true, entityType: true, entityId: true, before: true, after: true, ip: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id.toString() : null,
  };
}

export async function listAuditActions(actor: Actor) {
  const rows = await db.auditEntry.findMany({
    where: auditWhere(actor),
    distinct: ['action'],
    select: { action: true },
    orderBy: { action: 'asc' },
  });
  return rows.map((r) => r.action);
}
