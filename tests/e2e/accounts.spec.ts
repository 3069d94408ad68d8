import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// Changes a shared demo account: runs once (desktop project), steps in order.
test.describe.configure({ mode: 'serial' });

test('an admin resets a password; the one-time password must be changed at first sign-in @desktop-only', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto(`/users?q=${DEMO_ACCOUNTS.ruralTeacher}`);
  await page.getByRole('button', { name: /重置密码/ }).click();
  const status = page.getByRole('status').filter({ hasText: '一次性密码' });
  await expect(status).toBeVisible();
  const oneTime = /一次性密码：([A-Za-z0-9]+)/.exec((await status.textContent()) ?? '')?.[1];
  expect(oneTime).toBeTruthy();

  const teacherContext = await browser.newContext();
  await pickLocale(teacherContext, baseURL!, 'zh');
  const teacher = await teacherContext.newPage();
  await signIn(teacher, DEMO_ACCOUNTS.ruralTeacher, oneTime!);
  await expect(teacher).toHaveURL(/\/account\/password$/);
  await expect(teacher.getByText('这是一次性密码')).toBeVisible();
  // Any other page sends them back until the password is changed.
  await teacher.goto('/teacher');
  await expect(teacher).toHaveURL(/\/account\/password$/);

  await teacher.getByLabel('当前密码').fill(oneTime!);
  await teacher.getByLabel('新密码', { exact: true }).fill('password123');
  await teacher.getByLabel('确认新密码').fill('password123');
  await teacher.getByRole('button', { name: '修改密码' }).click();
  await expect(teacher.getByText('这个密码太常见')).toBeVisible();

  await teacher.getByLabel('当前密码').fill(oneTime!);
  await teacher.getByLabel('新密码', { exact: true }).fill('柳湾的春天 2026');
  await teacher.getByLabel('确认新密码').fill('柳湾的春天 2026');
  await teacher.getByRole('button', { name: '修改密码' }).click();
  await expect(teacher).toHaveURL(/\/account\?changed=1$/);
  await expect(teacher.getByText('密码已修改')).toBeVisible();
  await teacher.goto('/teacher');
  await expect(teacher).toHaveURL(/\/teacher$/);

  // Deactivation takes effect on the teacher's very next request.
  await page.goto(`/users?q=${DEMO_ACCOUNTS.ruralTeacher}`);
  await page.getByRole('button', { name: /^停用/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已停用' })).toBeVisible();
  await teacher.goto('/teacher');
  await expect(teacher).toHaveURL(/\/login$/);
  await signIn(teacher, DEMO_ACCOUNTS.ruralTeacher, '柳湾的春天 2026', { expectFailure: true });

  await page.getByRole('button', { name: /^启用/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已启用' })).toBeVisible();
  await signIn(teacher, DEMO_ACCOUNTS.ruralTeacher, '柳湾的春天 2026');
  await expect(teacher).toHaveURL(/\/teacher$/);

  // Everything above is in the county's audit trail.
  await page.goto('/audit');
  for (const action of ['重置密码', '修改密码', '停用账户', '启用账户']) {
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await teacherContext.close();
});

test('a director of another county cannot see this county in the audit trail or user list @desktop-only', async ({
  page,
  context,
  baseURL,
}) => {
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  await expect(page).toHaveURL(/\/director$/);
  await page.goto(`/users?q=${DEMO_ACCOUNTS.ruralTeacher}`);
  await expect(page.getByText('No accounts.')).toBeVisible();
  expect((await page.goto('/audit'))?.status()).toBe(404);
});
