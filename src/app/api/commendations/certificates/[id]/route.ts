import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { loadMessages } from '@/i18n/catalogue';
import { getCertificate } from '@/lib/commendations/queries';
import { buildCertificatePdf } from '@/lib/commendations/certificate';
import { contentDisposition } from '@/lib/content-disposition';
import { safeSegment } from '@/lib/evidence/names';
import { cityTimeZone } from '@/lib/time/city-zone';
import { instantToZoned } from '@/lib/time/zoned';
import { isRecordId } from '@/lib/schema-fields';

export const dynamic = 'force-dynamic';

/** The certificate of an approved nomination in a published round: in Chinese, as the bureau issues it. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'commendation.view', entityType: 'Nomination' });
  if (!user) return response;
  const { id } = await params;
  const cert = isRecordId(id) ? await getCertificate(id, db) : null;
  if (!cert) return denyRoute(user, request, { entityType: 'Nomination', entityId: id });
  const t = createTranslator({ locale: 'zh', messages: await loadMessages('zh'), namespace: 'commendations.certificateText' });
  const date = instantToZoned(cert.publishedAt, await cityTimeZone(db)).date;
  const pdf = await buildCertificatePdf({ ...cert, date }, t);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('attachment', `荣誉证书-${safeSegment(cert.name, 40)}.pdf`),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
