import type { NextRequest } from 'next/server';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { regionName } from '@/i18n/region-name';
import { requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { cityToday } from '@/lib/time/today';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { parseDashboardFilters } from '@/lib/effect-tests/filters';
import { streamEffectTestsExport } from '@/lib/effect-tests/export';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

/**
 * The dashboard's query string, the dashboard's loader, the caller's scope: the file holds what the
 * page shows. Scope and data are settled before the first byte; the workbook is then streamed.
 */
export async function GET(request: NextRequest) {
  const { user, response } = await requireRouteUser(request, { permission: 'effectTests.export', entityType: 'Page' });
  if (!user) return response;
  const f = parseDashboardFilters(Object.fromEntries(request.nextUrl.searchParams));
  const [data, t, format, locale, date] = await Promise.all([
    loadDashboard(user, f, db),
    getTranslations('effectTests'),
    getFormatter(),
    getLocale(),
    // The file is named and dated by the city's date, as the page shows it.
    cityToday(db),
  ]);
  const ids = new Set([...data.rows.flatMap((p) => [p.supporting.countyId, p.assisted.countyId]), ...(f.county ? [f.county] : [])]);
  const regions = await db.region.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, nameEn: true } });
  const countyNames = new Map(regions.map((r) => [r.id, regionName(r, locale)]));
  const body = streamEffectTestsExport(data, t, format, { filters: f, countyNames, madeOn: date });
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', `${t('title')}-${date}.xlsx`, `effect-tests-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
