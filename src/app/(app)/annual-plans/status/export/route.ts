import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireRouteUser } from '@/lib/session';
import { countyWhere } from '@/lib/authz';
import { exportAnnualPlanStatus } from '@/lib/annual-plans/commands';
import { buildAnnualPlanStatusExport } from '@/lib/annual-plans/export';
import { AnnualPlanStatusFilters } from '@/lib/annual-plans/schemas';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';
import { regionName } from '@/i18n/region-name';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';

/** The status list's filters, applied under the list's scope (annualPlanStatusWhere); every export is audited. */
export async function GET(request: NextRequest) {
  const { user, response } = await requireRouteUser(request, { permission: 'annualPlan.status', entityType: 'AnnualPlan' });
  if (response) return response;
  const filters = AnnualPlanStatusFilters.parse(Object.fromEntries(request.nextUrl.searchParams));
  const [rows, t, locale, counties, zone] = await Promise.all([
    exportAnnualPlanStatus(user, filters, db),
    getTranslations(),
    getLocale(),
    db.region.findMany({ where: countyWhere(user, 'annualPlan.status'), select: { id: true, name: true, nameEn: true } }),
    cityTimeZone(db),
  ]);
  const names = new Map(counties.map((c) => [c.id, regionName(c, locale)]));
  const body = await buildAnnualPlanStatusExport(
    rows,
    t as never,
    (id) => names.get(id) ?? '',
    (d) => localDate(d, zone),
  );
  const date = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition(
        'attachment',
        `${t('teaching.annualPlans.statusTitle')}-${date}.xlsx`,
        `annual-plans-${date}.xlsx`,
      ),
      'Cache-Control': 'private, no-store',
    },
  });
}
