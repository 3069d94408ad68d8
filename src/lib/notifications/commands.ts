/**
 * Reading one's inbox: (actor, raw input, db) → Result. Marking read changes a row, so it is audited
 * like any change (it also shows when a person was told and opened it); the guard against two
 * concurrent opens is `readAt: null` in the update's WHERE, the notification's only state.
 */
import type { Db } from '@/lib/db';
import { can, notificationWhere, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, type Result } from '@/lib/result';
import { safeAppPath } from './href';
import { MarkAllReadInput, NotificationRef } from './schemas';

const scopeOf = (actor: ActorWithName) => ({ countyId: actor.countyId, kindergartenId: actor.kindergartenId });

/**
 * Opening a notification marks it read and answers where its record is. Another person's
 * notification answers notFound: nobody learns what someone else was told.
 */
export async function openNotification(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result<{ href: string }>> {
  const parsed = parseInput(NotificationRef, raw);
  if (!parsed.ok) return fail('notFound');
  const n = await db.notification.findUnique({
    where: { id: parsed.value.id },
    select: { id: true, recipientId: true, href: true, readAt: true },
  });
  if (!n || !can(actor, 'notification.view', { ownerId: n.recipientId })) return fail('notFound');
  const href = safeAppPath(n.href) ?? '/notifications';
  if (n.readAt) return ok({ href });
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { id: n.id, recipientId: actor.id, readAt: null }, data: { readAt: now } });
    // Opened twice at once (two taps, two tabs): the first marks it, the second has nothing to record.
    if (count === 1)
      await writeAudit(tx, { actor, action: 'notification.read', entityType: 'Notification', entityId: n.id, ...scopeOf(actor) });
  });
  return ok({ href });
}

/** Marks every unread line the page showed as read (see MarkAllReadInput). */
export async function markAllNotificationsRead(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now = new Date(),
): Promise<Result<{ count: number }>> {
  const parsed = parseInput(MarkAllReadInput, raw);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'notification.view', { ownerId: actor.id })) return fail('notAllowed');
  const seenUpTo = parsed.value.seenUpTo ? new Date(parsed.value.seenUpTo) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { ...notificationWhere(actor), readAt: null, ...(seenUpTo ? { createdAt: { lte: seenUpTo } } : {}) },
      data: { readAt: now },
    });
    if (count > 0)
      await writeAudit(tx, {
        actor,
        action: 'notification.allRead',
        entityType: 'Notification',
        ...scopeOf(actor),
        after: { count, seenUpTo },
      });
    return ok({ count });
  });
}
