import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { userCountyId } from '@/lib/authz';
import { hashPassword, verifyPassword } from './hash';
import { createSession } from './sessions';
import { recordSignInFailure, recordSignInSuccess, signInWait } from './throttle';

// Verified when the account does not exist, so a wrong identifier takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Phone numbers are matched without spaces or dashes; e-mail addresses case-insensitively. */
export function normalizeIdentifier(raw: string) {
  const value = raw.trim();
  return value.includes('@') ? { email: value.toLowerCase() } : { phone: value.replace(/[\s-]/g, '') };
}

/** The normalised identifier as one string: the key the throttle counts failures under. */
export function identifierKey(raw: string) {
  const where = normalizeIdentifier(raw);
  return where.email ?? where.phone ?? '';
}

/** `retryAfterSeconds`: the wait before this identifier may be tried again from this address. */
export type SignInResult = { ok: true; userId: string; sessionId: string; locale: string } | { ok: false; retryAfterSeconds?: number };

/**
 * Checks credentials, slowed by the throttle in throttle.ts (no lockout), records the attempt in the
 * audit trail, and opens a server-side session. Every failure looks the same to the caller: whether
 * the account exists is never revealed (unknown identifiers are throttled like real ones).
 */
export async function signInWithPassword(identifier: string, password: string, ip: string | null, now = new Date()): Promise<SignInResult> {
  const where = normalizeIdentifier(identifier);
  const user = await db.user.findFirst({
    where,
    select: {
      id: true,
      name: true,
      role: true,
      regionId: true,
      kindergartenId: true,
      passwordHash: true,
      active: true,
      securityStamp: true,
      locale: true,
      kindergarten: { select: { countyId: true } },
    },
  });
  const scope = user ? { countyId: userCountyId(user), kindergartenId: user.kindergartenId } : {};

  const key = identifierKey(identifier);
  const fail = async (reason: string, retryAfterMs = 0) => {
    await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: null,
        action: 'auth.signInFailed',
        entityType: 'User',
        entityId: user?.id ?? null,
        ...scope,
        after: { identifier: identifier.slice(0, 100), reason },
        ip,
      }),
    );
    return retryAfterMs > 0 ? ({ ok: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } as const) : ({ ok: false } as const);
  };

  const wait = await signInWait(db, key, ip, now);
  // The same Argon2 work for every attempt, throttled, unknown or not: a fast answer would tell which.
  dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  // Not judged while waiting, so a right guess is worth nothing; not counted either.
  if (wait > 0) return fail('throttled', wait);
  if (!user || !valid) {
    await recordSignInFailure(db, key, ip, now);
    return fail(user ? 'badPassword' : 'unknownAccount', await signInWait(db, key, ip, now));
  }
  if (!user.active) return fail('inactive');

  await recordSignInSuccess(db, key, ip, now);
  const sessionId = await createSession(user, now);
  await db.$transaction((tx) =>
    writeAudit(tx, { actor: user, action: 'auth.signIn', entityType: 'User', entityId: user.id, ...scope, ip }),
  );
  return { ok: true, userId: user.id, sessionId, locale: user.locale };
}
