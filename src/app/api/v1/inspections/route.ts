import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/respond';
import { parseQuery } from '@/lib/api/params';
import { apiListInspections } from '@/lib/inspections/queries';
import { InspectionApiQuery } from '@/lib/inspections/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute((actor, request) =>
  apiListInspections(actor, parseQuery(InspectionApiQuery, new URL(request.url).searchParams), db),
);
