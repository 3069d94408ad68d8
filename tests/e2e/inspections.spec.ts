import type { Locator } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { makePng } from '../fixtures/evidence-files';
import { test, expect, pickLocale, signIn } from './helpers';

// A Qinghe pairing no other browser test reads the effect tests of (A1 follows the inspection recorded here).
const PAIRING = '清河区机关幼儿园 → 清河区白沙镇幼儿园';

async function judge(card: Locator, result: '符合' | '部分符合' | '不符合' | '不适用', note?: string) {
  await card.getByText(result, { exact: true }).click();
  if (note) await card.getByLabel('情况说明').fill(note);
  await card.getByRole('button', { name: '保存本项' }).click();
  await expect(card.getByTestId('item-saved-state')).toHaveText(`已保存：${result}`);
}

test('a county admin inspects a pairing item by item on a phone, with a photo, and records the grade @phone-only', async ({
  page,
  context,
  baseURL,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);

  await page.goto('/inspections/new');
  await page.getByLabel('结对', { exact: true }).selectOption({ label: PAIRING });
  await page.getByText('不定期督查（未通知）').click();
  await page.getByLabel('督查人员').fill('刘建国、周敏');
  await page.getByRole('button', { name: '开始逐项检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/(?!new$)[^/?]+$/);
  const url = page.url();

  const cards = page.getByTestId('inspection-item');
  // count() does not wait: the items must be on the page first.
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(5);
  await expect(page.getByTestId('judged-count')).toContainText(`已评判 0 / ${count} 项`);

  // A note typed but not saved survives a reload, on this device.
  const first = cards.nth(0);
  await first.getByText('部分符合', { exact: true }).click();
  await first.getByLabel('情况说明').fill('十月的活动缺少总结。');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(first.getByTestId('draft-notice')).toBeVisible();
  await expect(first.getByLabel('情况说明')).toHaveValue('十月的活动缺少总结。');
  await expect(first.getByRole('radio', { name: '部分符合', exact: true })).toBeChecked();
  await first.getByRole('button', { name: '保存本项' }).click();
  await expect(first.getByTestId('item-saved-state')).toHaveText('已保存：部分符合');
  await expect(first.getByTestId('draft-notice')).toHaveCount(0);

  // A photo taken on the spot, scaled in the browser, on the first item.
  await first.getByTestId('evidence-input').setInputFiles([{ name: '现场.png', mimeType: 'image/png', buffer: makePng(2400, 1600, 5) }]);
  await expect(first.getByTestId('upload-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(first.getByTestId('evidence-thumb')).toHaveCount(1);

  // Recording is refused while items are open.
  await expect(page.getByTestId('unjudged-note')).toContainText(`还有 ${count - 1} 项未评判`);
  for (let i = 1; i < count; i++) await judge(cards.nth(i), '符合');
  await page.reload();
  await expect(page.getByTestId('judged-count')).toContainText(`已评判 ${count} / ${count} 项`);
  await expect(page.getByTestId('suggested-grade')).toContainText('建议');

  const conclude = page.getByTestId('conclude-form');
  await conclude.getByText('良好', { exact: true }).click();
  await conclude.getByLabel('督查意见').fill('帮扶工作扎实；帮扶档案个别活动缺少总结，请补齐。');
  await conclude.getByRole('button', { name: '记录督查结果' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认记录' }).click();
  await expect(page).toHaveURL(/saved=recorded/);
  await expect(page.getByRole('status').filter({ hasText: '督查结果已记录' })).toBeVisible();

  // Read-only now: results shown, nothing to save, the photo kept; the finding is listed.
  await expect(page.getByRole('button', { name: '保存本项' })).toHaveCount(0);
  await expect(page.locator('[data-grade="GOOD"]').first()).toBeVisible();
  await expect(page.getByTestId('inspection-items').getByTestId('evidence-thumb')).toHaveCount(1);
  await expect(page.getByTestId('finding')).toHaveCount(1);

  // On the list, recorded and graded.
  await page.goto('/inspections');
  await expect(page.getByTestId('inspections').getByRole('link').filter({ hasText: PAIRING }).first()).toBeVisible();
  await page.goto(url);
  await expect(page.getByTestId('inspection-a1')).toHaveText('符合');
});
