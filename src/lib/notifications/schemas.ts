import { z } from 'zod';
import { requiredId, wholeNumber } from '@/lib/schema-fields';

export const NotificationRef = z.object({ id: requiredId });

/**
 * "Mark all read" marks what the page showed: lines that arrived after it was drawn (`seenUpTo`, the
 * newest line's time) stay unread, so nothing is marked read that the person never saw listed.
 */
export const MarkAllReadInput = z.object({
  seenUpTo: z.iso.datetime({ offset: true }).optional().catch(undefined),
});

export const InboxFilters = z.object({
  page: wholeNumber(1, 10000).optional().catch(undefined),
  unread: z.enum(['1']).optional().catch(undefined),
});
export type InboxFilters = z.output<typeof InboxFilters>;
