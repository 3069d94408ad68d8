import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { loadMessages } from '@/i18n/catalogue';
import { getBulletin } from '@/lib/bulletins/queries';
import { bulletinPdfBuffer } from '@/lib/bulletins/pdf';
import { contentDisposition } from '@/lib/content-disposition';
import { cityToday } from '@/lib/time/today';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { isRecordId } from '@/lib/schema-fields';

export const dynamic = 'force-dynamic';

/** A bulletin as a PDF, in Chinese whatever the reader's language (it is the bureau's publication). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'bulletin.view', entityType: 'Bulletin' });
  if (!user) return response;
  const { id } = await params;
  const b = isRecordId(id) ? await getBulletin(user, id, db) : null;
  if (!b) return denyRoute(user, request, { entityType: 'Bulletin', entityId: id });
  const t = createTranslator({ locale: 'zh', messages: await loadMessages('zh') });
  const zone = await cityTimeZone(db);
  const body = await bulletinPdfBuffer(
    { title: b.title, body: b.body, publishedOn: b.publishedAt ? localDate(b.publishedAt, zone) : null, content: b.content },
    t,
    await cityToday(db),
  );
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('attachment', `${b.title.slice(0, 60)}.pdf`, `bulletin-${b.period.key}.pdf`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
