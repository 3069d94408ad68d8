import type { APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { expect, test, signIn } from './helpers';

// Every link the app shows a user opens a page (issue 9: the teacher's home and the A6 drill-down
// linked papers to /papers/<id>, a 404 for everyone). Each demo role signs in and follows, breadth
// first from its home page, the same-origin links it is shown, and no page answers 404 or 5xx.
// Read-only: GETs of pages and downloads the user is offered; runs once (desktop project).

const MAX_PAGES = 60;
/** The same route with other ids (the hundredth activity) says nothing new: a few of each shape are enough. */
const PER_SHAPE = 2;
/**
 * Pages asked for at once. They are taken from the front of the queue and their links handled in
 * queue order, so the crawl reaches the same pages as one request at a time, while the server
 * answers one page during another's database queries.
 */
const AT_ONCE = 3;

/**
 * Links that are not pages: file and API downloads (their own tests check them), sign-in and out, and
 * opening a notification (it marks the line read, then leads to a page the crawl reaches anyway).
 */
const SKIP = [/^\/api\//, /^\/login\b/, /^\/logout\b/, /^\/notifications\/[^/]+$/];

/** The route a URL names, with record ids (cuids, numbers) blanked: `/activities/:id?period=:id:2025-AUTUMN&test=A6`. */
function shape(url: URL): string {
  const params = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const search = params.map(([k, v]) => `${k}=${v}`).join('&');
  return `${url.pathname}?${search}`.replace(/[a-z0-9]{20,}/gi, ':id').replace(/\/\d+(?=\/|\?|$)/g, '/:n');
}

/** Same-origin hrefs of <a> elements in server-rendered HTML (streamed Suspense content included). */
function linksIn(html: string, base: URL): URL[] {
  const out: URL[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)) {
    const href = m[1].replace(/&amp;/g, '&');
    if (!href || href.startsWith('#') || /^(mailto|tel|javascript):/i.test(href)) continue;
    const url = new URL(href, base);
    if (url.origin !== base.origin) continue;
    url.hash = '';
    out.push(url);
  }
  return out;
}

async function crawl(request: APIRequestContext, start: URL) {
  const seen = new Set<string>([start.href]);
  const perShape = new Map<string, number>();
  const queue: { url: URL; from: string }[] = [{ url: start, from: '(home)' }];
  const broken: { url: string; status: number; from: string }[] = [];
  let visited = 0;
  while (queue.length && visited < MAX_PAGES) {
    const batch = queue.splice(0, Math.min(AT_ONCE, MAX_PAGES - visited));
    visited += batch.length;
    const answers = await Promise.all(
      batch.map(async ({ url }) => {
        const res = await request.get(url.href, { failOnStatusCode: false });
        const html = (res.headers()['content-type'] ?? '').includes('text/html') ? await res.text() : null;
        return { res, html };
      }),
    );
    for (const [i, { url, from }] of batch.entries()) {
      const { res, html } = answers[i];
      if (res.status() >= 400) broken.push({ url: url.pathname + url.search, status: res.status(), from });
      if (html === null) continue;
      for (const next of linksIn(html, new URL(res.url()))) {
        if (seen.has(next.href) || SKIP.some((r) => r.test(next.pathname))) continue;
        seen.add(next.href);
        const key = shape(next);
        const n = perShape.get(key) ?? 0;
        if (n >= PER_SHAPE) continue;
        perShape.set(key, n + 1);
        queue.push({ url: next, from: url.pathname + url.search });
      }
    }
  }
  return { visited, broken };
}

// Every role and both kinds of director; the rural teacher's password is changed by accounts.spec.ts
// (the other teacher has the same pages).
const { ruralTeacher: _changedByAccountsSpec, ...ACCOUNTS } = DEMO_ACCOUNTS;

for (const [role, account] of Object.entries(ACCOUNTS)) {
  test(`every link shown to the ${role} account opens a page @desktop-only`, async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    await signIn(page, account);
    // page.request shares the signed-in context's cookies.
    const { visited, broken } = await crawl(page.request, new URL('/', baseURL));
    expect(visited).toBeGreaterThan(3);
    expect(broken).toEqual([]);
  });
}
