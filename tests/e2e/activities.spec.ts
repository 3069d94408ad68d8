import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// One story across three people, on a phone: the supporting director logs sent teaching with class
// hours, the assisted director confirms it, a teacher records a lesson and the director rates it. It
// opens its own phone-sized contexts, so a run on the desktop project would repeat the phone's.
test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, baseURL: string, who: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  await pickLocale(context, baseURL, 'zh');
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('sent teaching is logged on a phone, confirmed by the other side; a lesson is recorded and rated @phone-only', async ({
  browser,
  baseURL,
}, info) => {
  // Other runs of the suite may have left the same names in the demo data: names are unique per run.
  const tag = `${info.project.name}-${Date.now().toString(36)}`;
  const title = `送教下乡示范课 ${tag}`;

  // 1. The urban (supporting) director logs the activity. Their one pairing is preselected.
  const urban = await as(browser, baseURL!, DEMO_ACCOUNTS.urbanDirector);
  await urban.goto('/activities');
  await urban.getByRole('link', { name: '记录活动' }).click();
  // Their one current pairing is preselected: last cycle's pairing with the same kindergarten is not offered.
  await expect(urban.getByText('结对: 江州市实验幼儿园 → 清河区柳湾镇中心幼儿园')).toBeVisible();
  await expect(urban.getByLabel('课时', { exact: true })).toHaveCount(0); // no type yet: no class hours
  await urban.getByLabel('活动类型').selectOption({ label: '送教下乡·示范课' });
  // Suggested from the type.
  await expect(urban.getByLabel('方向')).toHaveValue('TO_ASSISTED');
  await expect(urban.getByLabel('帮扶方面')).toHaveValue('TEACHERS');
  await urban.getByLabel('活动名称').fill(title);
  await urban.getByLabel('地点').fill('柳湾镇中心幼儿园大一班');
  // Required for sent teaching: saving without it keeps everything typed and says why.
  await urban.getByRole('button', { name: '保存' }).click();
  await expect(urban.getByText('送教活动请填写课时。')).toBeVisible();
  await expect(urban.getByLabel('活动名称')).toHaveValue(title);
  await urban.getByLabel('课时', { exact: true }).fill('1.5');
  await urban.getByLabel('活动记录').fill('示范课《沉与浮》，柳湾镇中心幼儿园 8 位教师观摩，课后研讨 40 分钟。');
  await urban.getByLabel('活动总结').fill('乡村教师对材料投放有了直观认识，下次送教安排区域活动。');
  await urban.getByRole('button', { name: '保存' }).click();
  await expect(urban.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(urban.getByRole('heading', { name: title })).toBeVisible();
  await expect(urban.getByText('待对方确认').first()).toBeVisible();
  await expect(urban.getByText('1.5', { exact: true })).toBeVisible();
  // The logging side cannot confirm its own record.
  await expect(urban.getByRole('button', { name: '确认属实' })).toHaveCount(0);
  const activityUrl = urban.url().replace(/\?.*$/, '');

  // 2. The rural (assisted) director finds it in the list and confirms it.
  const rural = await as(browser, baseURL!, DEMO_ACCOUNTS.ruralDirector);
  await rural.goto('/activities?status=DONE');
  await rural.getByRole('link').filter({ hasText: title }).click();
  await expect(rural.getByText('请核对以上内容，确认属实或提出异议。')).toBeVisible();
  await rural.getByRole('button', { name: '确认属实' }).click();
  await expect(rural.getByText('对方已确认').first()).toBeVisible();
  await urban.reload();
  await expect(urban.getByText('对方已确认').first()).toBeVisible();

  // Another county's director does not learn that it exists.
  const stranger = await as(browser, baseURL!, DEMO_ACCOUNTS.otherCountyDirector);
  expect((await stranger.goto(activityUrl))?.status()).toBe(404);

  // 3. A teacher of the urban kindergarten records a lesson.
  const lessonTitle = `有趣的影子 ${tag}`;
  const teacher = await as(browser, baseURL!, DEMO_ACCOUNTS.teacher);
  await teacher.goto('/teaching');
  await teacher.getByRole('link', { name: /课例记录/ }).click();
  await teacher.getByRole('link', { name: '记录一节课' }).click();
  await teacher.getByLabel('班级').fill('中二班');
  await teacher.getByLabel('领域').selectOption({ label: '科学' });
  await teacher.getByLabel('课题').fill(lessonTitle);
  await teacher.getByLabel('教案').fill('1. 玩影子游戏 2. 猜想影子的变化 3. 用手电筒验证');
  await teacher.getByRole('button', { name: '保存' }).click();
  await expect(teacher.getByRole('heading', { name: lessonTitle })).toBeVisible();
  await expect(teacher.getByText('待评价').first()).toBeVisible();
  // Nobody rates their own lesson.
  await expect(teacher.getByRole('button', { name: '提交评价' })).toHaveCount(0);

  // 4. The director rates it.
  await urban.goto('/lessons');
  await urban.getByRole('link').filter({ hasText: lessonTitle }).click();
  await urban.getByLabel('评价等级').selectOption({ label: '优秀' });
  await urban.getByLabel('评语').fill('操作材料充分，提问开放。');
  await urban.getByRole('button', { name: '提交评价' }).click();
  await expect(urban.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(urban.getByText(/评价于/)).toBeVisible();
  await teacher.reload();
  await expect(teacher.getByText('优秀').first()).toBeVisible();
  // Once rated, the record is fixed.
  await expect(teacher.getByRole('link', { name: '修改' })).toHaveCount(0);
});
