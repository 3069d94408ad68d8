import { Readable } from 'node:stream';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { getStorage } from '@/lib/storage';
import { canViewFile, thumbnailKey } from '@/lib/evidence/commands';
import { contentDisposition } from '@/lib/evidence/names';

export const dynamic = 'force-dynamic';

/** Serves one evidence file to whoever may see its record; 404 (audited) for everyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request);
  if (!user) return response;
  const { id } = await params;
  const f = id.length <= 40 ? await db.evidenceFile.findUnique({ where: { id } }) : null;
  if (!f || !(await canViewFile(user, f, db))) return denyRoute(user, request, { entityType: 'EvidenceFile', entityId: id });
  const inline = f.kind === 'PHOTO';
  // ?size=thumb: the small preview when the uploader's browser made one, else the photo itself.
  const thumb =
    inline && new URL(request.url).searchParams.get('size') === 'thumb'
      ? await getStorage()
          .read(thumbnailKey(f.storageKey))
          .catch(() => null)
      : null;
  const stream = thumb ?? (await getStorage().read(f.storageKey));
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': thumb ? 'image/jpeg' : f.mimeType,
      ...(thumb ? {} : { 'Content-Length': String(f.size) }),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', f.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      // The bytes never change under an id; only this browser may keep them.
      'Cache-Control': 'private, max-age=86400',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
