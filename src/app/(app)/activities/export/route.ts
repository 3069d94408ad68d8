import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { cityToday } from '@/lib/time/today';
import { cityTimeZone } from '@/lib/time/city-zone';
import { ActivityFilters } from '@/lib/activities/schemas';
import { listActivitiesForExport, listPairingOptions } from '@/lib/activities/queries';
import { buildActivitiesExport } from '@/lib/activities/export';
import { firstValues } from '@/lib/schema-fields';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

/** The list page's query string and scope (activityWhere): the file holds every page of what the list shows. */
export async function GET(request: NextRequest) {
  const { user, response } = await requireRouteUser(request, { permission: 'activity.view', entityType: 'Page' });
  if (!user) return response;
  const filters = ActivityFilters.parse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  const [data, pairings, t, tl, locale, date, timeZone] = await Promise.all([
    listActivitiesForExport(user, filters, db),
    listPairingOptions(user, db),
    getTranslations('activities'),
    getTranslations('bulletins.late'),
    getLocale(),
    cityToday(db),
    cityTimeZone(db),
  ]);
  // A pairing out of scope filters to nothing (activityWhere) and is not named in the file either.
  const pairingLabel = filters.pairing ? (pairings.find((p) => p.value === filters.pairing)?.label ?? '—') : null;
  const late = { header: tl('column'), label: (s: 'PENDING' | 'APPROVED' | 'REJECTED') => tl(`badge.${s}`) };
  const body = await buildActivitiesExport(data, t, { filters, pairingLabel, madeOn: date, timeZone, locale, late });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', `${t('title')}-${date}.xlsx`, `activities-${date}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
