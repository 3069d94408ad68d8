import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { listCycles } from '@/lib/cycles/queries';
import { actorFor } from '../fixtures/factories';
import { createPairingWorld } from '../fixtures/activity-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));
// Outside a Next request there is no locale cookie: the route's messages come from the real catalogues.
vi.mock('next-intl/server', async () => {
  const { createFormatter, createTranslator } = await import('next-intl');
  const { readdirSync, readFileSync } = await import('node:fs');
  const folder = `${process.cwd()}/messages/zh`;
  const messages = Object.assign({}, ...readdirSync(folder).map((f) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8'))));
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: 'zh', messages, namespace: namespace as never }),
    getFormatter: async () => createFormatter({ locale: 'zh', timeZone: 'Asia/Shanghai' }),
    getLocale: async () => 'zh',
  };
});

/** The route's answer, read back as the person who downloads it would: the pairings and the stated filters. */
async function download(user: { id: string }, query: string) {
  const { GET } = await import('@/app/(app)/effect-tests/export/route');
  signedIn.user = await actorFor(db, user);
  const res = await GET(new NextRequest(`http://localhost/effect-tests/export${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=effect-tests-\d{4}-\d\d-\d\d\.xlsx;/);
  // Streamed: the body is a stream handed out before the workbook is written, not a finished buffer.
  expect(res.body).toBeInstanceOf(ReadableStream);
  expect(res.headers.get('content-length')).toBeNull();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  const [list, filters] = wb.worksheets;
  const header = Array.from(list.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const pairings: string[] = [];
  list.eachRow((r, n) => {
    if (n > 1) pairings.push(`${r.getCell(1).value} → ${r.getCell(2).value}`);
  });
  const stated = Object.fromEntries(
    filters.getSheetValues().flatMap((r, n) => (Array.isArray(r) && n > 1 ? [[String(r[1]), String(r[2] ?? '')]] : [])),
  );
  return { header, pairings, stated };
}

describe('the effect-test export route', () => {
  it('streams every pairing in the caller scope and none outside it', async () => {
    const w = await createPairingWorld(db);
    const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
    const period = `?period=${encodeURIComponent(`${cycle.id}:2025-AUTUMN`)}`;
    const [inA, inB] = [`${w.kgA.name} → ${w.kgA2.name}`, `${w.kgB.name} → ${w.kgB2.name}`];

    // A county admin's file is their county, even when the query names another.
    const a = await download(w.countyAdminA, `${period}&county=${w.countyB.id}`);
    expect(a.header.slice(1, 4)).toEqual(['帮扶园', '被帮扶园', '县区']);
    expect(a.pairings).toEqual([inA]);
    expect(a.stated).toMatchObject({ 县区: '甲县', 结对数: '1' });

    const city = await download(w.cityAdmin, period);
    expect(city.pairings).toEqual(expect.arrayContaining([inA, inB]));
    expect(city.stated['结对数']).toBe(String(city.pairings.length));
  });
});
