import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// Forms a pairing in the shared demo data: the creating test runs once (desktop project), in order.
test.describe.configure({ mode: 'serial' });

let pairingPath = '';

test('a county admin forms a pairing, sees it on the list, and a stale edit shows what changed @desktop-only', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/pairings');
  await expect(page.getByTestId('current-period')).toContainText('2025–2027 周期');
  await page.getByRole('link', { name: '新建结对' }).click();

  await page.getByLabel('帮扶园', { exact: true }).selectOption({ label: '清河区阳光幼儿园 · 县级示范园' });
  await page.getByLabel('被帮扶园', { exact: true }).selectOption({ label: '清河区新华幼儿园' });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('教师队伍').fill('每学期送教下乡 10 课时');
  // Without a leader the server refuses and keeps what was typed.
  await page.getByRole('button', { name: '建立结对' }).click();
  await expect(page.getByText('请选择领导小组组长。')).toBeVisible();
  await expect(page.getByLabel('教师队伍')).toHaveValue('每学期送教下乡 10 课时');
  await page.getByLabel('组长').selectOption({ index: 1 });
  await page.getByRole('group', { name: '清河区新华幼儿园' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: '建立结对' }).click();
  await expect(page).toHaveURL(/\/pairings\/[a-z0-9]+\?done=created$/);
  await expect(page.getByRole('status').filter({ hasText: '结对已建立' })).toBeVisible();
  await expect(page.getByText('每学期送教下乡 10 课时')).toBeVisible();
  pairingPath = new URL(page.url()).pathname;

  await page.goto('/pairings');
  const row = page.getByRole('link').filter({ hasText: '清河区新华幼儿园' });
  await expect(row).toContainText('清河区阳光幼儿园');
  await expect(row).toContainText('进行中');

  // Two admins edit at once: the second save is refused with a field-by-field diff, nothing typed is lost.
  const other = await browser.newContext();
  await pickLocale(other, baseURL!, 'zh');
  const second = await other.newPage();
  await signIn(second, DEMO_ACCOUNTS.city);
  await page.goto(`${pairingPath}/edit`);
  await second.goto(`${pairingPath}/edit`);
  await page.getByLabel('幼儿素质').fill('县里写的幼儿目标');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/done=saved$/);

  await second.getByLabel('幼儿素质').fill('市里写的幼儿目标');
  await second.getByRole('button', { name: '保存', exact: true }).click();
  const conflict = second.getByRole('alert').filter({ hasText: '在您编辑期间' });
  await expect(conflict).toBeVisible();
  const diffRow = conflict.getByRole('row', { name: /幼儿素质/ });
  await expect(diffRow).toContainText('市里写的幼儿目标');
  await expect(diffRow).toContainText('县里写的幼儿目标');
  await expect(second.getByLabel('幼儿素质')).toHaveValue('市里写的幼儿目标');
  // Saving again on purpose keeps the second admin's text.
  await second.getByRole('button', { name: '保存', exact: true }).click();
  await expect(second).toHaveURL(/done=saved$/);
  await expect(second.getByText('市里写的幼儿目标')).toBeVisible();
  await other.close();
});

test('a director of another county gets the not-found page for that pairing @desktop-only', async ({ page, context, baseURL }) => {
  expect(pairingPath).not.toBe('');
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  const response = await page.goto(pairingPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('找不到此页面')).toBeVisible();
  await expect(page.getByText('清河区新华幼儿园')).toHaveCount(0);
  expect((await page.goto(`${pairingPath}/edit`))?.status()).toBe(404);
});

test('a director sees their own pairing, read-only, and no other @desktop-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await expect(page.getByTestId('current-period')).toContainText('Cycle 2025–2027');
  await page.goto('/pairings');
  await expect(page.getByRole('link', { name: 'New pairing' })).toHaveCount(0);
  const own = page.getByRole('link').filter({ hasText: '清河区柳湾镇中心幼儿园' });
  await expect(own).toHaveCount(1);
  await expect(page.getByRole('link').filter({ hasText: '清河区新华幼儿园' })).toHaveCount(0);
  await own.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('江州市实验幼儿园');
  await expect(page.getByRole('heading', { name: 'Leading group' })).toBeVisible();
  // The pairing page leads to its activities, archive and effect tests.
  await expect(page.getByRole('link', { name: 'See activities' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the assistance archive' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'View test details' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
});
