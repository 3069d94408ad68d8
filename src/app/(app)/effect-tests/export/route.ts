import type { NextRequest } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { cityToday } from '@/lib/time/today';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { parseDashboardFilters } from '@/lib/effect-tests/filters';
import { buildEffectTestsExport } from '@/lib/effect-tests/export';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

/** The dashboard's query string, the dashboard's loader, the caller's scope: the file holds what the page shows. */
export async function GET(request: NextRequest) {
  const { user, response } = await requireRouteUser(request, { permission: 'effectTests.export', entityType: 'Page' });
  if (!user) return response;
  const f = parseDashboardFilters(Object.fromEntries(request.nextUrl.searchParams));
  const [data, t, format] = await Promise.all([loadDashboard(user, f, db), getTranslations('effectTests'), getFormatter()]);
  const body = await buildEffectTestsExport(data, t, format);
  // The file is named by the city's date, as the page shows it.
  const date = await cityToday(db);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', `${t('title')}-${date}.xlsx`, `effect-tests-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
