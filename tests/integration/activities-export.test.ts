import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { actorFor, uniqueSuffix } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));
// Outside a Next request there is no locale cookie: the route's messages come from the real catalogues.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { readdirSync, readFileSync } = await import('node:fs');
  const folder = `${process.cwd()}/messages/zh`;
  const messages = Object.assign({}, ...readdirSync(folder).map((f) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8'))));
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: 'zh', messages, namespace: namespace as never }),
    getLocale: async () => 'zh',
  };
});

async function download(user: { id: string }, query: string) {
  const { GET } = await import('@/app/(app)/activities/export/route');
  signedIn.user = await actorFor(db, user);
  const res = await GET(new NextRequest(`http://localhost/activities/export${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=activities-\d{4}-\d\d-\d\d\.xlsx;/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const [list, filters] = wb.worksheets;
  const header = Array.from(list.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const rows: Record<string, unknown>[] = [];
  list.eachRow((r, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.slice(1).map((h, i) => [h, r.getCell(i + 1).value])));
  });
  const stated = Object.fromEntries(
    filters.getSheetValues().flatMap((r, n) => (Array.isArray(r) && n > 1 ? [[String(r[1]), String(r[2] ?? '')]] : [])),
  );
  return { rows, stated, sheets: wb.worksheets.map((s) => s.name) };
}

describe('the activity list export', () => {
  it('holds what the list shows in the caller’s scope, figures as numbers, with its filters stated', async () => {
    const w = await createPairingWorld(db);
    const s = uniqueSuffix();
    const base = { type: 'SENT_LECTURE' as const, status: 'DONE' as const, startsAt: new Date('2026-03-05T01:30:00Z') };
    await createActivity(db, {
      ...base,
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      title: `甲讲座-${s}`,
      classHours: 1.5,
      childCount: 30,
      confirmation: 'CONFIRMED',
    });
    await createActivity(db, {
      ...base,
      pairingId: w.pairingB.id,
      recordingKindergartenId: w.kgB.id,
      createdById: w.countyAdminB.id,
      title: `乙讲座-${s}`,
      classHours: 2,
    });
    await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      title: `甲联谊-${s}`,
    });
    const mine = (rows: Record<string, unknown>[]) => rows.filter((r) => String(r['活动名称']).endsWith(s));

    // County A's admin: county A's activities only, every type.
    const a = await download(w.countyAdminA, '');
    expect(mine(a.rows).map((r) => r['活动名称'])).toEqual(expect.arrayContaining([`甲讲座-${s}`, `甲联谊-${s}`]));
    expect(mine(a.rows).map((r) => r['活动名称'])).not.toContain(`乙讲座-${s}`);

    // The city, filtered to lectures in March 2026: both counties, named; figures are numbers.
    const city = await download(w.cityAdmin, '?type=SENT_LECTURE&month=2026-03&page=3');
    const got = mine(city.rows).sort((x, y) => String(x['活动名称']).localeCompare(String(y['活动名称'])));
    expect(got).toEqual([
      expect.objectContaining({
        活动名称: `乙讲座-${s}`,
        县区: '乙县',
        课时: 2,
        对方确认: '待对方确认',
      }),
      expect.objectContaining({
        活动名称: `甲讲座-${s}`,
        日期: '2026-03-05',
        活动类型: '送教下乡·讲座',
        时间: '09:30',
        帮扶园: w.kgA.name,
        被帮扶园: w.kgA2.name,
        县区: '甲县',
        状态: '已开展',
        对方确认: '对方已确认',
        课时: 1.5,
        参加幼儿人数: 30,
      }),
    ]);
    // Every page, not the list's third: the page number is no filter.
    expect(city.sheets[1]).toBe('筛选条件');
    expect(city.stated).toMatchObject({
      类型: '送教下乡·讲座',
      月份: '2026-03',
      状态: '全部',
      结对: '全部',
      活动数: String(city.rows.length),
    });

    // A pairing outside the caller's scope selects nothing, and is not named.
    const b = await download(w.countyAdminB, `?pairing=${w.pairingA.id}`);
    expect(b.rows).toEqual([]);
    expect(b.stated['结对']).toBe('—');
  });
});
