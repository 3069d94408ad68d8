import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test as base, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core on every page the suite visits (issue 12, decision 024), without a line in the specs:
// every page of every context a test opens (the `page` fixture's and `browser.newContext()`'s) is
// checked after goto / reload (the load event), and before the test leaves it with goto / reload or
// closes its context (once the network rests). Not on waitForURL: after a click it resolves while the
// app may still be between two pages. A page left by clicks before any of those moments is opened
// again by its address before its context closes. Each page is checked once per run, project
// (viewport), language and menu (the role): the 80th activity says nothing the first did not.

/** Pages that are not the app's: downloads and the JSON API. */
const SKIP = [/^\/api\//];

/** The route a URL names, with record ids and numbers blanked and only the query's names: `/activities/:id?saved`. */
export function pageShape(url: URL): string {
  const names = [...new Set(url.searchParams.keys())].sort().join('&');
  const route = url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/[a-z0-9]{20,}/gi, ':id')
    .replace(/\d+/g, 'n');
  return `${route}?${names}`;
}

type Visit = { url: string; shape: string };
type Watched = { project: string; visits: Map<string, Visit>; done: Set<string>; test: unknown };

/**
 * Checked in this run: `project|lang|menu|shape`, and `project|shape` to skip reopening a page already
 * checked for someone. Shared by the workers through the record file (test-results/a11y-checked.tsv).
 */
const checked = new Set<string>();
const checkedShapes = new Set<string>();
let record = '';
let recordSize = -1;

function readRecord() {
  const size = existsSync(record) ? statSync(record).size : 0;
  if (size === recordSize) return;
  recordSize = size;
  for (const line of size ? readFileSync(record, 'utf8').split('\n') : []) {
    const [key, project, shape] = line.split('\t');
    if (!shape) continue;
    checked.add(key);
    checkedShapes.add(`${project}|${shape}`);
  }
}
const contexts = new Map<BrowserContext, Watched>();
const internal = new WeakSet<Page>();

function skipped(url: URL) {
  return !/^https?:$/.test(url.protocol) || SKIP.some((re) => re.test(url.pathname));
}

function writeRecord(fields: (string | number)[]) {
  mkdirSync(path.dirname(record), { recursive: true });
  appendFileSync(record, fields.join('\t') + '\n');
}

function report(url: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
  ]);
  return `axe: ${violations.length} accessibility violation(s) on ${url}\n${lines.join('\n')}`;
}

/** Where the page is and whose it is (language and menu: one per role), or null when it is not one of the app's pages. */
async function identify(page: Page, watched: Watched) {
  if (page.isClosed()) return null;
  const url = new URL(page.url());
  if (skipped(url)) return null;
  const who = await page
    .evaluate(() =>
      document.contentType === 'text/html'
        ? `${document.documentElement.lang}|${[...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href')).join(',')}`
        : null,
    )
    .catch(() => null); // navigating meanwhile: the next moment checks it
  if (who === null) return null;
  const shape = pageShape(url);
  const lang = who.split('|')[0];
  const key = `${watched.project}|${lang}|${createHash('sha1').update(who).digest('hex').slice(0, 10)}|${shape}`;
  return { url, shape, lang, key };
}

let untimedDepth = 0;

/** The checks' time is not the spec's: the test's timeout grows by it, so it stays the spec's own budget. */
async function untimed<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  untimedDepth++;
  try {
    return await fn();
  } finally {
    if (--untimedDepth === 0) current?.setTimeout(current.timeout + Date.now() - started);
  }
}

/** Runs axe on what the page shows now, unless a page of its kind was checked already; throws on a violation. */
function checkNow(page: Page, watched: Watched, settle: boolean) {
  return untimed(() => check(page, watched, settle));
}

async function check(page: Page, watched: Watched, settle: boolean) {
  readRecord();
  let at = await identify(page, watched);
  if (!at || checked.has(at.key)) {
    if (at) watched.done.add(at.shape);
    return;
  }
  if (settle) {
    // A spec that waited for an address after a click may leave while the app is still between two
    // pages (a redirect's first address, a list still loading): wait for the network to rest.
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
    at = await identify(page, watched);
    if (!at) return;
  }
  watched.done.add(at.shape);
  if (checked.has(at.key)) return;
  let violations;
  try {
    ({ violations } = await new AxeBuilder({ page })
      .setLegacyMode()
      .options({ resultTypes: ['violations'] })
      .analyze());
  } catch (error) {
    if (page.isClosed() || /context was destroyed|navigat|Target .*closed/i.test(String(error))) {
      watched.done.delete(at.shape);
      return;
    }
    throw error;
  }
  checked.add(at.key);
  checkedShapes.add(`${watched.project}|${at.shape}`);
  writeRecord([at.key, watched.project, at.shape, at.lang, violations.length]);
  if (violations.length) throw new Error(report(at.url.href, violations));
}

/** Before a context closes: its pages as they are now, then each page it left before a check. */
async function flush(context: BrowserContext, watched: Watched) {
  for (const page of context.pages()) if (!internal.has(page)) await checkNow(page, watched, true);
  for (const visit of watched.visits.values()) {
    readRecord();
    if (watched.done.has(visit.shape) || checkedShapes.has(`${watched.project}|${visit.shape}`)) continue;
    // Once even when the address leads elsewhere (`/` redirects to the role's home).
    checkedShapes.add(`${watched.project}|${visit.shape}`);
    const page = await context.newPage();
    internal.add(page);
    try {
      const response = await page.goto(visit.url).catch(() => null);
      if (response?.ok()) await checkNow(page, watched, false);
    } finally {
      await page.close();
    }
  }
}

function watchPage(page: Page, watched: Watched) {
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || internal.has(page)) return;
    const url = new URL(frame.url());
    if (skipped(url)) return;
    const shape = pageShape(url);
    if (!watched.visits.has(shape)) watched.visits.set(shape, { url: url.href, shape });
  });
  const withChecks =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      if (!internal.has(page)) await checkNow(page, watched, true);
      const result = await fn(...args);
      if (!internal.has(page)) await checkNow(page, watched, false);
      return result;
    };
  page.goto = withChecks(page.goto.bind(page));
  page.reload = withChecks(page.reload.bind(page));
}

function watchContext(context: BrowserContext, project: string) {
  const watched: Watched = { project, visits: new Map(), done: new Set(), test: current };
  contexts.set(context, watched);
  context.on('page', (page) => watchPage(page, watched));
  const close = context.close.bind(context);
  context.close = async (...args) => {
    const entry = contexts.get(context);
    contexts.delete(context);
    let failure: unknown = null;
    // A failed test keeps its own error; the checks would only add noise (and time) to it.
    if (entry && current && current.status === current.expectedStatus) {
      try {
        await untimed(() => flush(context, entry));
      } catch (error) {
        failure = error;
      }
    }
    await close(...args);
    if (failure) throw failure;
  };
}

let current: TestInfo | null = null;

export const test = base.extend<{ _a11yTest: void }, { _a11yWorker: void }>({
  // Every context of the worker's browser is watched, whoever opens it.
  _a11yWorker: [
    async ({ browser }, use, workerInfo) => {
      record = path.join(workerInfo.project.outputDir, 'a11y-checked.tsv');
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        watchContext(context, workerInfo.project.name);
        return context;
      };
      await use();
      browser.newContext = newContext;
    },
    { scope: 'worker', auto: true },
  ],
  _a11yTest: [
    async ({}, use, testInfo) => {
      current = testInfo;
      await use();
      // Contexts the test opened and left open would be closed by Playwright after this: check them now.
      for (const [context, watched] of [...contexts]) if (watched.test === testInfo) await context.close();
      current = null;
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
