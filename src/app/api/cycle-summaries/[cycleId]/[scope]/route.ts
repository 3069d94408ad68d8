import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { loadMessages } from '@/i18n/catalogue';
import { getSummary } from '@/lib/cycle-review/queries';
import { buildSummaryPdf } from '@/lib/cycle-review/pdf';
import { contentDisposition } from '@/lib/content-disposition';
import { safeSegment } from '@/lib/evidence/names';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityToday } from '@/lib/time/today';
import { localDate } from '@/lib/time/zoned';

export const dynamic = 'force-dynamic';

/** A cycle summary as a PDF, in Chinese whatever the reader's language (it is the bureau's document); same scope as its page. */
export async function GET(request: Request, { params }: { params: Promise<{ cycleId: string; scope: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'cycleSummary.view', entityType: 'CycleSummary' });
  if (!user) return response;
  const { cycleId, scope } = await params;
  const s = await getSummary(user, cycleId, scope, db);
  if (!s) return denyRoute(user, request, { entityType: 'CycleSummary', entityId: scope });
  const t = createTranslator({ locale: 'zh', messages: await loadMessages('zh'), namespace: 'cycleReview' });
  const zone = await cityTimeZone(db);
  const pdf = await buildSummaryPdf(
    {
      name: s.name,
      body: s.row?.body ?? '',
      publishedOn: s.row?.publishedAt ? localDate(s.row.publishedAt, zone) : null,
      content: s.content,
    },
    t,
    await cityToday(db),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(
        'attachment',
        `${safeSegment(`${s.name}${s.cycle.name}周期总结`, 60)}.pdf`,
        `cycle-summary-${s.cycle.startYear}.pdf`,
      ),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
