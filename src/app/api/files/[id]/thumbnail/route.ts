import { Readable } from 'node:stream';
import { getCurrentUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { attachThumbnail } from '@/lib/evidence/commands';

export const dynamic = 'force-dynamic';

/** The uploader's browser adds a small JPEG preview of a photo it has just uploaded. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && host && new URL(origin).host !== host) return new Response(null, { status: 403 });
  const { id } = await params;
  const body = request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : Readable.from([]);
  const result = await attachThumbnail(user, id, body, db, getStorage());
  if (result.ok) return new Response(null, { status: 204 });
  return new Response(null, { status: result.error === 'notFound' ? 404 : 400 });
}
