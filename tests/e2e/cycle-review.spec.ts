import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { expect, signIn, test } from './helpers';

// The county admin rolls over with the advice shown: on the rollover page of the previous cycle
// (2023–2025, ended in the demo data) each pairing shows its two-year history and an advice with its
// reasons; the admin records a decision that differs from the advice, which needs a note. One pass
// changes the shared demo data (the decision is kept): the desktop run does it.
test('a county admin reads the re-pairing advice and records a decision @desktop-only', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.county);
  await page.goto('/pairings/rollover');
  await expect(page.getByRole('heading', { name: '换届建议' })).toBeVisible();
  await expect(page.getByTestId('advice-rules')).toContainText('80%');

  // Decided at the rollover of 2025: the advice then and the county's decision, both kept.
  const liuwan = page.getByTestId('advice-item').filter({ hasText: '清河区柳湾镇中心幼儿园' });
  await expect(liuwan.getByTestId('advice-kind')).toContainText('结业');
  await expect(liuwan.getByTestId('advice-reasons')).toContainText('四个领域均达到市级优质园标准');
  await expect(liuwan.getByTestId('advice-decision')).toContainText('继续结对');
  const shiqiao = page.getByTestId('advice-item').filter({ hasText: '清河区石桥乡幼儿园' });
  await expect(shiqiao.getByTestId('advice-kind')).toContainText('更换帮扶园');

  const baisha = page.getByTestId('advice-item').filter({ hasText: '清河区白沙镇幼儿园' });
  await expect(baisha.getByText('秋季学期').first()).toBeVisible();
  await expect(baisha.getByTestId('advice-kind')).toContainText('继续结对');
  await expect(baisha.getByTestId('advice-reasons')).toContainText('尚未达到结业条件');

  // Another decision than the advice is refused without a reason, and kept with one.
  const form = baisha.locator('form');
  await form.getByRole('radio', { name: '进一步核查' }).check();
  await form.getByLabel('说明').fill('');
  await form.getByRole('button', { name: /记录决定|修改决定/ }).click();
  await expect(form.getByText('决定与建议不同时，请写明理由。').first()).toBeVisible();
  await form.getByRole('radio', { name: '进一步核查' }).check();
  await form.getByLabel('说明').fill('家长反映送教次数与记录不符，换届前先核实。');
  await form.getByRole('button', { name: /记录决定|修改决定/ }).click();
  await expect(form.getByRole('status')).toContainText('决定已记录');
  await expect(baisha.getByTestId('advice-decision')).toContainText('进一步核查');
  await expect(baisha.getByTestId('advice-decision')).toContainText('家长反映送教次数与记录不符');
  // The advice itself is unchanged by the decision.
  await expect(baisha.getByTestId('advice-kind')).toContainText('继续结对');

  // The pairing's review shows the cycle semester by semester and the before/after chart with its table.
  await baisha.getByRole('link', { name: '周期回顾' }).click();
  await expect(page.getByRole('heading', { name: /结对周期回顾/ })).toBeVisible();
  await expect(page.getByRole('img', { name: '前后对比（百分比指标）' })).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: '优课率' })).toBeVisible();
});
