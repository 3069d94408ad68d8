import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { parseFilters } from '@/lib/kindergartens/filters';
import { listKindergartensForExport } from '@/lib/kindergartens/queries';
import { buildKindergartenExport } from '@/lib/kindergartens/spreadsheets';
import { attachment, XLSX_TYPE } from '@/lib/spreadsheet/write';

/** The list page's filters, applied under the export permission's scope. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !hasPermission(user, 'kindergarten.export')) return new Response('Not found', { status: 404 });
  const filters = parseFilters(Object.fromEntries(request.nextUrl.searchParams));
  const [rows, t, locale] = await Promise.all([listKindergartensForExport(user, filters), getTranslations(), getLocale()]);
  const body = await buildKindergartenExport(rows, t as never, locale);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`${t('kindergartens.title')}-${date}.xlsx`, `kindergartens-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
