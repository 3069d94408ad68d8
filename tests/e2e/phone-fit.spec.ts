import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// Issue 12, "English selects and filters fit in 360 px": English option labels (pairings' two names,
// audit actions, test names) are much longer than the Chinese ones, and a select is as wide as its
// longest option unless told otherwise. Every list page's filter bar must stay inside a 360-px screen.

/** Nothing wider than the screen: neither the page as a whole nor any of its selects and fields. */
async function expectFits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // The activity list keeps its filters folded away: open them, that is when they must fit.
  const folded = page.locator('details:has(form)').first();
  if ((await folded.count()) && !(await folded.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await folded.locator(':scope > summary').click();
    await expect(folded.locator('form')).toBeVisible();
  }
  expect(await page.locator('form select, form input[type="search"]').count(), `${path}: a filter bar`).toBeGreaterThan(0);

  const measured = await page.evaluate(() => {
    const width = window.innerWidth;
    const fields = [...document.querySelectorAll<HTMLElement>('form select, form input')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('name') ?? el.id, left: Math.round(r.left), right: Math.round(r.right) };
      });
    return { width, scrollWidth: document.documentElement.scrollWidth, tooWide: fields.filter((f) => f.left < 0 || f.right > width) };
  });
  // A phone zooms out to show a page wider than the screen, which widens the window: so this, too.
  expect(measured.width).toBe(360);
  expect(measured.tooWide, `${path}: fields beyond the screen's edge`).toEqual([]);
  expect(measured.scrollWidth, `${path}: the page scrolls sideways`).toBeLessThanOrEqual(360);
}

test('the city admin’s list pages fit a 360-px phone in English @phone-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.city);
  for (const path of ['/activities', '/kindergartens', '/pairings', '/effect-tests', '/users', '/audit', '/annual-plans/status']) {
    await expectFits(page, path);
  }
});

test('a director’s activity list fits a 360-px phone in English @phone-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await expectFits(page, '/activities');
});

// The header's first row (the app's name, the bell, the language switch, sign-out) on one line: in
// English its labels once pushed the buttons onto a second line, leaving a third of the screen to the header.
async function expectHeaderOnOneLine(page: Page) {
  const rows = await page
    .locator('header > div')
    .first()
    .evaluate((row) => {
      const [name, ...rest] = [...row.children].map((c) => c.getBoundingClientRect());
      return { nameBottom: name.bottom, tops: rest.map((r) => r.top), right: Math.max(...rest.map((r) => r.right)) };
    });
  for (const top of rows.tops) expect(top, 'the header’s buttons beside the app’s name').toBeLessThan(rows.nameBottom);
  expect(rows.right).toBeLessThanOrEqual(360);
}

for (const locale of ['zh', 'en'] as const) {
  test(`the header stays on one line on a 360-px phone (${locale}) @phone-only`, async ({ page, context, baseURL }) => {
    // The city admin's and the teacher's: every item the header can show (the bell, with its count).
    for (const account of [DEMO_ACCOUNTS.city, DEMO_ACCOUNTS.teacher]) {
      // Signing out forgets the language picked: picked again for each account.
      await pickLocale(context, baseURL!, locale);
      await signIn(page, account);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      await expectHeaderOnOneLine(page);
      await page.getByRole('button', { name: locale === 'en' ? 'Sign out' : '退出登录' }).click();
      await expect(page).toHaveURL(/\/login$/);
    }
  });
}

/**
 * Links in the page's lists and tables are at least 44 px tall (a thumb's width; the app's
 * `inline-flex min-h-11 items-center`): a 16-px row of links is a row of mistaken taps.
 */
async function expectTapTargets(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('networkidle');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('main :is(table, ul, ol, dl) a[href]')]
      .filter((a) => a.offsetParent !== null)
      .map((a) => ({ text: (a.textContent ?? '').trim().slice(0, 40), height: Math.round(a.getBoundingClientRect().height) }))
      .filter((a) => a.height < 44),
  );
  expect(small, `${path}: links shorter than 44 px`).toEqual([]);
}

test('links in lists and tables are big enough to tap on a phone @phone-only', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.county);
  for (const path of ['/county', '/kindergartens', '/effect-tests']) await expectTapTargets(page, path);
  await signOut(page);
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await expectTapTargets(page, '/director');
  await signOut(page);
  await signIn(page, DEMO_ACCOUNTS.teacher);
  await expectTapTargets(page, '/teacher');
  // The service record's list of prints: one print at least.
  await page.goto('/service-record');
  await page.getByRole('button', { name: /打印/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已生成校验码' })).toBeVisible();
  await expectTapTargets(page, page.url());
});
