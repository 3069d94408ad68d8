import { Readable } from 'node:stream';
import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { getStorage } from '@/lib/storage';
import { loadMessages } from '@/i18n/catalogue';
import { getArchive } from '@/lib/archive/queries';
import { streamArchiveZip } from '@/lib/archive/zip';
import { contentDisposition } from '@/lib/content-disposition';
import { safeSegment } from '@/lib/evidence/names';

export const dynamic = 'force-dynamic';

/**
 * The archive of a pairing and academic year as a .zip, streamed while it is built: the browser
 * shows its own download progress from the first byte; nothing waits for the whole archive.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request);
  if (!user) return response;
  const { id } = await params;
  const year = Number(new URL(request.url).searchParams.get('year'));
  const archive = Number.isInteger(year) && year > 2000 && year < 2100 && id.length <= 40 ? await getArchive(user, id, year, db) : null;
  if (!archive) return denyRoute(user, request, { entityType: 'Pairing', entityId: id });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor: user,
      action: 'archive.downloaded',
      entityType: 'Pairing',
      entityId: id,
      countyId: user.countyId,
      kindergartenId: user.kindergartenId,
      after: { year, activities: archive.activities.length },
    }),
  );
  // The index PDF is in Chinese whatever the viewer's language: it goes to the bureau's files.
  const t = createTranslator({ locale: 'zh', messages: await loadMessages('zh') });
  const zip = streamArchiveZip(archive, t, getStorage());
  const name = `帮扶档案-${safeSegment(archive.pairing.supporting, 30)}-${safeSegment(archive.pairing.assisted, 30)}-${year}-${year + 1}.zip`;
  return new Response(Readable.toWeb(zip) as ReadableStream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition('attachment', name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
