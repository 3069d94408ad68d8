import { Readable } from 'node:stream';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { getStorage } from '@/lib/storage';
import { isRecordId } from '@/lib/schema-fields';
import { canViewFile, thumbnailKey } from '@/lib/evidence/commands';
import { contentDisposition } from '@/lib/content-disposition';
import { extensionOf } from '@/lib/evidence/detect';
import { downloadName } from '@/lib/evidence/names';

export const dynamic = 'force-dynamic';

/** Serves one evidence file to whoever may see its record; 404 (audited) for everyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request);
  if (!user) return response;
  const { id } = await params;
  // Not an id (e.g. '%00', which PostgreSQL refuses in text): no query, and the denial records no id.
  const wellFormed = isRecordId(id) && id.length <= 40;
  const f = wellFormed ? await db.evidenceFile.findUnique({ where: { id } }) : null;
  if (!f || !(await canViewFile(user, f, db)))
    return denyRoute(user, request, { entityType: 'EvidenceFile', entityId: wellFormed ? id : null });
  const inline = f.kind === 'PHOTO';
  // ?size=thumb: the small preview when the uploader's browser made one, else the photo itself.
  const thumb =
    inline && new URL(request.url).searchParams.get('size') === 'thumb'
      ? await getStorage()
          .read(thumbnailKey(f.storageKey))
          .catch(() => null)
      : null;
  const stream = thumb ?? (await getStorage().read(f.storageKey));
  // Names are stored ending in their type since uploads were checked for it; older rows are fixed here.
  const ext = extensionOf(f.mimeType);
  const name = ext ? downloadName(f.originalName, ext) : f.originalName;
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': thumb ? 'image/jpeg' : f.mimeType,
      ...(thumb ? {} : { 'Content-Length': String(f.size) }),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      // Not even this browser keeps them: on a shared computer (a kindergarten office, a bureau's
      // front desk) a cached photo or document would outlive the sign-out and be readable by the
      // next person from the browser's cache. Previews are a few KB, so refetching costs little.
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
