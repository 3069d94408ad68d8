import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

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
