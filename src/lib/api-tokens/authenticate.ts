import 'server-only';
import { db } from '@/lib/db';
import { hasPermission, userCountyId, type Actor } from '@/lib/authz';
import { bearerToken, hashToken } from './token';

export const RATE_LIMIT_PER_MINUTE = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600);
// Like session lastSeenAt: a minute is precise enough and keeps reads from all becoming writes.
const TOUCH_EVERY_MS = 60 * 1000;

export type ApiCaller = { actor: Actor; tokenId: string };
export type ApiAuthFailure =
  { status: 401; reason: 'missing' | 'invalid' | 'revoked' | 'expired' | 'deactivated' } | { status: 429; retryAfter: number };

/**
 * The token's owner as an Actor, read from the database on every request: a deactivated owner,
 * a role or kindergarten change, revocation and expiry apply to the very next call.
 */
export async function authenticateToken(authorization: string | null, now = new Date()): Promise<ApiCaller | ApiAuthFailure> {
  const token = bearerToken(authorization);
  if (!token) return { status: 401, reason: authorization ? 'invalid' : 'missing' };
  const row = await db.personalAccessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      owner: {
        select: {
          id: true,
          role: true,
          active: true,
          kindergartenId: true,
          regionId: true,
          kindergarten: { select: { countyId: true, active: true } },
        },
      },
    },
  });
  if (!row) return { status: 401, reason: 'invalid' };
  if (row.revokedAt) return { status: 401, reason: 'revoked' };
  if (row.expiresAt && row.expiresAt <= now) return { status: 401, reason: 'expired' };
  const o = row.owner;
  const actor: Actor = {
    id: o.id,
    role: o.role,
    kindergartenId: o.kindergartenId,
    countyId: userCountyId(o),
  };
  // A demoted owner (e.g. now a teacher) may no longer hold tokens at all.
  if (!o.active || !hasPermission(actor, 'apiToken.manage')) return { status: 401, reason: 'deactivated' };

  const count = await countRequest(row.id, now);
  if (count > RATE_LIMIT_PER_MINUTE) return { status: 429, retryAfter: 60 - now.getUTCSeconds() };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchToken(row.id, now);
  return { actor, tokenId: row.id };
}

/**
 * Best-effort bookkeeping: lastUsedAt is a hint for the token list, so a failure here is logged
 * and never fails the request (in a transaction it answered 500 with P2028 when the pool was
 * busy). One plain UPDATE, no transaction; its WHERE repeats the minute test so that concurrent
 * requests of a busy client, all having read the old value, write once. Only the request that
 * wrote prunes the old rate windows.
 */
async function touchToken(tokenId: string, now: Date): Promise<void> {
  try {
    const touched = await db.$executeRaw`
      UPDATE "PersonalAccessToken" SET "lastUsedAt" = ${now}
      WHERE "id" = ${tokenId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now.getTime() - TOUCH_EVERY_MS)})`;
    if (touched > 0)
      await db.apiRateWindow.deleteMany({ where: { tokenId, windowStart: { lt: new Date(now.getTime() - 5 * 60 * 1000) } } });
  } catch (error) {
    console.error(`[api token] last use not recorded for ${tokenId}: ${(error as Error).message ?? error}`);
  }
}

/** One upsert per request in a fixed one-minute window; returns this window's count so far. */
async function countRequest(tokenId: string, now: Date): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", "count") VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  return rows[0].count;
}
