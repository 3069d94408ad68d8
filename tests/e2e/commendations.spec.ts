import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { expect, signIn, signOut, test } from './helpers';

// The city runs a commendation round to publication: set up, the county nominates (with a reason,
// whatever the shortlist holds today), the city approves and publishes, a director of another county
// reads the published list and downloads the certificate.
test('a commendation round from set-up to a published list @desktop-only', async ({ page }) => {
  const title = `e2e 表彰 ${Date.now()}`;
  await signIn(page, DEMO_ACCOUNTS.city);
  await page.goto('/commendations');
  await page.getByLabel('周期').selectOption({ label: '2025–2027' });
  await page.getByLabel('标题').fill(title);
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: '开始提名' }).click();
  await expect(page.getByText('提名中')).toBeVisible();
  const roundUrl = page.url();
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto(roundUrl);
  const teachers = page.locator('section').filter({ has: page.getByRole('heading', { name: /优秀教师/ }) });
  // The shortlist has its own buttons; this nomination comes from outside it, with a reason.
  const other = teachers.locator('details');
  await other.getByText('不在推荐名单中的提名').click();
  await other.getByLabel('提名对象').selectOption({ index: 1 });
  const nominee = (await other.getByLabel('提名对象').locator('option:checked').textContent())!.replace(/（.*$/, '');
  await other.getByLabel('理由').fill('两年送教下乡四十余课时。');
  await other.getByRole('button', { name: '提名', exact: true }).click();
  await expect(teachers.getByText('待审定')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.city);
  await page.goto(roundUrl);
  // Other nominations may be waiting too (demo data, earlier runs): decide this one by its nominee.
  const ours = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: /优秀教师/ }) })
    .locator('li')
    .filter({ hasText: nominee })
    .filter({ has: page.getByRole('button', { name: '通过', exact: true }) });
  await ours.getByRole('button', { name: '通过', exact: true }).click();
  await expect(ours).toHaveCount(0);
  await expect(
    page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: /优秀教师/ }) })
      .locator('li')
      .filter({ hasText: nominee })
      .filter({ hasText: '· 通过' })
      .first(),
  ).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '公布表彰名单' }).click();
  await expect(page.getByText('已公布')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.otherCountyDirector);
  await page.goto(roundUrl);
  await expect(page.getByText(nominee)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '证书（PDF）' }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^荣誉证书-.*\.pdf$/);
});
