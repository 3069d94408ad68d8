import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn, signOut } from './helpers';

// Issue 11: the rural director disputes a record; the urban director learns it from the header, the
// inbox and the to-do list, opens it, fixes the record, and the dispute clears (the record waits for the
// other side's confirmation again). Other specs tell the same demo directors things meanwhile, so counts
// are read as "some", and this run's record is found by its unique title. Nothing depends on the
// screen's width: the desktop project runs it.

async function logActivity(page: Page, title: string) {
  await page.goto('/activities/new');
  await page.getByLabel('活动类型').selectOption({ label: '送教下乡·示范课' });
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('地点').fill('柳湾镇中心幼儿园大一班');
  await page.getByLabel('课时', { exact: true }).fill('2');
  await page.getByLabel('活动计划').fill('示范课两节，课后研讨。');
  await page.getByLabel('活动措施').fill('两位骨干教师执教，园长听课。');
  await page.getByLabel('活动记录').fill('示范课两节《沉与浮》《有趣的影子》，柳湾园 8 位教师观摩。');
  await page.getByLabel('活动总结').fill('下次送教安排区域活动。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  return new URL(page.url()).pathname;
}

test('a disputed record reaches its recorder through the inbox, and fixing it clears the dispute @desktop-only', async ({
  page,
  context,
  baseURL,
}, info) => {
  await pickLocale(context, baseURL!, 'zh');
  const title = `送教下乡示范课 ${info.project.name}-${Date.now().toString(36)}`;
  const disputed = `对方对活动记录「${title}」提出异议`;

  // 1. The urban (supporting) director logs what was done.
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  const activityPath = await logActivity(page, title);
  await signOut(page);

  // 2. The rural director disputes it, saying why.
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  await page.goto(activityPath);
  await expect(page.getByText('请核对以上内容，确认属实或提出异议。')).toBeVisible();
  await page.getByLabel('意见').fill('只上了一节课，不是两节。');
  await page.getByRole('button', { name: '提出异议' }).click();
  await expect(page.getByText('对方有异议').first()).toBeVisible();
  await signOut(page);

  // 3. The urban director sees it from home: an unread count in the header, and the to-do.
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await page.goto('/director');
  const bell = page.getByRole('link', { name: /^\d+ 条未读通知$/ });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('todo-disputed')).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
  const line = page.getByRole('listitem').filter({ hasText: disputed });
  await expect(line).toHaveAttribute('data-unread', '');
  // Screen readers hear that it is unread.
  await expect(line.getByRole('link')).toHaveAccessibleName(new RegExp(`^未读: ${disputed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // 4. Opening it leads to the record, and marks it read.
  await line.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${activityPath}$`));
  await expect(page.getByText('只上了一节课，不是两节。')).toBeVisible();
  await page.goto('/notifications');
  await expect(page.getByRole('listitem').filter({ hasText: disputed })).not.toHaveAttribute('data-unread');

  // 5. The disputed record is in the to-do's list; the recorder corrects it.
  await page.goto('/director');
  await page.getByTestId('todo-disputed').click();
  await page.getByRole('link').filter({ hasText: title }).click();
  await page.getByRole('link', { name: '修改' }).click();
  await page.getByLabel('课时', { exact: true }).fill('1');
  await page.getByLabel('活动记录').fill('示范课一节《沉与浮》，柳湾园 8 位教师观摩。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  // The dispute clears: the corrected record waits for the other side again.
  await expect(page.getByText('待对方确认').first()).toBeVisible();
  await page.goto('/activities?confirmation=DISPUTED');
  await expect(page.getByRole('link').filter({ hasText: title })).toHaveCount(0);
  await signOut(page);

  // 6. The rural director is asked to confirm the corrected record.
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  await page.goto(activityPath);
  await expect(page.getByText('请核对以上内容，确认属实或提出异议。')).toBeVisible();
  await expect(page.getByText('示范课一节《沉与浮》，柳湾园 8 位教师观摩。')).toBeVisible();
});

test('another person’s notification is not found @desktop-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'zh');
  // The rural director's first notification (the seed gives every demo account some).
  await signIn(page, DEMO_ACCOUNTS.ruralDirector);
  await page.goto('/notifications');
  const href = await page.getByTestId('notifications').getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/notifications\/[A-Za-z0-9_-]+$/);
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  expect((await page.goto(href!))?.status()).toBe(404);
});
