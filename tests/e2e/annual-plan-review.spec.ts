import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// The seed returns the 2025–2026 summary of 江州市实验幼儿园 → 柳湾镇中心幼儿园 with comments (issue 10).
const YEAR = /2025–2026/;

async function openSummary(page: Page) {
  await page.goto('/annual-plans');
  await page.getByRole('listitem').filter({ hasText: '柳湾镇中心幼儿园' }).getByRole('link', { name: YEAR }).first().click();
  await expect(page).toHaveURL(/\/annual-plans\/[^/]+\/2025/);
  return page.url().replace(/[?#].*$/, '');
}

async function submitSummary(page: Page, text: string) {
  const summary = page.getByLabel('年度总结', { exact: true });
  await expect(summary).toBeEditable();
  await summary.fill(text);
  await page.getByRole('button', { name: '提交年度总结' }).click();
  // A second step: nothing is sent until it is confirmed.
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('确认提交');
  await confirm.getByRole('button', { name: '确认提交' }).click();
  await expect(page).toHaveURL(/saved=1/);
  // Locked while the bureau reviews it: said in words, and no longer an input.
  await expect(page.getByTestId('locked-note')).toContainText('已提交，等待审核');
  await expect(page.getByRole('textbox', { name: '年度总结', exact: true })).toHaveCount(0);
}

async function review(page: Page, url: string, decision: '备案' | '退回修改', comment = '') {
  await page.goto(url);
  const form = page.getByTestId('review-SUMMARY');
  if (comment) await form.getByLabel('审核意见').fill(comment);
  await form.getByRole('button', { name: decision }).click();
  await expect(page).toHaveURL(/saved=1/);
}

test('the director submits the summary with a confirm step; the county returns it, then files the resubmission @desktop-only', async ({
  page,
  context,
  baseURL,
}) => {
  // One pass changes the shared demo data for good (a filed summary stays filed): the desktop run does it.
  await pickLocale(context, baseURL!, 'zh');

  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  const url = await openSummary(page);
  await expect(page.getByTestId('review-comment').first()).toBeVisible();
  await submitSummary(page, '全年送教 20 课时（九月 4、十月 4、十一月 4、三月 4、四月 4）；柳湾园 6 名教师跟岗学习。');
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.county);
  await review(page, url, '退回修改', '请补充教学活动评价的优秀率和合格率。');
  await expect(page.locator('#review-SUMMARY [data-state="returned"]')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await page.goto(url);
  await expect(page.getByText('请补充教学活动评价的优秀率和合格率。')).toBeVisible();
  await submitSummary(page, '全年送教 20 课时；柳湾园 6 名教师跟岗学习；评价优秀率 30%、合格率 100%。');
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.county);
  await review(page, url, '备案');
  await expect(page.locator('#review-SUMMARY [data-state="filed"]')).toBeVisible();
  // Every version stays readable: the seed's, the returned one and the filed one.
  await expect(page.getByTestId('versions-SUMMARY').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('review-SUMMARY')).toHaveCount(0);
});
