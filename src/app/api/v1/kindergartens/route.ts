import { apiRoute } from '@/lib/api/respond';
import { KindergartenQuery, parseQuery } from '@/lib/api/params';
import { apiListKindergartens } from '@/lib/api/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) =>
  apiListKindergartens(actor, parseQuery(KindergartenQuery, new URL(request.url).searchParams)),
);
