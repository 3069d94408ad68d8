import { expect, type Page, type BrowserContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';

// Specs import `test` from here: it checks every page they visit with axe-core (./a11y.ts).
export { test, expect } from './a11y';

/** As if the language had been picked on the sign-in page: it applies, and is stored with the account at sign-in. */
export async function pickLocale(context: BrowserContext, baseURL: string, locale: 'zh' | 'en') {
  await context.addCookies([
    { name: 'locale', value: locale, url: baseURL },
    { name: 'locale_picked', value: '1', url: baseURL },
  ]);
}

/** Signs in and waits until the app has left the sign-in page (or, when a failure is expected, for the error). */
export async function signIn(
  page: Page,
  identifier: string,
  password = DEMO_PASSWORD,
  { expectFailure = false, storedLocale = false } = {},
) {
  await page.goto('/login');
  // Signing in stores the language picked with the account (sign-in.spec signs every demo account in
  // English too): a test that picked none reads the app's default, Chinese, whatever ran before it.
  // `storedLocale`: the test is about the account's stored language, so nothing is picked for it.
  const context = page.context();
  if (!storedLocale && !(await context.cookies()).some((c) => c.name === 'locale_picked'))
    await pickLocale(context, new URL(page.url()).origin, 'zh');
  await page.getByLabel(/手机号或邮箱|Phone or e-mail/).fill(identifier);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  if (expectFailure) await expect(page.getByRole('alert').filter({ hasText: /不正确|Wrong/ })).toBeVisible();
  else await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(退出登录|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}
