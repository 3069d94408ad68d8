import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// The seed closes spring 2026 and publishes its bulletin; autumn 2025 (ended 31 January 2026) stays open
// for this test to close (issue 10, decision 020).
const AUTUMN = '2025-AUTUMN';

test('the city closes a semester and publishes its bulletin; a director of another county reads it but not the records @phone-only', async ({
  page,
  context,
  baseURL,
}) => {
  // Closing is for good: one run (the phone's) changes the shared demo data.
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.city);

  // A record of 清河区 to try later as someone of another county.
  await page.goto('/activities');
  await page.getByRole('link').filter({ hasText: '柳湾镇中心幼儿园' }).first().click();
  await expect(page).toHaveURL(/\/activities\/[^/?]+/);
  const recordUrl = page.url().replace(/[?#].*$/, '');

  await page.goto('/bulletins/periods');
  const autumn = page.getByTestId(`period-${AUTUMN}`);
  await expect(autumn).toContainText('2025–2026学年秋季学期');
  // Closing asks for the confirmation first.
  await autumn.getByRole('button', { name: '关闭' }).click();
  await expect(autumn.getByText('请勾选确认后再关闭。')).toBeVisible();
  await autumn.getByLabel(/我已确认：关闭后结果冻结/).check();
  await autumn.getByRole('button', { name: '关闭' }).click();
  await expect(page).toHaveURL(new RegExp(`closed=${AUTUMN}`));
  await expect(page.getByTestId(`period-${AUTUMN}`)).toContainText(/已于 .* 关闭/);
  await expect(page.getByTestId(`period-${AUTUMN}`).getByRole('button', { name: '关闭' })).toHaveCount(0);

  // The effect tests of the closed semester are the frozen ones, and say so.
  await page.goto('/effect-tests');
  await page.getByLabel('学期', { exact: true }).selectOption({ label: '2025–2026 学年秋季学期' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('frozen-notice')).toContainText('本学期已于');

  const title = `2025—2026学年秋季学期结对帮扶通报 ${Date.now()}`;
  await page.goto('/bulletins/new');
  await page.getByLabel('期间（已关闭）').selectOption({ label: '2025–2026学年秋季学期 · 2025-09-01 至 2026-01-31' });
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('通报正文').fill('各县区：本学期效果检测结果通报如下，请对照整改。');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/bulletins\/[^/?]+\?saved=1/);
  await expect(page.getByTestId('draft-preview')).toBeVisible();
  await expect(page.getByTestId('bulletin-counties')).toContainText('清河区');
  const bulletinUrl = page.url().replace(/[?#].*$/, '');

  const publish = page.getByTestId('publish-form');
  await publish.getByLabel(/我已核对/).check();
  await publish.getByRole('button', { name: '发布通报' }).click();
  await expect(page).toHaveURL(/published=1/);
  await expect(page.getByTestId('draft-preview')).toHaveCount(0);
  await expect(page.getByText('已发布', { exact: false }).first()).toBeVisible();
  await signOut(page);

  // A director of another county reads it (and was told about it), but no record of 清河区.
  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  expect((await page.goto(bulletinUrl))?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByTestId('bulletin-body')).toContainText('请对照整改');
  await expect(page.getByTestId('bulletin-counties')).toContainText('清河区');
  await expect(page.getByTestId('bulletin-pairings').first()).toBeVisible();
  // Names and statuses only: nothing on the page leads to a record or a file.
  await expect(page.locator('main a[href^="/activities/"], main a[href^="/api/files"]')).toHaveCount(0);
  await expect(page.getByTestId('publish-form')).toHaveCount(0);
  await page.goto('/bulletins');
  await expect(page.getByTestId('bulletin-list')).toContainText(title);
  expect((await page.goto(recordUrl))?.status()).toBe(404);
  expect((await page.goto('/bulletins/periods'))?.status()).toBe(404);
});
