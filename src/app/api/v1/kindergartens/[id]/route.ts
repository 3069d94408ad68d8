import { apiRoute } from '@/lib/api/respond';
import { parseQuery, Pagination, pathId } from '@/lib/api/params';
import { apiGetKindergarten } from '@/lib/api/queries';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (actor, request, { params }: Context) => {
  // A single record takes no parameters; anything given is an error rather than silently ignored.
  parseQuery(Pagination.pick({}).strict(), new URL(request.url).searchParams);
  return apiGetKindergarten(actor, pathId((await params).id));
});
