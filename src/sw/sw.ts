/// <reference lib="webworker" />
/**
 * The service worker (built by @serwist/turbopack's route, src/app/serwist/[path]/route.ts;
 * decision 023). Pages a person opened are kept so they can be read offline, marked as an offline
 * copy; the app's own scripts and styles are kept so those pages still work. Nothing under /api
 * (files, exports, the JSON API) is ever kept, nor any write; the kept pages are dropped when the
 * sign-in page is reached (signed out, or the session ended) and at sign-out.
 */
import { CacheFirst, ExpirationPlugin, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';
import { PAGES_CACHE, isKeptPage, keptCopy, noCopyPage } from './pages';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Pages kept at most: the recent ones are what a person opens again in the village. */
const MAX_PAGES = 40;

async function keep(url: string, response: Response) {
  if (response.status !== 200 || response.redirected || !(response.headers.get('content-type') ?? '').includes('text/html')) return;
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(url);
  await cache.put(url, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

// Reaching the sign-in page (a page load or the router's fetch after sign-out) ends whose pages these were.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && url.pathname === '/login') event.waitUntil(caches.delete(PAGES_CACHE));
});

// The page asks for the page it shows to be kept: most moves between pages are the router's own
// fetches, which never load the page as a whole.
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; url?: string } | null;
  if (data?.type !== 'hih-keep-page' || !data.url) return;
  const url = new URL(data.url, self.location.origin);
  if (url.origin !== self.location.origin || !isKeptPage(url)) return;
  event.waitUntil(
    fetch(url, { credentials: 'same-origin' })
      .then((r) => keep(url.href, r))
      .catch(() => {}),
  );
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && isKeptPage(url),
      handler: async ({ request, event }) => {
        try {
          const response = await fetch(request);
          event.waitUntil(keep(request.url, response.clone()).catch(() => {}));
          return response;
        } catch {
          const kept = await caches.open(PAGES_CACHE).then((c) => c.match(request.url));
          return kept ? keptCopy(kept) : noCopyPage();
        }
      },
    },
    {
      // Content-hashed file names: a kept copy is always the right one.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: 'hih-static',
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 24 * 60 * 60, maxAgeFrom: 'last-used' })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && /^\/(icons\/|icon\.svg|apple-icon\.png|favicon\.ico|manifest\.webmanifest)/.test(url.pathname),
      handler: new StaleWhileRevalidate({ cacheName: 'hih-static' }),
    },
  ],
});

serwist.addEventListeners();
