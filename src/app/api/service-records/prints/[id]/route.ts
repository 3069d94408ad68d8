import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { loadMessages } from '@/i18n/catalogue';
import { toLocale } from '@/i18n/locales';
import { getPrint } from '@/lib/service-records/queries';
import { buildServiceRecordPdf } from '@/lib/service-records/pdf';
import { contentDisposition } from '@/lib/content-disposition';
import { safeSegment } from '@/lib/evidence/names';
import { cityTimeZone } from '@/lib/time/city-zone';
import { instantToZoned } from '@/lib/time/zoned';
import { isRecordId } from '@/lib/schema-fields';

export const dynamic = 'force-dynamic';

/** The PDF of a printed service record, made from what was kept when it was printed (never from today's records). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'serviceRecord.view', entityType: 'ServiceRecordPrint' });
  if (!user) return response;
  const { id } = await params;
  const print = isRecordId(id) ? await getPrint(user, id, db) : null;
  if (!print) return denyRoute(user, request, { entityType: 'ServiceRecordPrint', entityId: id });
  // In the printer's language: a teacher may print an English copy; both carry the same code.
  const locale = toLocale(user.locale);
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'serviceRecords' });
  // Behind a proxy the request's own origin may be internal: APP_URL names the public address.
  const verifyUrl = `${process.env.APP_URL ?? new URL(request.url).origin}/verify`;
  const pdf = await buildServiceRecordPdf(
    { code: print.code, printedOn: instantToZoned(print.printedAt, await cityTimeZone(db)).date, record: print.record },
    t,
    locale,
    verifyUrl,
  );
  const name = `${t('pdf.title')}-${safeSegment(print.record.person.name, 20)}-${print.code}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('attachment', name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
