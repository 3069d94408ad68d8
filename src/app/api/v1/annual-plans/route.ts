import { apiRoute } from '@/lib/api/respond';
import { parseQuery } from '@/lib/api/params';
import { AnnualPlanQuery, apiListAnnualPlans } from '@/lib/api/annual-plans';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) => apiListAnnualPlans(actor, parseQuery(AnnualPlanQuery, new URL(request.url).searchParams)));
