import { Readable } from 'node:stream';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { attachThumbnail } from '@/lib/evidence/commands';

export const dynamic = 'force-dynamic';

/** The uploader's browser adds a small JPEG preview of a photo it has just uploaded. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request);
  if (!user) return response;
  const { id } = await params;
  const deny = () => denyRoute(user, request, { entityType: 'EvidenceFile', entityId: id });
  // Same-origin only: a page elsewhere must not replace the preview of a signed-in user's photo.
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && host && new URL(origin).host !== host) return deny();
  const body = request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : Readable.from([]);
  const result = await attachThumbnail(user, id, body, db, getStorage());
  if (result.ok) return new Response(null, { status: 204 });
  return result.error === 'notFound' ? deny() : new Response(null, { status: 400 });
}
