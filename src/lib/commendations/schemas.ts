import { z } from 'zod';
import { optionalText, requiredId, requiredLine, version, wholeNumber } from '@/lib/schema-fields';

const quota = wholeNumber(0, 50);

/** A new round: the cycle, its title and text, and the quota per county of each of the four categories (0 = not awarded). */
export const RoundInput = z.object({
  cycleId: requiredId,
  title: requiredLine(120),
  body: optionalText(4000),
  quotaPAIRING: quota,
  quotaKINDERGARTEN: quota,
  quotaTEACHER: quota,
  quotaDIRECTOR: quota,
});

export const RoundStepInput = z.object({ id: requiredId, version });

export const NominateInput = z.object({
  categoryId: requiredId,
  nomineeId: requiredId,
  /** Required when the nominee is not on the shortlist. */
  reason: optionalText(1000),
});

export const NominationInput = z.object({ id: requiredId });

export const DecisionInput = z.object({ id: requiredId, decision: z.enum(['APPROVED', 'REJECTED'], { error: 'form.errors.invalid' }) });
