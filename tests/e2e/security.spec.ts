import { test, expect } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { pickLocale, signIn } from './helpers';

test('server actions refuse requests from another origin and accept same-origin ones', async ({ page, request, baseURL }) => {
  await page.goto('/login');
  // The language switch is a plain server-action form: its hidden field names the action.
  const actionField = await page.locator('form input[type=hidden][name^="$ACTION_ID_"]').first().getAttribute('name');
  expect(actionField).toBeTruthy();
  const form = { [actionField!]: '', locale: 'en', returnTo: '/login' };

  const foreign = await request.post('/login', { multipart: form, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(foreign.headers()['set-cookie'] ?? '').not.toContain('locale=en');

  const same = await request.post('/login', { multipart: form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(same.status()).toBeLessThan(400);
  expect(same.headers()['set-cookie'] ?? '').toContain('locale=en');
});

test('denied access is recorded in the audit trail without revealing anything to the user @desktop-only', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.teacher);
  expect((await page.goto('/audit'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '找不到此页面' })).toBeVisible();

  const admin = await browser.newContext();
  await pickLocale(admin, baseURL!, 'zh');
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO_ACCOUNTS.county);
  await adminPage.goto('/audit?action=access.denied');
  const row = adminPage.getByRole('row').filter({ hasText: '越权访问被拒绝' }).filter({ hasText: '"/audit"' });
  await expect(row.first()).toBeVisible();
  await admin.close();
});
