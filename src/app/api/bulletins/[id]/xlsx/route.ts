import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { getBulletin } from '@/lib/bulletins/queries';
import { buildBulletinXlsx } from '@/lib/bulletins/xlsx';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { isRecordId } from '@/lib/schema-fields';

export const dynamic = 'force-dynamic';

/** A bulletin as .xlsx in the reader's language; drafts only for the city, like the page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'bulletin.view', entityType: 'Bulletin' });
  if (!user) return response;
  const { id } = await params;
  const b = isRecordId(id) ? await getBulletin(user, id, db) : null;
  if (!b) return denyRoute(user, request, { entityType: 'Bulletin', entityId: id });
  const [t, locale, zone] = await Promise.all([getTranslations(), getLocale(), cityTimeZone(db)]);
  const body = await buildBulletinXlsx(
    { title: b.title, body: b.body, publishedOn: b.publishedAt ? localDate(b.publishedAt, zone) : null, content: b.content },
    t,
    locale,
  );
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', `${b.title.slice(0, 60)}.xlsx`, `bulletin-${b.period.key}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
