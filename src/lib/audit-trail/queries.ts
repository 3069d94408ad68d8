import 'server-only';
import { db } from '@/lib/db';
import { auditWhere, kindergartenWhere, pairingWhere, userWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { referencedIds } from './changes';

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
    names: await namesFor(actor, referencedIds(page)),
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

/**
 * Names for the ids a page of the trail refers to: people, kindergartens and pairings, one query
 * each for the whole page. Each goes through the viewer's own scope filter, so a county admin reads
 * the names of its own county and sees any other id as recorded, learning nothing more.
 */
export async function namesFor(actor: Actor, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const [users, kindergartens, pairings] = await Promise.all([
    db.user.findMany({ where: { AND: [{ id: { in: ids } }, userWhere(actor)] }, select: { id: true, name: true } }),
    db.kindergarten.findMany({ where: { AND: [{ id: { in: ids } }, kindergartenWhere(actor)] }, select: { id: true, name: true } }),
    db.pairing.findMany({
      where: { AND: [{ id: { in: ids } }, pairingWhere(actor)] },
      select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } } },
    }),
  ]);
  return Object.fromEntries([
    ...users.map((u) => [u.id, u.name]),
    ...kindergartens.map((k) => [k.id, k.name]),
    ...pairings.map((p) => [p.id, pairingLabel(p)]),
  ]);
}
