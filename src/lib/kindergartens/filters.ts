import { z } from 'zod';
import { AreaType, DemoLevel } from '@/generated/prisma/enums';
import { firstValues, searchId, searchText, wholeNumber } from '@/lib/schema-fields';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The list's filters as they appear in the URL; anything unexpected is ignored rather than an error. */
export const KindergartenFilters = z.object({
  q: searchText(100),
  county: searchId,
  area: optional(z.enum(AreaType)),
  level: optional(z.enum(DemoLevel)),
  /** In the current cycle's pairings, on either side. */
  paired: optional(z.enum(['yes', 'no'])),
  status: z.enum(['active', 'inactive', 'all']).catch('active'),
  page: wholeNumber(1, 10_000).catch(1),
});
export type KindergartenFilters = z.infer<typeof KindergartenFilters>;

export function parseFilters(params: Record<string, string | string[] | undefined>): KindergartenFilters {
  return KindergartenFilters.parse(firstValues(params));
}

/** The same filters as a query string (for the export link and the pager), without defaults. */
export function filtersQuery(f: KindergartenFilters, extra: Record<string, string> = {}) {
  const p = new URLSearchParams();
  for (const key of ['q', 'county', 'area', 'level', 'paired'] as const) if (f[key]) p.set(key, f[key]!);
  if (f.status !== 'active') p.set('status', f.status);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
