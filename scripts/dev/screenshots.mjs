// Development aid: screenshots of pages at phone and desktop size in both languages.
// Usage: node scripts/dev/screenshots.mjs <login> <path> [<path>…]   (app running on BASE_URL or :3000)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const [login, ...paths] = process.argv.slice(2);
const out = 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
for (const locale of ['zh', 'en']) {
  for (const [device, viewport] of [
    ['phone', { width: 360, height: 780 }],
    ['desktop', { width: 1280, height: 860 }],
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.addCookies([
      { name: 'locale', value: locale, url: base },
      { name: 'locale_picked', value: '1', url: base },
    ]);
    const page = await context.newPage();
    await page.goto(base + '/login');
    if (login && login !== '-') {
      await page.getByLabel(/手机号或邮箱|Phone or e-mail/).fill(login);
      await page.getByLabel(/^(密码|Password)$/).fill(process.env.PASSWORD ?? 'pairing-demo-2026');
      await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    }
    for (const p of paths) {
      await page.goto(base + p, { waitUntil: 'networkidle' });
      const name = `${out}/${p.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${locale}-${device}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name);
    }
    await context.close();
  }
}
await browser.close();
