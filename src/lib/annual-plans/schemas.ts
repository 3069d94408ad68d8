import { z } from 'zod';
import { optionalText, requiredId, version, wholeNumber } from '@/lib/schema-fields';

export const ANNUAL_PLAN_PARTS = ['content', 'goals', 'methods', 'steps', 'personnel', 'measures'] as const;
export const AnnualPlanInput = z.object({
  pairingId: requiredId,
  academicYear: wholeNumber(2000, 2100),
  version: version.optional(),
  content: optionalText(20000),
  goals: optionalText(20000),
  methods: optionalText(20000),
  steps: optionalText(20000),
  personnel: optionalText(20000),
  measures: optionalText(20000),
  summary: optionalText(40000),
  /** What the button pressed asks for besides saving. */
  submit: z.enum(['', 'plan', 'summary']).optional().default(''),
});
