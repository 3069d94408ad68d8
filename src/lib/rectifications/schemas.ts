import { z } from 'zod';
import { DateString, idOrEmpty, optionalText, requiredId, requiredText, searchId, version } from '@/lib/schema-fields';
import { STATUS_FILTERS } from './rules';

/**
 * A rectification opened from exactly one source: an inspection finding or a questioned spot-checked
 * record. The kindergarten is chosen among those the source concerns (a spot check defaults to the side
 * that recorded the activity). The deadline's "after today" needs the city's zone: the command checks it.
 */
export const OpenRectificationInput = z
  .object({
    inspectionItemId: idOrEmpty,
    spotCheckItemId: idOrEmpty,
    kindergartenId: idOrEmpty,
    requirement: requiredText(4000),
    deadline: DateString,
  })
  .check((ctx) => {
    if (!ctx.value.inspectionItemId === !ctx.value.spotCheckItemId)
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['form'], message: 'rectifications.errors.oneSource' });
  });
export type OpenRectificationRaw = z.input<typeof OpenRectificationInput>;

export const AnswerRectificationInput = z.object({
  id: requiredId,
  version,
  measures: requiredText(8000),
});

/** The office's review of an answer; a return must say what is still missing. */
export const ReviewRectificationInput = z
  .object({
    id: requiredId,
    version,
    decision: z.enum(['accept', 'return'], { error: 'form.errors.invalid' }),
    comment: optionalText(4000),
  })
  .check((ctx) => {
    if (ctx.value.decision === 'return' && !ctx.value.comment.trim())
      ctx.issues.push({ code: 'custom', input: ctx.value.comment, path: ['comment'], message: 'rectifications.errors.returnNeedsComment' });
  });

/** The list's filters from the query string: a value that is not acceptable is ignored. */
export const RectificationFilters = z.object({
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  countyId: searchId,
  pairingId: searchId,
  /** 'mine': those of the actor's own office (what waits for its review). */
  office: z.enum(['mine']).optional().catch(undefined),
});
export type RectificationFilters = z.infer<typeof RectificationFilters>;
