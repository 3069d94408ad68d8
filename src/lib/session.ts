import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { auth } from '@/lib/auth/next-auth';
import { validateSession, type SessionUser } from '@/lib/auth/sessions';

export type { SessionUser };

/** The signed-in user for this request, checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  const result = await validateSession(session.sid);
  return 'user' in result ? result.user : null;
});

/**
 * For pages and server actions. A user who must change a one-time password is sent to do so
 * first, except on the page that lets them.
 */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !options.allowPasswordChange) redirect('/account/password');
  return user;
}

/**
 * Answers "not found" for a record or page outside the user's scope, and records the attempt:
 * denied access belongs in the audit trail, but the user learns nothing about what exists.
 */
export async function denyAccess(user: SessionUser, what: { entityType: string; entityId?: string | null; path?: string }): Promise<never> {
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor: user,
      action: 'access.denied',
      entityType: what.entityType,
      entityId: what.entityId ?? null,
      countyId: user.countyId,
      kindergartenId: user.kindergartenId,
      after: what.path ? { path: what.path } : undefined,
    }),
  );
  notFound();
}
