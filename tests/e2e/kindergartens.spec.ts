import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// The forms are the same at any width: the desktop project runs them. The import runs on both, as the
// phone's list of kindergartens is a list of cards (a table on wider screens); codes carry the project
// name so the two runs never collide.
const unique = (project: string) => `${project === 'phone' ? 'P' : 'D'}${Date.now().toString(36).toUpperCase()}`;

test('a county admin creates a kindergarten, edits it and exports the list @desktop-only', async ({ page, context, baseURL }, info) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/kindergartens');
  await page.getByRole('link', { name: '新建幼儿园' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建幼儿园' })).toBeVisible();

  const code = `E2E-${unique(info.project.name)}`;
  await page.getByLabel('代码').fill(code);
  await page.getByLabel('名称').fill(`清河区测试幼儿园 ${code}`);
  await page.getByLabel('城乡').selectOption('RURAL');
  await page.getByLabel('班级数').fill('3');
  await page.getByLabel('幼儿数').fill('75');
  await page.getByLabel('教师数').fill('12');
  await page.getByLabel('职工数').fill('9');
  await page.getByRole('button', { name: '保存' }).click();
  // Impossible counts: refused with a message on the field, and what was typed stays.
  await expect(page.getByText('教师数不能超过职工数')).toBeVisible();
  await expect(page.getByLabel('代码')).toHaveValue(code);
  await expect(page.getByLabel('幼儿数')).toHaveValue('75');

  await page.getByLabel('教师数').fill('6');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/kindergartens\/[^/]+\?saved=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`清河区测试幼儿园 ${code}`);
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  await page.getByRole('link', { name: '编辑', exact: true }).click();
  await page.getByLabel('名称').fill(`清河区柳林幼儿园 ${code}`);
  await page.getByLabel('示范等级').selectOption('COUNTY');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`清河区柳林幼儿园 ${code}`);
  await expect(page.getByText('县级示范园')).toBeVisible();

  // Two tabs edit it at once: the later save is refused with the difference shown, nothing typed is
  // lost, and saving again keeps it.
  const editUrl = `${page.url().replace(/\?.*$/, '')}/edit`;
  const other = await context.newPage();
  await Promise.all([page.goto(editUrl), other.goto(editUrl)]);
  await other.getByLabel('联系人').fill('李老师');
  await other.getByRole('button', { name: '保存' }).click();
  await expect(other).toHaveURL(/\?saved=1$/);
  await page.getByLabel('联系人').fill('张园长');
  await page.getByRole('button', { name: '保存' }).click();
  const notice = page.getByRole('alert').filter({ hasText: '保存了此幼儿园的修改' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('row', { name: /联系人/ })).toContainText('张园长');
  await expect(notice.getByRole('row', { name: /联系人/ })).toContainText('李老师');
  await expect(page.getByLabel('联系人')).toHaveValue('张园长');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await expect(page.getByText('张园长')).toBeVisible();
  await other.close();

  await page.goto(`/kindergartens?q=${code}`);
  await expect(page.getByText('共 1 所')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as never);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('代码');
  expect(sheet.actualRowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe(code);
  expect(sheet.getRow(2).getCell(3).value).toBe('清河区');
});

test('a director updates their kindergarten’s profile but not its level or code @desktop-only', async ({
  page,
  context,
  baseURL,
}, info) => {
  await pickLocale(context, baseURL!, 'en');
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);
  await page.getByRole('link', { name: 'Our kindergarten' }).click();
  await page.getByRole('link', { name: 'Update our details' }).click();
  await expect(page.getByLabel('Code')).toHaveCount(0);
  await expect(page.getByLabel('Demonstration level')).toHaveCount(0);
  const contact = `Contact ${unique(info.project.name)}`;
  await page.getByLabel('Contact name').fill(contact);
  await page.getByLabel('Classes').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('With children enrolled, classes cannot be 0.')).toBeVisible();
  await expect(page.getByLabel('Contact name')).toHaveValue(contact);
  await page.getByLabel('Classes').fill('19');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText(contact)).toBeVisible();
  // The registry list is for admins: a director lands on their own kindergarten.
  await page.goto('/kindergartens');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Kindergartens');
});

test('a county admin imports an .xlsx through the browser: preview, then confirm', async ({ page, context, baseURL }, info) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  const code = `IMP-${unique(info.project.name)}`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
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
  sheet.addRow([code, `导入幼儿园 ${code}`, '清河区', '农村', '无', 4, 90, 8, 11]);
  sheet.addRow([`${code}-X`, '东山县的园', '东山县', '农村', '无', 4, 90, 8, 11]);
  const bad = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto('/kindergartens/import');
  await page.getByLabel('选择文件').setInputFiles({
    name: 'kindergartens.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page).toHaveURL(/\/kindergartens\/import\/[^/]+$/);
  await expect(page.getByTestId('import-error')).toHaveText(/3\s*县区\s*这个县区不在您的管理范围内/);
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);

  sheet.spliceRows(3, 1);
  const good = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByRole('link', { name: '重新上传文件' }).click();
  await page.getByLabel('选择文件').setInputFiles({
    name: 'kindergartens.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page.getByText('新建 1 所')).toBeVisible();
  await page.getByRole('button', { name: '确认导入 1 行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '导入完成：新建 1 所' })).toBeVisible();
  await page.goto(`/kindergartens?q=${code}`);
  await expect(page.getByRole('link', { name: `导入幼儿园 ${code}` }).first()).toBeVisible();
});
