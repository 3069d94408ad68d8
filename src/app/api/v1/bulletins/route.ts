import { apiRoute } from '@/lib/api/respond';
import { parseQuery } from '@/lib/api/params';
import { apiListBulletins, BulletinQuery } from '@/lib/api/bulletins';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) => apiListBulletins(actor, parseQuery(BulletinQuery, new URL(request.url).searchParams)));
