/**
 * Same-origin only, like server actions: a page elsewhere must not post files into (or replace the
 * previews of) a signed-in user's records. No Origin header (an older browser, a script) passes,
 * as for server actions; an opaque `Origin: null` (a sandboxed frame, a file opened from disk) or
 * anything that is not a URL is foreign.
 */
export function isForeignOrigin(request: Request) {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!URL.canParse(origin)) return true;
  return !!host && new URL(origin).host !== host;
}
