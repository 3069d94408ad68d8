import { apiRoute } from '@/lib/api/respond';
import { PairingQuery, parseQuery } from '@/lib/api/params';
import { apiListPairings } from '@/lib/api/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) => apiListPairings(actor, parseQuery(PairingQuery, new URL(request.url).searchParams)));
