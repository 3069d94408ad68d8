import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, type Actor } from '@/lib/authz';
import { generateToken, hashToken, lastFour } from './token';

export const MAX_ACTIVE_TOKENS = 20;
export type TokenActor = Actor & { name: string };

/** Issues a token and returns it: the only moment it exists outside the caller. Only its hash is stored. */
export async function issueToken(user: TokenActor, input: { name: string; expiresInDays: number | null }, now = new Date()) {
  if (!can(user, 'apiToken.manage', { ownerId: user.id })) return { ok: false as const, error: 'notAllowed' as const };
  const active = await db.personalAccessToken.count({ where: { ownerId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  if (active >= MAX_ACTIVE_TOKENS) return { ok: false as const, error: 'tooMany' as const };
  const token = generateToken();
  const expiresAt = input.expiresInDays == null ? null : new Date(now.getTime() + input.expiresInDays * 86400_000);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.personalAccessToken.create({
      data: { ownerId: user.id, name: input.name, tokenHash: hashToken(token), lastFour: lastFour(token), expiresAt, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: user, action: 'apiToken.created', entityType: 'PersonalAccessToken', entityId: created.id,
      countyId: user.countyId, kindergartenId: user.kindergartenId,
      after: { name: input.name, lastFour: lastFour(token), expiresAt },
    });
    return created;
  });
  return { ok: true as const, id: row.id, token };
}

/** Only the owner revokes; someone else's token id answers as if it did not exist. */
export async function revokeOwnToken(user: TokenActor, id: string, now = new Date()) {
  const row = await db.personalAccessToken.findUnique({ where: { id }, select: { id: true, ownerId: true, name: true, lastFour: true, revokedAt: true } });
  if (!row || !can(user, 'account.updateOwn', { ownerId: row.ownerId })) return { ok: false as const, error: 'notFound' as const };
  if (row.revokedAt) return { ok: true as const };
  await db.$transaction(async (tx) => {
    await tx.personalAccessToken.update({ where: { id: row.id }, data: { revokedAt: now } });
    await writeAudit(tx, {
      actor: user, action: 'apiToken.revoked', entityType: 'PersonalAccessToken', entityId: row.id,
      countyId: user.countyId, kindergartenId: user.kindergartenId, before: { name: row.name, lastFour: row.lastFour },
    });
  });
  return { ok: true as const };
}
