import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { makePng } from '../fixtures/evidence-files';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// The seed leaves an overdue rectification at 柳湾镇中心幼儿园 (清河区), opened by the county from an
// inspection finding (issue 10). On a phone the director answers it with a photo; the county accepts it.
// One pass changes the demo data for good (it is closed afterwards): the phone run does it.

test('the director answers an overdue rectification with a photo; the county accepts it @phone-only', async ({
  page,
  context,
  baseURL,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  // Waiting on the home page, and one tap from the list filtered to it.
  await page.getByTestId('todo-rectificationsOverdue').click();
  await expect(page).toHaveURL(/\/rectifications\?status=overdue/);
  const row = page.getByTestId('rectifications').getByRole('listitem').first();
  await expect(row.getByTestId('overdue-flag')).toHaveText(/已逾期/);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/rectifications\/[^/?]+$/);
  const url = page.url();
  await expect(page.getByTestId('finding')).toContainText('督查发现');
  await expect(page.getByTestId('deadline')).toContainText('已逾期');

  // Without evidence the answer is refused, and what was typed stays.
  const measures = '已补齐本学期一日活动观摩记录并归档，制定下学期观摩计划，由业务园长每周检查。';
  const answer = page.getByTestId('answer-rectification');
  await answer.getByLabel('整改措施').fill(measures);
  await answer.getByRole('button', { name: '提交整改情况' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请先上传至少一张照片' })).toBeVisible();
  await expect(answer.getByLabel('整改措施')).toHaveValue(measures);

  // A photo from the phone, scaled in the browser and uploaded.
  await page.getByTestId('evidence-input').setInputFiles([{ name: '整改后.png', mimeType: 'image/png', buffer: makePng(2400, 1600, 4) }]);
  await expect(page.locator('[data-testid="upload-job"][data-state="done"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-thumb')).toHaveCount(1);
  await page.getByTestId('answer-rectification').getByLabel('整改措施').fill(measures);
  await page.getByTestId('answer-rectification').getByRole('button', { name: '提交整改情况' }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(page.locator('[data-status="ANSWERED"]')).toHaveText('待验收');
  // One answer (its files are a list inside it).
  await expect(page.getByTestId('answers').locator(':scope > li')).toHaveCount(1);
  await expect(page.getByTestId('answers')).toContainText(measures);
  // The kindergarten cannot close its own: no review form, and the answer can no longer be changed.
  await expect(page.getByTestId('review-rectification')).toHaveCount(0);
  await expect(page.getByTestId('answer-rectification')).toHaveCount(0);
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto(url);
  const review = page.getByTestId('review-rectification');
  await review.getByLabel('审核意见').fill('整改到位。');
  await review.getByRole('button', { name: '通过验收' }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(page.locator('[data-status="CLOSED"]')).toHaveText('已验收');
  await expect(page.getByTestId('answer-outcome').first()).toHaveText('通过验收');
  await expect(page.getByTestId('answers').locator('img')).toHaveCount(1);
  await expect(page.getByTestId('overdue-flag')).toHaveCount(0);
});
