import { Readable } from 'node:stream';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { attachThumbnail } from '@/lib/evidence/commands';
import { isForeignOrigin } from '@/lib/evidence/same-origin';

export const dynamic = 'force-dynamic';

/** The uploader's browser adds a small JPEG preview of a photo it has just uploaded. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request);
  if (!user) return response;
  const { id } = await params;
  const deny = () => denyRoute(user, request, { entityType: 'EvidenceFile', entityId: id });
  if (isForeignOrigin(request)) return deny();
  const body = request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : Readable.from([]);
  const result = await attachThumbnail(user, id, body, db, getStorage());
  if (result.ok) return new Response(null, { status: 204 });
  if (result.error === 'notFound') return deny();
  // The record was confirmed in between: its previews are fixed like its files.
  return new Response(null, { status: result.error === 'wrongState' ? 409 : 400 });
}
