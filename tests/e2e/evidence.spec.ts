import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { makePng } from '../fixtures/evidence-files';
import { test, expect, pickLocale, signIn } from './helpers';

// On a phone: the supporting director logs sent teaching with two photos (scaled in the browser,
// uploaded with a progress bar), the assisted director confirms it, and the archive downloads as a
// zip holding those photos and the index PDF. Also: a half-filled form survives a reload. The tests
// open their own phone-sized contexts, so a run on the desktop project would repeat the phone's.
test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, baseURL: string, who: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  await pickLocale(context, baseURL, 'zh');
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('two photos on a sent-teaching activity, confirmed, in the downloaded archive @phone-only', async ({ browser, baseURL }, info) => {
  const tag = `${info.project.name}-${Date.now().toString(36)}`;
  const title = `送教照片 ${tag}`;
  const urban = await as(browser, baseURL!, DEMO_ACCOUNTS.urbanDirector);
  await urban.goto('/activities/new');
  await urban.getByLabel('活动类型').selectOption({ label: '送教下乡·示范课' });
  await urban.getByLabel('活动名称').fill(title);
  await urban.getByLabel('地点').fill('柳湾镇中心幼儿园');
  await urban.getByLabel('课时', { exact: true }).fill('2');
  await urban.getByLabel('活动计划').fill('示范课与研讨');
  await urban.getByLabel('措施').fill('提前一周发教案');
  await urban.getByLabel('活动记录').fill('示范课《影子》，8 位教师观摩。');
  await urban.getByLabel('活动总结').fill('下次安排区域活动。');
  await urban.getByRole('button', { name: '保存' }).click();
  await expect(urban.getByRole('heading', { name: title })).toBeVisible();
  const activityUrl = urban.url().replace(/\?.*$/, '');

  // The connection drops during the first upload: that file stays chosen with a Retry button.
  let dropped = false;
  await urban.route('**/api/files?*', (route) => {
    if (dropped || route.request().method() !== 'POST') return route.continue();
    dropped = true;
    return route.abort('connectionreset');
  });
  // Two photos, bigger than 2000 px on the long edge so the browser scales them.
  await urban.getByTestId('evidence-input').setInputFiles([
    { name: '现场1.png', mimeType: 'image/png', buffer: makePng(2400, 1200, 1) },
    { name: '现场2.png', mimeType: 'image/png', buffer: makePng(800, 600, 2) },
  ]);
  const jobs = urban.getByTestId('upload-job');
  await expect(jobs).toHaveCount(2);
  await expect(urban.locator('[data-testid="upload-job"][data-state="failed"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(urban.getByRole('alert').filter({ hasText: '网络中断' })).toBeVisible();
  await expect(urban.locator('[data-testid="upload-job"][data-state="done"]')).toHaveCount(1, { timeout: 30_000 });
  await urban.getByRole('button', { name: '重试' }).click();
  await expect(urban.locator('[data-testid="upload-job"][data-state="done"]')).toHaveCount(2, { timeout: 30_000 });
  // Each bar ran to the end.
  for (const bar of await urban.locator('[data-testid="upload-job"] progress').all()) await expect(bar).toHaveAttribute('value', '1');
  await expect(jobs.filter({ hasText: '已上传' })).toHaveCount(2);
  await expect(urban.getByTestId('evidence-thumb')).toHaveCount(2);
  // The stored photo is the scaled JPEG, not the 2400-px PNG.
  const src = await urban.getByTestId('evidence-thumb').first().getAttribute('src');
  const photo = await urban.request.get(src!);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  expect(photo.headers()['x-content-type-options']).toBe('nosniff');
  // Thumbnails are the small previews the browser made, not the full photos.
  expect(src).toContain('size=thumb');
  const full = await urban.request.get(src!.replace('?size=thumb', ''));
  expect(full.headers()['content-type']).toBe('image/jpeg');
  expect((await photo.body()).length).toBeLessThan((await full.body()).length);

  // A file that only claims to be a photo is refused with a clear message; nothing is added.
  await urban
    .getByTestId('evidence-input')
    .setInputFiles([{ name: 'evil.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') }]);
  await expect(urban.getByRole('alert').filter({ hasText: '不支持这种文件' })).toBeVisible();
  await urban.reload();
  await expect(urban.getByTestId('evidence-thumb')).toHaveCount(2);

  // The assisted director confirms it, photos and all.
  const rural = await as(browser, baseURL!, DEMO_ACCOUNTS.ruralDirector);
  await rural.goto(activityUrl);
  await expect(rural.getByTestId('evidence-thumb')).toHaveCount(2);
  await rural.getByRole('button', { name: '确认属实' }).click();
  await expect(rural.getByText('对方已确认').first()).toBeVisible();

  // The archive of the pairing downloads as a zip with the photos and the index PDF.
  const pairingLink = rural.getByRole('link', { name: /江州市实验幼儿园 → 清河区柳湾镇中心幼儿园/ }).first();
  const pairingHref = (await pairingLink.getAttribute('href'))!.replace('/calendar', '');
  await rural.goto(pairingHref);
  // The pairing page has a "帮扶档案" card heading too: wait for the archive's own URL and h1, so a
  // slow navigation is not mistaken for a missing activity.
  await rural.getByRole('link', { name: '打开帮扶档案' }).click();
  await expect(rural).toHaveURL(/\/pairings\/[^/]+\/archive/, { timeout: 30_000 });
  await expect(rural.getByRole('heading', { level: 1, name: '帮扶档案' })).toBeVisible();
  await expect(rural.getByRole('link', { name: title })).toBeVisible();
  const [download] = await Promise.all([rural.waitForEvent('download'), rural.getByTestId('archive-download').click()]);
  await expect(rural.getByText('正在准备档案')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^帮扶档案-.*\.zip$/);
  const zipPath = info.outputPath('archive.zip');
  await download.saveAs(zipPath);
  const entries = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const mine = entries.filter((e) => e.includes(title));
  expect(mine.filter((e) => /照片-\d\.jpg$/.test(e))).toHaveLength(2);
  expect(entries).toContain('00-档案索引.pdf');
  const pdf = execFileSync('unzip', ['-p', zipPath, '00-档案索引.pdf']);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a half-filled activity form survives a reload and can be discarded @phone-only', async ({ browser, baseURL }, info) => {
  const page = await as(browser, baseURL!, DEMO_ACCOUNTS.urbanDirector);
  const title = `草稿 ${info.project.name}`;
  await page.goto('/activities/new');
  await page.getByLabel('活动类型').selectOption({ label: '专题讲座' });
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('活动记录').fill('讲到一半，手机没电了。');
  // The draft is written 250 ms after the last keystroke: wait until it holds what was typed last.
  await expect
    .poll(() => page.evaluate(() => Object.entries(localStorage).some(([k, v]) => k.startsWith('hih-draft:') && v.includes('手机没电了'))))
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('draft-notice')).toContainText('已恢复你在');
  await expect(page.getByLabel('活动名称')).toHaveValue(title);
  await expect(page.getByLabel('活动类型')).toHaveValue('SPECIAL_LECTURE');
  await expect(page.getByLabel('活动记录')).toHaveValue('讲到一半，手机没电了。');
  await page.getByRole('button', { name: '丢弃草稿' }).click();
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('活动名称')).toHaveValue('');
});
