import { Readable } from 'node:stream';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { translate } from '@/lib/action';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { getStorage } from '@/lib/storage';
import { TARGETS, TARGET_ENTITY, uploadEvidence, type Target } from '@/lib/evidence/commands';
import { MAX_UPLOAD_BYTES } from '@/lib/evidence/detect';
import { isForeignOrigin } from '@/lib/evidence/same-origin';

export const dynamic = 'force-dynamic';

/** Refusals of the bytes' size answer 413, the status a proxy in front would use too. */
const TOO_LARGE = new Set(['evidence.errors.tooLarge', 'evidence.errors.photoTooLarge']);

/**
 * Receives one file as the raw request body (XMLHttpRequest reports upload progress; a server
 * action cannot): POST /api/files?target=activity&id=…&name=…  The body is streamed to a
 * temporary file, never buffered whole, and refused past 20 MB. `src/proxy.ts` does not run on
 * this path: Next buffers and cuts (at 10 MB by default) the body of every request the proxy sees.
 */
export async function POST(request: Request) {
  const [t, root] = await Promise.all([getTranslations('evidence.errors'), getTranslations()]);
  // The upload list shows the answer's JSON error in the user's words, so no bare 404 page here.
  const { user } = await requireRouteUser(request);
  if (!user) return Response.json({ error: t('signedOut') }, { status: 401 });
  const url = new URL(request.url);
  const input = {
    target: url.searchParams.get('target'),
    id: url.searchParams.get('id'),
    name: url.searchParams.get('name'),
    key: url.searchParams.get('key') ?? undefined,
    capturedAt: url.searchParams.get('capturedAt') ?? undefined,
  };
  const refuse = async (key: 'notFound' | 'notAllowed', status: number) => {
    const target = TARGETS.includes(input.target as Target) ? (input.target as Target) : null;
    await denyRoute(user, request, { entityType: target ? TARGET_ENTITY[target] : 'EvidenceFile', entityId: input.id });
    return Response.json({ error: t(key) }, { status });
  };
  if (isForeignOrigin(request)) return refuse('notAllowed', 403);
  // Without a Content-Length (chunked), the limit is enforced while reading.
  const length = request.headers.get('content-length');
  const declaredSize = length != null && /^\d+$/.test(length) ? Number(length) : undefined;
  if (declaredSize != null && declaredSize > MAX_UPLOAD_BYTES) return Response.json({ error: t('tooLarge') }, { status: 413 });
  const body = request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : Readable.from([]);
  const result = await uploadEvidence(user, input, body, db, getStorage(), { declaredSize });
  if (result.ok)
    return Response.json({ id: result.value.id, kind: result.value.kind, duplicates: result.value.duplicates }, { status: 201 });
  // The bytes themselves were refused (type, size, cut short): the message names which.
  if (result.error === 'invalid' && result.message) {
    const key = typeof result.message === 'string' ? result.message : result.message.key;
    return Response.json({ error: translate(root, result.message) }, { status: TOO_LARGE.has(key) ? 413 : 422 });
  }
  if (result.error === 'notFound') return refuse('notFound', 404);
  if (result.error === 'notAllowed') return refuse('notAllowed', 403);
  const status = { invalid: 400, wrongState: 409, conflict: 409 }[result.error];
  return Response.json({ error: t(result.error) }, { status });
}
