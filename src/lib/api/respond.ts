import 'server-only';
import { NotFoundError, type Actor } from '@/lib/authz';
import { authenticateToken } from '@/lib/api-tokens/authenticate';
import { BadRequestError } from './params';

// API answers are personal: never cached by a proxy, never a cookie.
const HEADERS = { 'Cache-Control': 'private, no-store', 'Content-Type': 'application/json; charset=utf-8' };

export function json(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
}

export function apiError(status: number, code: string, message: string, extra: Record<string, string> = {}) {
  return json({ error: { code, message } }, status, extra);
}

const UNAUTHORIZED: Record<string, string> = {
  missing: 'Authorization: Bearer <token> is required',
  invalid: 'the token is not valid',
  revoked: 'the token has been revoked',
  expired: 'the token has expired',
  deactivated: 'the token owner may no longer use the API',
};

/**
 * Every /api/v1 handler: authenticate the bearer token, run the read with the owner's Actor, and
 * turn the expected failures into JSON (400 bad parameter, 404 missing or out of scope).
 */
export function apiRoute<C>(read: (actor: Actor, request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C): Promise<Response> => {
    const caller = await authenticateToken(request.headers.get('authorization'));
    if ('status' in caller) {
      if (caller.status === 429)
        return apiError(429, 'rate_limited', 'too many requests for this token; try again shortly', {
          'Retry-After': String(caller.retryAfter),
        });
      return apiError(401, 'unauthorized', UNAUTHORIZED[caller.reason], { 'WWW-Authenticate': 'Bearer realm="api"' });
    }
    try {
      return json(await read(caller.actor, request, context));
    } catch (error) {
      if (error instanceof BadRequestError) return apiError(400, 'bad_request', error.message);
      if (error instanceof NotFoundError) return apiError(404, 'not_found', 'not found');
      throw error;
    }
  };
}
