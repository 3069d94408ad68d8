import { z } from 'zod';
import { firstValues } from '@/lib/schema-fields';

/** The audit trail's query string: an action name and the id to page back from (a bigint). */
export const AuditFilters = z.object({
  action: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.]{0,99}$/)
    .optional()
    .catch(undefined),
  before: z
    .string()
    .regex(/^[1-9]\d{0,17}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  return AuditFilters.parse(firstValues(params));
}
