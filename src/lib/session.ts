import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { auditDenied } from '@/lib/audit';
import { hasPermission, type Action } from '@/lib/authz';
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
  await auditDenied(user, what);
  notFound();
}

const NOT_FOUND_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
};
export const notFoundResponse = () => new Response('Not found', { status: 404, headers: NOT_FOUND_HEADERS });

/**
 * For route handlers (files, exports, templates, the archive): the signed-in user, or a 404 to
 * return. With a permission, a user without it is refused and audited like a denied page.
 */
export async function requireRouteUser(
  request: Request,
  check?: { permission: Action; entityType: string },
): Promise<{ user: SessionUser; response?: never } | { user?: never; response: Response }> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return { response: notFoundResponse() };
  if (check && !hasPermission(user, check.permission))
    return { response: await denyRoute(user, request, { entityType: check.entityType }) };
  return { user };
}

/** A record a route handler will not serve to this user: audited, answered 404. */
export async function denyRoute(
  user: SessionUser,
  request: Request,
  what: { entityType: string; entityId?: string | null },
): Promise<Response> {
  await auditDenied(user, { ...what, path: new URL(request.url).pathname });
  return notFoundResponse();
}
