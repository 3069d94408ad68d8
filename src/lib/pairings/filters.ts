import { z } from 'zod';
import { firstValues, searchId, searchText } from '@/lib/schema-fields';

/** The pairings list's query string; a value that is not acceptable is ignored, never a query. */
export const PairingFilters = z.object({
  cycle: searchId,
  county: searchId,
  q: searchText(100),
  status: z.enum(['active', 'ended']).optional().catch(undefined),
});
export type PairingFilters = z.infer<typeof PairingFilters>;

export function parsePairingFilters(params: Record<string, string | string[] | undefined>): PairingFilters {
  return PairingFilters.parse(firstValues(params));
}
