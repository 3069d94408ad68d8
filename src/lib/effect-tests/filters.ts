import { z } from 'zod';
import { firstValues, searchId, searchText } from '@/lib/schema-fields';
import { TESTS, type TestId } from './rules';

const TEST_IDS = Object.keys(TESTS) as [TestId, ...TestId[]];
export const FILTER_STATUSES = ['MET', 'ON_TRACK', 'AT_RISK', 'MISSED', 'NOT_YET_DUE'] as const;

/** The dashboard's query string; the export takes the same, so both show the same scope and rows. */
export const DashboardFilters = z.object({
  /** `<cycleId>:<academicYear>-<AUTUMN|SPRING>` (periodKey in evaluate.ts). */
  period: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}:\d{4}-(AUTUMN|SPRING)$/)
    .optional()
    .catch(undefined),
  county: searchId,
  status: z.enum(FILTER_STATUSES).optional().catch(undefined),
  test: z.enum(TEST_IDS).optional().catch(undefined),
  q: searchText(100),
  sort: z.enum(['risk', 'name']).optional().catch(undefined),
});
export type DashboardFilters = z.infer<typeof DashboardFilters>;

export function parseDashboardFilters(raw: Record<string, string | string[] | undefined>): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(firstValues(raw)).map(([k, v]) => [k, v || undefined]));
  return DashboardFilters.parse(flat);
}

export function dashboardQuery(f: DashboardFilters, over: Partial<DashboardFilters> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...over })) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
