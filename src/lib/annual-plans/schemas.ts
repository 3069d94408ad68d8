import { z } from 'zod';
import { dateField, optionalText, requiredId, requiredText, searchId, version, wholeNumber } from '@/lib/schema-fields';

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

const kind = z.enum(['PLAN', 'SUMMARY'], { error: 'form.errors.invalid' });

/** The bureau's answer to a submitted plan or summary; a return must say what to change. */
export const AnnualPlanReviewInput = z
  .object({
    planId: requiredId,
    version,
    kind,
    decision: z.enum(['file', 'return'], { error: 'form.errors.invalid' }),
    comment: optionalText(4000),
  })
  .check((ctx) => {
    if (ctx.value.decision === 'return' && !ctx.value.comment.trim())
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.comment,
        path: ['comment'],
        message: 'teaching.annualPlans.errors.returnNeedsComment',
      });
  });

export const AnnualPlanCommentInput = z.object({ planId: requiredId, kind, body: requiredText(4000) });

export const AnnualPlanDueDatesInput = z
  .object({
    academicYear: wholeNumber(2000, 2100),
    planDueOn: dateField(),
    summaryDueOn: dateField(),
    version: version.optional(),
  })
  .check((ctx) => {
    if (ctx.value.summaryDueOn <= ctx.value.planDueOn)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.summaryDueOn,
        path: ['summaryDueOn'],
        message: 'teaching.annualPlans.errors.summaryAfterPlan',
      });
  });

/** The status list's filters from the query string: a value that is not acceptable is ignored. */
export const AnnualPlanStatusFilters = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z.enum(['PLAN', 'SUMMARY']).optional().catch(undefined),
  state: z.enum(['notSubmitted', 'submitted', 'returned', 'filed', 'overdue']).optional().catch(undefined),
  countyId: searchId,
});
