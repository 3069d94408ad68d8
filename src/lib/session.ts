import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
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
