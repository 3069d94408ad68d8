import { z } from 'zod';
import { DateString, optionalText, requiredId, requiredText, version } from '@/lib/schema-fields';

const REQUIRED = 'form.errors.required';

export const PAPER_KINDS = ['PUBLISHED', 'AWARD'] as const;
export const PAPER_LEVELS = ['COUNTY', 'MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] as const;

export const PaperInput = z.object({
  title: requiredText(300),
  venue: requiredText(200),
  kind: z.enum(PAPER_KINDS, { error: REQUIRED }),
  level: z.enum(PAPER_LEVELS, { error: REQUIRED }),
  award: optionalText(50),
  date: DateString,
});
export const PaperRef = z.object({ id: requiredId, version });
export const PaperUpdateInput = PaperInput.extend({ id: requiredId, version });
