import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// A shared office computer: the desktop project runs these (nothing here depends on the screen's width).

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hih-draft:')));
const drafts = (page: Page) =>
  page.evaluate(() =>
    Object.entries(localStorage)
      .flatMap(([k, v]) => (k.startsWith('hih-draft:') ? [v] : []))
      .join('\n'),
  );

async function typeUnsavedActivity(page: Page, title: string) {
  await page.goto('/activities/new');
  await page.getByLabel('活动类型').selectOption({ label: '专题讲座' });
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('活动记录').fill('还没保存的记录');
  // The draft is written 250 ms after the last keystroke: wait until it holds what was typed last.
  await expect.poll(() => drafts(page)).toContain('还没保存的记录');
}

async function expectNoDraftOffered(page: Page) {
  await page.goto('/activities/new');
  // The draft is read in the same effects, after hydration, that make the form's key: once the key is
  // there, a draft found would be shown.
  await expect(page.locator('input[name="idempotencyKey"]')).toHaveCount(1);
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  // By name, not label: the next person may read the app in their own language.
  await expect(page.locator('input[name="title"]')).toHaveValue('');
}

test('a director’s unsaved draft is removed at sign-out and never offered to the next person on that browser @desktop-only', async ({
  page,
  context,
  baseURL,
}, info) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await typeUnsavedActivity(page, `共用电脑草稿 ${info.project.name}`);
  expect(await draftKeys(page)).toHaveLength(1);

  await signOut(page);
  expect(await draftKeys(page)).toEqual([]);

  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  await expectNoDraftOffered(page);
});

test('a draft left behind by a session that simply ended is still shown to its owner only @desktop-only', async ({
  page,
  context,
  baseURL,
}, info) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  const title = `过期会话草稿 ${info.project.name}`;
  await typeUnsavedActivity(page, title);
  // The browser was closed or the session timed out: no sign-out ran, the draft is still stored.
  await context.clearCookies();
  await pickLocale(context, baseURL!, 'zh');

  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await expectNoDraftOffered(page);
  await context.clearCookies();
  await pickLocale(context, baseURL!, 'zh');

  // Its owner, back on this browser, gets it again.
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  await page.goto('/activities/new');
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  await expect(page.getByLabel('活动名称')).toHaveValue(title);
  await page.getByRole('button', { name: '丢弃草稿' }).click();
});
