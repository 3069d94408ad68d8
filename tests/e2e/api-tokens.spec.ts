import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

test('a county admin creates an API token, reads only their county with it, and revokes it @desktop-only', async ({
  page,
  context,
  baseURL,
  request,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/account');
  await page.getByRole('link', { name: 'API 令牌' }).click();
  await expect(page).toHaveURL(/\/account\/tokens$/);

  await page.getByLabel('名称').fill('月度报表');
  await page.getByRole('button', { name: '创建令牌' }).click();
  await expect(page.getByText('它只显示这一次')).toBeVisible();
  const token = await page.getByTestId('new-token').inputValue();
  expect(token).toMatch(/^hih_[A-Za-z0-9_-]{43}$/);

  const res = await request.get('/api/v1/kindergartens?pageSize=200', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()['set-cookie']).toBeUndefined();
  const body = await res.json();
  expect(body.total).toBeGreaterThan(0);
  const counties = new Set(body.data.map((k: { county: { name: string } }) => k.county.name));
  expect([...counties]).toEqual(['清河区']);

  // Shown once: after a reload only the last four characters remain.
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  const row = page
    .getByTestId('token-row')
    .filter({ hasText: '月度报表' })
    .filter({ hasText: token.slice(-4) });
  await expect(row).toContainText('有效');
  await row.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('token-row').filter({ hasText: token.slice(-4) })).toContainText('已撤销');

  const after = await request.get('/api/v1/kindergartens', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('unauthorized');
});
