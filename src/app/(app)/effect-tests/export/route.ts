import type { NextRequest } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { parseDashboardFilters } from '@/lib/effect-tests/filters';
import { buildEffectTestsExport } from '@/lib/effect-tests/export';
import { attachment, XLSX_TYPE } from '@/lib/spreadsheet/write';

/** The dashboard's query string, the dashboard's loader, the caller's scope: the file holds what the page shows. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !hasPermission(user, 'effectTests.export')) return new Response('Not found', { status: 404 });
  const f = parseDashboardFilters(Object.fromEntries(request.nextUrl.searchParams));
  const [data, t, format] = await Promise.all([loadDashboard(user, f, db), getTranslations('effectTests'), getFormatter()]);
  const body = await buildEffectTestsExport(data, t as never, format as never);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`${t('title')}-${date}.xlsx`, `effect-tests-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
