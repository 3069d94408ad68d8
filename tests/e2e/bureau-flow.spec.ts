import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// The county bureau's set-up of a cycle, end to end. It adds kindergartens and pairings to the
// shared demo data, so it runs once (desktop project), in order.
test.describe.configure({ mode: 'serial' });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const stamp = Date.now().toString(36).toUpperCase();
const urban = { code: `E2E-${stamp}-U`, name: `清河区启明示范幼儿园${stamp}` };
const ruralA = { code: `E2E-${stamp}-A`, name: `清河区东坡村幼儿园${stamp}` };
const ruralB = { code: `E2E-${stamp}-B`, name: `清河区西湾村幼儿园${stamp}` };
const pairingPaths: string[] = [];

async function workbook(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('幼儿园');
  sheet.addRow([
    '代码 Code',
    '名称 Name',
    '县区 County',
    '城乡 Area',
    '示范等级 Level',
    '班级数 Classes',
    '幼儿数 Children',
    '教师数 Teachers',
    '职工数 Staff',
  ]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer) {
  await page.getByLabel('选择文件').setInputFiles({ name: '清河区幼儿园.xlsx', mimeType: XLSX, buffer });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page).toHaveURL(/\/kindergartens\/import\/[^/]+$/);
}

async function formPairing(page: Page, assisted: string, goal: string) {
  await page.goto('/pairings/new');
  await page.getByLabel('帮扶园', { exact: true }).selectOption({ label: `${urban.name} · 县级示范园` });
  await page.getByLabel('被帮扶园', { exact: true }).selectOption({ label: assisted });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('教师队伍').fill(goal);
  await page.getByLabel('组长').selectOption({ index: 1 });
  await page.getByRole('button', { name: '建立结对' }).click();
  await expect(page).toHaveURL(/\/pairings\/[a-z0-9]+\?done=created$/);
  pairingPaths.push(new URL(page.url()).pathname);
}

test('a county admin imports kindergartens, fixes a bad row, adds a director and forms two pairings @desktop-only', async ({
  page,
  context,
  baseURL,
}) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);

  // One row without a name: the preview shows it and nothing can be imported.
  await page.goto('/kindergartens/import');
  await upload(
    page,
    await workbook([
      [urban.code, urban.name, '清河区', '城区', '县级', 9, 260, 20, 30],
      [ruralA.code, '', '清河区', '农村', '无', 4, 96, 8, 11],
      [ruralB.code, ruralB.name, '清河区', '农村', '无', 3, 70, 6, 8],
    ]),
  );
  const rowError = page.getByTestId('import-error');
  await expect(rowError).toHaveCount(1);
  await expect(rowError).toContainText('3');
  await expect(rowError).toContainText('名称');
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await page.goto(`/kindergartens?q=${stamp}`);
  await expect(page.getByText(urban.name)).toHaveCount(0);

  // Fixed file: all three rows import.
  await page.goto('/kindergartens/import');
  await upload(
    page,
    await workbook([
      [urban.code, urban.name, '清河区', '城区', '县级', 9, 260, 20, 30],
      [ruralA.code, ruralA.name, '清河区', '农村', '无', 4, 96, 8, 11],
      [ruralB.code, ruralB.name, '清河区', '农村', '无', 3, 70, 6, 8],
    ]),
  );
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await page.getByRole('button', { name: '确认导入 3 行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '导入完成：新建 3 所' })).toBeVisible();

  // The new demonstration kindergarten gets its director, who will lead both pairings.
  await page.goto('/users/new');
  await page.getByLabel('姓名').fill('启明园长');
  await page.getByLabel('手机号').fill(`137${String(Date.now()).slice(-8)}`);
  await page.getByLabel('角色').selectOption({ label: '园长' });
  await page.getByLabel('幼儿园').selectOption({ label: `${urban.name}（${urban.code}）` });
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page.getByRole('status').filter({ hasText: '一次性密码' })).toBeVisible();

  await formPairing(page, ruralA.name, '每学期送教下乡 10 课时');
  await formPairing(page, ruralB.name, '每月一次看一日活动组织');

  await page.goto(`/pairings?q=${stamp}`);
  for (const rural of [ruralA, ruralB]) {
    const row = page.getByRole('link').filter({ hasText: rural.name });
    await expect(row).toContainText(urban.name);
  }
});

test('a director of another county cannot open those pairings by URL @desktop-only', async ({ page, context, baseURL }) => {
  expect(pairingPaths).toHaveLength(2);
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  for (const path of pairingPaths) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByText(urban.name)).toHaveCount(0);
  }
  await page.goto('/pairings');
  await expect(page.getByText(urban.name)).toHaveCount(0);
});
