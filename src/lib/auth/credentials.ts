import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { userCountyId } from '@/lib/authz';
import { hashPassword, verifyPassword } from './hash';
import { createSession } from './sessions';

export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

// Verified when the account does not exist, so a wrong identifier takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Phone numbers are matched without spaces or dashes; e-mail addresses case-insensitively. */
export function normalizeIdentifier(raw: string) {
  const value = raw.trim();
  return value.includes('@') ? { email: value.toLowerCase() } : { phone: value.replace(/[\s-]/g, '') };
}

export type SignInResult = { ok: true; userId: string; sessionId: string; locale: string } | { ok: false };

/**
 * Checks credentials with a per-account lockout held in PostgreSQL (so it holds across restarts
 * and instances), records the attempt in the audit trail, and opens a server-side session.
 * Every failure looks the same to the caller: whether the account exists is never revealed.
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
      lockedUntil: true,
      securityStamp: true,
      locale: true,
      kindergarten: { select: { countyId: true } },
    },
  });
  const scope = user ? { countyId: userCountyId(user), kindergartenId: user.kindergartenId } : {};

  const fail = async (reason: string) => {
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
    return { ok: false } as const;
  };

  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
    await verifyPassword(await dummyHash, password);
    return fail('unknownAccount');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    // The same work as any other attempt, right password or not: a fast answer would tell that the account exists.
    await verifyPassword(user.passwordHash, password);
    return fail('locked');
  }

  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    // One atomic statement: concurrent attempts on several instances cannot lose a count.
    await db.$executeRaw`
      UPDATE "User" SET
        "failedSignIns" = CASE WHEN "failedSignIns" + 1 >= ${LOCK_AFTER_FAILURES} THEN 0 ELSE "failedSignIns" + 1 END,
        "lockedUntil"   = CASE WHEN "failedSignIns" + 1 >= ${LOCK_AFTER_FAILURES} THEN ${new Date(now.getTime() + LOCK_MS)} ELSE "lockedUntil" END
      WHERE id = ${user.id}`;
    return fail('badPassword');
  }
  if (!user.active) return fail('inactive');

  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
  const sessionId = await createSession(user, now);
  await db.$transaction((tx) =>
    writeAudit(tx, { actor: user, action: 'auth.signIn', entityType: 'User', entityId: user.id, ...scope, ip }),
  );
  return { ok: true, userId: user.id, sessionId, locale: user.locale };
}
