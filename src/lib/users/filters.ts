import { z } from 'zod';
import { firstValues, searchText } from '@/lib/schema-fields';

/** The accounts list's query string; a value that is not acceptable is ignored, never a query. */
export const UserFilters = z.object({ q: searchText(100) });
export type UserFilters = z.infer<typeof UserFilters>;

export function parseUserFilters(params: Record<string, string | string[] | undefined>): UserFilters {
  return UserFilters.parse(firstValues(params));
}
