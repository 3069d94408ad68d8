import 'server-only';
import type { Db } from '@/lib/db';
import { notificationWhere, type Actor } from '@/lib/authz';
import type { InboxFilters } from './schemas';

export const NOTIFICATIONS_PAGE_SIZE = 30;

/**
 * The header's figure on every page: one COUNT on the (recipientId, readAt, createdAt) index.
 */
export function unreadCount(actor: Actor, db: Db): Promise<number> {
  return db.notification.count({ where: { ...notificationWhere(actor), readAt: null } });
}

/** The person's inbox, newest first, a page at a time; optionally only what is unread. */
export async function listNotifications(actor: Actor, filters: InboxFilters, db: Db) {
  const page = filters.page ?? 1;
  const where = { ...notificationWhere(actor), ...(filters.unread ? { readAt: null } : {}) };
  const [rows, total, unread, newest] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
    unreadCount(actor, db),
    // What "mark all read" covers: lines up to the newest one there was when the page was drawn.
    db.notification.findFirst({ where: notificationWhere(actor), orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
  ]);
  return { rows, total, unread, page, hasMore: page * NOTIFICATIONS_PAGE_SIZE < total, newest: newest?.createdAt ?? null };
}
