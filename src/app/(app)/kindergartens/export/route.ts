import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireRouteUser } from '@/lib/session';
import { parseFilters } from '@/lib/kindergartens/filters';
import { exportKindergartens } from '@/lib/kindergartens/commands';
import { buildKindergartenExport } from '@/lib/kindergartens/spreadsheets';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

/** The list page's filters, applied under the export permission's scope; every export is audited. */
export async function GET(request: NextRequest) {
  const { user, response } = await requireRouteUser(request, { permission: 'kindergarten.export', entityType: 'Kindergarten' });
  if (response) return response;
  const filters = parseFilters(Object.fromEntries(request.nextUrl.searchParams));
  const [rows, t, locale] = await Promise.all([exportKindergartens(user, filters, db), getTranslations(), getLocale()]);
  const body = await buildKindergartenExport(rows, t, locale);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', `${t('kindergartens.title')}-${date}.xlsx`, `kindergartens-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
