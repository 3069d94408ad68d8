import { z } from 'zod';
import { DateString, optionalId, optionalText, requiredId, requiredText, version } from '@/lib/schema-fields';

const REQUIRED = 'form.errors.required';

export const LESSON_DOMAINS = ['HEALTH', 'LANGUAGE', 'SOCIAL', 'SCIENCE', 'ART'] as const;
export const LESSON_RATINGS = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;

export const LessonInput = z.object({
  id: optionalId,
  version: version.optional(),
  heldOn: DateString,
  className: requiredText(50),
  domain: z.enum(LESSON_DOMAINS, { error: REQUIRED }),
  title: requiredText(200),
  plan: optionalText(20000),
  reflection: optionalText(20000),
});

export const EvaluateInput = z.object({
  id: requiredId,
  version,
  rating: z.enum(LESSON_RATINGS, { error: REQUIRED }),
  comment: optionalText(2000),
});
