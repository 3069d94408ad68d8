import { z } from 'zod';
import { requiredId, version } from '@/lib/schema-fields';

/** The period to close, by its key: "2025-SPRING" (a semester) or "2025" (the academic year 2025–2026). */
export const ClosePeriodInput = z.object({
  key: z.string({ error: 'form.errors.required' }).regex(/^\d{4}(-(AUTUMN|SPRING))?$/, { error: 'form.errors.invalid' }),
  /** The confirmation box: closing cannot be undone. */
  confirm: z.literal('on', { error: 'bulletins.periods.confirmRequired' }),
});

export const LateReviewInput = z.object({
  id: requiredId,
  version,
  decision: z.enum(['approve', 'reject'], { error: 'form.errors.required' }),
});
