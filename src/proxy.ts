import { NextResponse, type NextRequest } from 'next/server';

// Anonymous visitors may reach only these; everything else is redirected to the sign-in page.
// This is not authorization: pages and actions check the session and scope themselves.
// The manifest and icons too: a phone reads them from the sign-in page to offer installing the app.
// /verify: a printed service record's code is checked by whoever holds the paper (issue 14).
const PUBLIC_PATHS = [
  '/login',
  '/api/auth',
  '/api/health',
  '/manifest.webmanifest',
  '/icons',
  '/apple-icon.png',
  '/verify',
  '/robots.txt',
  '/serwist',
];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p + '/'));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession && !pathname.startsWith('/api/')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const isDev = process.env.NODE_ENV === 'development';
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (progress bars, chart sizes) are harmless enough to allow.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js): without this, script-src's 'strict-dynamic' decides.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Evidence files and archives carry their own, stricter policy (default-src 'none').
  if (!pathname.startsWith('/api/files/') && !pathname.startsWith('/api/archive/')) response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // Prefetches included (Next's CSP example skips them): a prefetched page is shown as it was fetched,
  // so it needs the policy too, and its scripts carry the nonce of the policy sent with it.
  // Not /api/files: Next reads the whole body of every request the proxy runs on into memory, and
  // cuts it at `proxyClientMaxBodySize` (10 MB), so a 15 MB upload reached the route as 10 MB. The
  // file routes stream the body themselves, check it against its Content-Length, and set their
  // own CSP; a signed-out visitor there gets a 401/404 from the route, not the sign-in redirect.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|api/files).*)'],
};
