import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { test, expect, pickLocale, signIn } from './helpers';

// The seed puts the Qinghe pairing 清河区机关幼儿园 → 清河区石桥乡幼儿园 behind on class hours this semester.
const BEHIND = '石桥乡';

test('a county admin finds a pairing at risk for S2, opens the records behind it and exports the table', async ({
  page,
  context,
  baseURL,
}, info) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/effect-tests');
  await expect(page.getByRole('heading', { name: '效果检测', level: 1 })).toBeVisible();
  const count = Number((await page.getByRole('status').filter({ hasText: '个结对' }).textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);

  // One table: rows on a desktop, a card per pairing on a phone; both carry the status as a word.
  const row = page.getByTestId('effect-table').getByRole('row').filter({ hasText: BEHIND });
  await expect(row).toBeVisible();
  if (info.project.name === 'phone') {
    // The card stacks its cells: the pairing above its first test, not beside it.
    const [name, s1] = [await row.getByRole('rowheader').boundingBox(), await row.getByRole('cell').first().boundingBox()];
    expect(s1!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  }
  const s2 = row.getByRole('link', { name: /^S2/ });
  await expect(s2).toContainText('有风险');
  const figure = (await s2.textContent())!.match(/[\d.]+ \/ [\d.]+ 课时/)![0];
  await s2.click();

  // The records behind the figure, with the rule and the threshold in force.
  await expect(page).toHaveURL(/\/pairings\/[^/]+\/effect-tests\?.*test=S2/);
  await expect(page.getByTestId('test-heading')).toHaveText(/S2/);
  await expect(page.getByTestId('test-figure')).toHaveText(figure);
  await expect(page.getByText('送教下乡不少于规定课时', { exact: false })).toBeVisible();
  await expect(page.getByText(/默认标准|自 .* 起执行的标准/)).toBeVisible();
  const records = page.getByTestId('counted-records').getByRole('listitem');
  await expect(records.first()).toBeVisible();
  const have = Number(figure.split(' / ')[0]);
  const hours = (await records.allTextContents()).map((t) => Number(t.match(/([\d.]+)\s*课时/)?.[1] ?? 0));
  expect(hours.reduce((a, b) => a + b, 0)).toBeCloseTo(have);

  // The export holds the same rows as the page, with localized headers. Other specs add pairings
  // to the shared demo data in parallel (they never remove any from the current cycle), so the
  // export must hold at least what the page showed before it and at most what it shows after.
  const shownNow = async () => {
    await page.goto('/effect-tests');
    return Number((await page.getByRole('status').filter({ hasText: '个结对' }).textContent())!.match(/\d+/)![0]);
  };
  const before = await shownNow();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as never);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header.slice(0, 2)).toEqual(['帮扶园', '被帮扶园']);
  expect(header).toContain('S2 送教课时 · 状态');
  const rows: string[][] = [];
  sheet.eachRow((r, n) => {
    if (n > 1) rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  const after = await shownNow();
  expect(rows.length).toBeGreaterThanOrEqual(before);
  expect(rows.length).toBeLessThanOrEqual(after);
  const behind = rows.find((r) => r[1].includes(BEHIND))!;
  expect(behind[header.indexOf('S2 送教课时 · 状态')]).toBe('有风险');
  // The figure "7 / 10 课时" is two numbers in their own columns (the page rounds to one decimal).
  const [value, target] = figure.split(' / ').map((x) => parseFloat(x));
  expect(Number(behind[header.indexOf('S2 送教课时 · 实际')])).toBeCloseTo(value, 0);
  expect(Number(behind[header.indexOf('S2 送教课时 · 目标')])).toBeCloseTo(target, 0);
  expect(header).toContain('县区');
  // The filters it was made with, on a sheet of their own.
  expect(workbook.worksheets[1].name).toBe('筛选条件');
  // Scope: nothing of the counties the Qinghe admin does not oversee.
  for (const r of rows) expect(r.slice(0, 2).join(' ')).not.toMatch(/西岭县|南湖县/);
});

// The form is the same at any width (the phone's card layout is checked above): the desktop project runs it.
test('a county admin records an A1 inspection from the records behind the figure @desktop-only', async ({ page, context, baseURL }) => {
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/effect-tests');
  const row = page.getByTestId('effect-table').getByRole('row').filter({ hasText: BEHIND });
  await row.getByRole('link', { name: /^A1/ }).click();
  await expect(page.getByTestId('test-heading')).toHaveText(/A1/);
  // The form's words come translated from the server (no next-intl in the browser on this page).
  await expect(page.getByRole('heading', { name: '记录督查' })).toBeVisible();
  await page.getByLabel('结论').selectOption({ label: '合格' });
  await page.getByLabel('日期').fill('2026-11-20');
  await page.getByLabel('说明').fill('复查：一日活动安排已调整，无小学化倾向。');
  await page.getByRole('button', { name: '保存评定' }).click();
  await expect(page.getByText('评定已保存。')).toBeVisible();
  await expect(page.getByTestId('test-figure')).toHaveText(/督查 2026-11-20.*合格/);
});
