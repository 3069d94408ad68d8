import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';

export type TokenState = 'active' | 'expired' | 'revoked';

export async function listOwnTokens(actor: Actor, now = new Date()) {
  const rows = await db.personalAccessToken.findMany({
    where: { ownerId: actor.id },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 100,
    select: { id: true, name: true, lastFour: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    ...r,
    state: (r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt <= now ? 'expired' : 'active') as TokenState,
  }));
}
