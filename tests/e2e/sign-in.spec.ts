import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// Nothing here depends on the screen's width (every phone spec signs in through the same form at
// 360 px): the desktop project runs it.

const ROLES = [
  {
    role: 'city admin',
    login: DEMO_ACCOUNTS.city,
    home: '/city',
    name: '周文静',
    nav: ['kindergartens', 'users', 'audit'],
    noNav: [] as string[],
  },
  { role: 'county admin', login: DEMO_ACCOUNTS.county, home: '/county', name: null, nav: ['kindergartens', 'users', 'audit'], noNav: [] },
  {
    role: 'director',
    login: DEMO_ACCOUNTS.urbanDirector,
    home: '/director',
    name: null,
    nav: ['users'],
    noNav: ['kindergartens', 'audit'],
  },
  { role: 'teacher', login: DEMO_ACCOUNTS.teacher, home: '/teacher', name: null, nav: [], noNav: ['kindergartens', 'users', 'audit'] },
];

const L = {
  zh: { hello: /您好/, kindergartens: '幼儿园', users: '账户', audit: '审计日志', home: '首页' },
  en: { hello: /^Hello, /, kindergartens: 'Kindergartens', users: 'Accounts', audit: 'Audit trail', home: 'Home' },
};

for (const locale of ['zh', 'en'] as const) {
  for (const r of ROLES) {
    test(`${r.role} signs in (${locale}), lands on their home, sees only their navigation, signs out @desktop-only`, async ({
      page,
      context,
      baseURL,
    }) => {
      await pickLocale(context, baseURL!, locale);
      await signIn(page, r.login);
      await expect(page).toHaveURL(new RegExp(`${r.home}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(L[locale].hello);
      if (r.name) await expect(page.getByRole('heading', { level: 1 })).toContainText(r.name);
      await expect(page.getByTestId('current-period')).toBeVisible();
      const nav = page.getByRole('navigation').first();
      await expect(nav.getByRole('link', { name: L[locale].home, exact: true })).toHaveAttribute('aria-current', 'page');
      for (const item of r.nav) await expect(nav.getByRole('link', { name: L[locale][item as 'users'], exact: true })).toBeVisible();
      for (const item of r.noNav) await expect(nav.getByRole('link', { name: L[locale][item as 'users'], exact: true })).toHaveCount(0);
      await signOut(page);
      // The old session is gone: protected pages send us back to sign in.
      await page.goto(r.home);
      await expect(page).toHaveURL(/\/login$/);
    });
  }
}

test('a wrong password gets one localized message that does not say whether the account exists; the typed login stays @desktop-only', async ({
  page,
  context,
  baseURL,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector, 'not the password', { expectFailure: true });
  const alert = page.getByRole('alert').filter({ hasText: '不正确' });
  await expect(alert).toBeVisible();
  await expect(page.getByLabel('手机号或邮箱')).toHaveValue(DEMO_ACCOUNTS.otherCountyDirector);
  await signIn(page, '13999999999', 'not the password', { expectFailure: true });
  await expect(page.getByRole('alert').filter({ hasText: '不正确' })).toHaveText((await alert.textContent()) ?? '');
});

test('the language switch works on every page and is remembered for the user @desktop-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.otherCounty);
  await page.getByRole('link', { name: '我的账户' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  // Another device, no language cookie: the stored choice follows the user.
  const other = await context.browser()!.newContext();
  const page2 = await other.newPage();
  await signIn(page2, DEMO_ACCOUNTS.otherCounty, undefined, { storedLocale: true });
  await expect(page2.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
  await page2.getByRole('button', { name: /中文/ }).click();
  await expect(page2.getByRole('heading', { level: 1 })).toHaveText(/您好/);
  await other.close();
  // A shared computer: the previous user's English is still in the browser, not picked by this
  // user on the sign-in page, so this user's own Chinese applies and their account keeps it.
  const shared = await context.browser()!.newContext();
  await shared.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
  const page3 = await shared.newPage();
  await signIn(page3, DEMO_ACCOUNTS.otherCounty, undefined, { storedLocale: true });
  await expect(page3.getByRole('heading', { level: 1 })).toHaveText(/您好/);
  await shared.close();
});

test('anonymous visitors are sent to sign in; pages outside a role answer not found @desktop-only', async ({ page, context, baseURL }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login$/);
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.teacher);
  await expect(page).toHaveURL(/\/teacher$/);
  for (const path of ['/audit', '/city', '/users', '/cycles', '/kindergartens/new']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
  // The kindergarten list of a teacher is their own kindergarten.
  await page.goto('/kindergartens');
  await expect(page).toHaveURL(/\/kindergartens\/[a-z0-9]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('江州市实验幼儿园');
});

test('responses carry the security headers and a nonce-based CSP; cookies are HttpOnly @desktop-only', async ({
  page,
  context,
  baseURL,
}) => {
  const response = await page.goto('/login');
  const h = response!.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-powered-by']).toBeUndefined();
  await signIn(page, DEMO_ACCOUNTS.teacher);
  await expect(page).toHaveURL(/\/teacher$/);
  const cookies = await context.cookies(baseURL!);
  const session = cookies.find((c) => c.name.endsWith('authjs.session-token'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(cookies.find((c) => c.name === 'locale')?.httpOnly).toBe(true);
});
