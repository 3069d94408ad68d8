import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

test('server actions refuse requests from another origin and accept same-origin ones @desktop-only', async ({ page, request, baseURL }) => {
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
  const row = adminPage.getByRole('row').filter({ hasText: '越权访问被拒绝' }).filter({ hasText: '访问地址: /audit' });
  await expect(row.first()).toBeVisible();
  await admin.close();
});

test('prefetches of pages carry the same CSP as the page itself @desktop-only', async ({ page, request }) => {
  // Anonymous: the sign-in page as <link rel=prefetch> (Purpose) and as the router's prefetch (RSC payload) fetch it.
  const anonymous: Record<string, string>[] = [
    { Purpose: 'prefetch' },
    { 'Next-Router-Prefetch': '1', RSC: '1' },
    { 'Sec-Purpose': 'prefetch' },
  ];
  for (const headers of anonymous) {
    const res = await request.get('/login', { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(200);
    expect(res.headers()['content-security-policy'], JSON.stringify(headers)).toContain("frame-ancestors 'none'");
  }
  // Signed in: an HTML prefetch's scripts carry the nonce of the policy sent with it, so the page still runs.
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  const signedIn: Record<string, string>[] = [{ Purpose: 'prefetch' }, { 'Next-Router-Prefetch': '1', RSC: '1' }];
  for (const headers of signedIn) {
    const res = await page.request.get('/activities', { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(200);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp, JSON.stringify(headers)).toContain("script-src 'self' 'nonce-");
    if (!('RSC' in headers)) {
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(await res.text()).toContain(`nonce="${nonce}"`);
    }
  }
});

test('the audit trail records the address the request came from, not a forged X-Forwarded-For @desktop-only', async ({
  browser,
  baseURL,
}) => {
  // The test runner connects straight to the server (no proxy, TRUSTED_PROXIES unset): the header is the client's own claim.
  const forged = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.6' } });
  await pickLocale(forged, baseURL!, 'en');
  // Not the rural teacher: accounts.spec.ts changes that password during the run.
  await signIn(await forged.newPage(), DEMO_ACCOUNTS.teacher);
  await forged.close();

  const admin = await browser.newContext();
  await pickLocale(admin, baseURL!, 'en');
  const page = await admin.newPage();
  await signIn(page, DEMO_ACCOUNTS.city);
  await page.goto('/audit?action=auth.signIn');
  await expect(page.getByText(/IP (127\.0\.0\.1|::1)/).first()).toBeVisible();
  await expect(page.getByText('6.6.6.6')).toHaveCount(0);
  await admin.close();
});
