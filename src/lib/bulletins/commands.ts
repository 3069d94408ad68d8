/**
 * Bulletins (通报): the city drafts one for a closed period and publishes it. (actor, raw input, db) →
 * Result; change + audit (and the city-wide notice) in one transaction.
 */
import type { Db } from '@/lib/db';
import { can, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { notify } from '@/lib/notifications/notify';
import { everyone } from '@/lib/notifications/recipients';
import { computeContent } from './queries';
import { BulletinInput, PublishInput } from './schemas';

/** Creates a draft (no id) or saves a draft's title and text again. Published bulletins never change. */
export async function saveBulletin(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(BulletinInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, closedPeriodId, title, body } = parsed.value;
  if (!id) {
    if (!can(actor, 'bulletin.manage', {})) return fail('notAllowed');
    const period = await db.closedPeriod.findUnique({ where: { id: closedPeriodId }, select: { id: true, key: true } });
    if (!period) return invalid({ closedPeriodId: ['bulletins.errors.periodNotClosed'] });
    const created = await db.$transaction(async (tx) => {
      const b = await tx.bulletin.create({ data: { closedPeriodId: period.id, title, body, createdById: actor.id } });
      await writeAudit(tx, {
        actor,
        action: 'bulletin.created',
        entityType: 'Bulletin',
        entityId: b.id,
        after: { period: period.key, title, body },
      });
      return b;
    });
    return ok({ id: created.id });
  }
  const b = await db.bulletin.findUnique({ where: { id } });
  // A draft is the city's: nobody else learns it exists.
  if (!b || !can(actor, 'bulletin.manage', {})) return fail('notFound');
  if (b.status !== 'DRAFT') return fail('wrongState');
  if (version !== b.version) return fail('conflict', { conflict: { version: b.version } });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.bulletin.update({
        where: { id: b.id, version: b.version, status: 'DRAFT' },
        data: { title, body, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'bulletin.updated',
        entityType: 'Bulletin',
        entityId: b.id,
        before: { title: b.title, body: b.body },
        after: { title, body },
      });
      return { id: b.id };
    }),
  );
}

/**
 * Publishes a draft: its content (per county and pairing, from the frozen results) is computed now and
 * stored for good, and everyone in the city is told.
 */
export async function publishBulletin(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(PublishInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.value;
  const b = await db.bulletin.findUnique({ where: { id }, include: { closedPeriod: { select: { key: true } } } });
  if (!b || !can(actor, 'bulletin.manage', {})) return fail('notFound');
  if (b.status !== 'DRAFT') return fail('wrongState');
  if (version !== b.version) return fail('conflict');
  const content = await computeContent(db, b.closedPeriodId, now);
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.bulletin.update({
        where: { id: b.id, version: b.version, status: 'DRAFT' },
        data: { status: 'PUBLISHED', content, publishedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'bulletin.published',
        entityType: 'Bulletin',
        entityId: b.id,
        before: { status: 'DRAFT' },
        after: { status: 'PUBLISHED', period: b.closedPeriod.key, title: b.title, pairings: content.pairings.length },
      });
      await notify(tx, {
        kind: 'bulletin.published',
        recipientIds: await everyone(tx),
        actorId: actor.id,
        href: `/bulletins/${b.id}`,
        entityType: 'Bulletin',
        entityId: b.id,
        values: { title: b.title },
      });
      return { id: b.id };
    }),
  );
}
