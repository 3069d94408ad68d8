import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/demo-accounts';
import { makePdf } from '../fixtures/evidence-files';
import { test, expect, pickLocale, signIn } from './helpers';

// Uploads against the production server, where Next buffers the body of every request its proxy
// runs on and cut 10–20 MB uploads to 10 MB (stored, hashed and answered 201 as if whole). Only a
// real server shows that: the integration tests call the route handler directly.
const MB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A real PDF head, then random bytes: a cut copy has another size and another hash. */
const bigPdf = (size: number) => {
  const head = makePdf('e2e');
  return Buffer.concat([head, randomBytes(size - head.length)]);
};

/** POSTs `parts` without a Content-Length (Transfer-Encoding: chunked), which Playwright's request API cannot. */
async function postChunked(page: Page, baseURL: string, path: string, parts: Buffer[]) {
  const cookie = (await page.context().cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join('; ');
  let answered = false;
  const req = http.request(new URL(path, baseURL), {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers before it has read everything may close the connection under the
    // writer: that is fine once the answer is in.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
  });
  for (const p of parts) {
    if (answered) break;
    if (!req.write(p))
      await new Promise<void>((resolve) => {
        const go = () => {
          req.off('drain', go).off('close', go);
          resolve();
        };
        req.on('drain', go).on('close', go);
      });
  }
  req.end();
  return answer;
}

test('a 15 MB document arrives whole, sent with or without a length; 25 MB sent chunked is refused @desktop-only', async ({
  page,
  context,
  baseURL,
}, info) => {
  test.setTimeout(180_000);
  await pickLocale(context, baseURL!, 'zh');
  await signIn(page, DEMO_ACCOUNTS.urbanDirector);

  // A fresh activity of the director's own, so nothing is confirmed and the files are ours alone.
  const title = `大文件上传 ${info.project.name}-${Date.now().toString(36)}`;
  await page.goto('/activities/new');
  await page.getByLabel('活动类型').selectOption({ label: '送教下乡·示范课' });
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('地点').fill('柳湾镇中心幼儿园');
  await page.getByLabel('课时', { exact: true }).fill('2');
  await page.getByLabel('活动计划').fill('示范课与研讨');
  await page.getByLabel('措施').fill('提前一周发教案');
  await page.getByLabel('活动记录').fill('示范课，附 15 MB 的课件。');
  await page.getByLabel('活动总结').fill('下次安排区域活动。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const activityId = new URL(page.url()).pathname.match(/^\/activities\/([^/]+)$/)?.[1];
  expect(activityId).toBeTruthy();
  const uploadPath = (name: string) => `/api/files?target=activity&id=${activityId}&name=${encodeURIComponent(name)}`;

  /** Downloads a stored file back and checks it is `bytes`, exactly. */
  async function expectStored(id: string, bytes: Buffer) {
    const back = await page.request.get(`/api/files/${id}`, { timeout: 60_000 });
    expect(back.status()).toBe(200);
    expect(back.headers()['cache-control']).toBe('private, no-store');
    expect(back.headers()['content-disposition']).toMatch(/^attachment;.*\.pdf/);
    const got = await back.body();
    expect(got.length).toBe(bytes.length);
    expect(sha256(got)).toBe(sha256(bytes));
  }

  // 1. With a Content-Length, as the browser's XMLHttpRequest sends a File.
  const doc = bigPdf(15 * MB);
  const withLength = await page.request.post(uploadPath('课件-15MB.pdf'), {
    data: doc,
    headers: { 'Content-Type': 'application/octet-stream' },
    timeout: 60_000,
  });
  expect(withLength.status(), await withLength.text()).toBe(201);
  await expectStored(((await withLength.json()) as { id: string }).id, doc);

  // 2. The same size chunked, without a Content-Length.
  const doc2 = bigPdf(15 * MB);
  const parts = Array.from({ length: 15 }, (_, i) => doc2.subarray(i * MB, (i + 1) * MB));
  const chunked = await postChunked(page, baseURL!, uploadPath('课件-分块.pdf'), parts);
  expect(chunked.status, chunked.body).toBe(201);
  await expectStored((JSON.parse(chunked.body) as { id: string }).id, doc2);

  // 3. 25 MB chunked: refused in the user's language, nothing stored.
  const huge = bigPdf(25 * MB);
  const refused = await postChunked(
    page,
    baseURL!,
    uploadPath('太大.pdf'),
    Array.from({ length: 25 }, (_, i) => huge.subarray(i * MB, (i + 1) * MB)),
  );
  expect(refused.status, refused.body).toBe(413);
  expect((JSON.parse(refused.body) as { error: string }).error).toBe('文件太大：文档不超过 20 MB。');

  // The activity holds the two 15 MB documents and nothing of the refused one.
  await page.goto(`/activities/${activityId}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: '课件-15MB.pdf' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: '课件-分块.pdf' }).first()).toBeVisible();
  await expect(page.getByText('太大.pdf')).toHaveCount(0);
});
