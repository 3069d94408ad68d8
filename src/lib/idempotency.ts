/**
 * A save sent twice from a phone (a retry after the answer was lost, a queued send delivered while
 * the form also retried) creates one record. The device makes a UUID when the form is first filled
 * in and sends it with every attempt; the first create records it in IdempotencyKey in the same
 * transaction, and every repeat answers with what the first one made (decision 023).
 */
import { z } from 'zod';
import type { Db, Tx } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { fail, ok, type Result } from '@/lib/result';

/** What a form sends; an absent or blank key means "no idempotency" (an older page still open). */
export const idempotencyKeyField = z
  .union([z.literal(''), z.uuid({ error: 'form.errors.invalid' })])
  .optional()
  .transform((v) => v || undefined);

export type KeyedEntity = 'Activity' | 'EvidenceFile';

/**
 * The first send's record when `key` was used before. A key is its user's: someone else's (or one
 * used for another kind of record) is refused, never answered with that record.
 */
export async function repeatedSave(db: Db | Tx, actor: Actor, key: string | undefined, entityType: KeyedEntity) {
  if (!key) return null;
  const found = await db.idempotencyKey.findUnique({ where: { key } });
  if (!found) return null;
  if (found.userId !== actor.id || found.entityType !== entityType) return fail('notAllowed');
  return ok({ id: found.entityId });
}

/** Inside the create's transaction: a concurrent send with the same key fails on the primary key and rolls back. */
export async function recordKey(tx: Tx, actor: Actor, key: string | undefined, entityType: KeyedEntity, entityId: string) {
  if (key) await tx.idempotencyKey.create({ data: { key, userId: actor.id, entityType, entityId } });
}

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

/**
 * After a create's transaction failed: when it lost the race for its key to a concurrent send, the
 * answer is that send's record; anything else is not ours to explain (null: rethrow).
 */
export async function afterLostRace(
  e: unknown,
  db: Db,
  actor: Actor,
  key: string | undefined,
  entityType: KeyedEntity,
): Promise<Result<{ id: string }> | null> {
  if (!key || !isUniqueViolation(e)) return null;
  return repeatedSave(db, actor, key, entityType);
}
