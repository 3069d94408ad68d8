import { apiRoute } from '@/lib/api/respond';
import { ActivityQuery, parseQuery } from '@/lib/api/params';
import { apiListActivities } from '@/lib/api/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) => apiListActivities(actor, parseQuery(ActivityQuery, new URL(request.url).searchParams)));
