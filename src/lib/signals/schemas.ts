import { z } from 'zod';
import { dateField, searchId, wholeNumber } from '@/lib/schema-fields';
import { SIGNAL_KINDS } from './rules';

/** The city's thresholds, set beside its other rules (/cycles/settings). */
export const SignalSettingsInput = z.object({
  lateEntryDays: wholeNumber(1, 365, 'spotChecks.signals.errors.lateEntryDays'),
  captureDateToleranceDays: wholeNumber(0, 365, 'spotChecks.signals.errors.captureDateToleranceDays'),
});

const searchDate = dateField().optional().catch(undefined);

/** The signals list's filters from the query string: a value that is not acceptable is ignored. */
export const SignalFilters = z.object({
  kind: z.enum(SIGNAL_KINDS).optional().catch(undefined),
  from: searchDate,
  to: searchDate,
  countyId: searchId,
});
export type SignalFilterValues = z.infer<typeof SignalFilters>;
