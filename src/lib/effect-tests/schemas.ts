import { z } from 'zod';
import { isIsoDate } from '@/lib/cycles/periods';

const REQUIRED = 'form.errors.required';
const DateString = z.string({ error: REQUIRED }).trim().refine(isIsoDate, { error: 'form.errors.invalid' });

export const AssessmentInput = z
  .object({
    pairingId: z.string().trim().min(1, { error: REQUIRED }).max(64),
    source: z.enum(['INSPECTION', 'ATTESTATION'], { error: REQUIRED }),
    outcome: z.enum(['PASS', 'FAIL'], { error: REQUIRED }),
    assessedOn: DateString,
    notes: z.string().trim().max(5000).optional().default(''),
    evidence: z.string().trim().max(5000).optional().default(''),
  })
  .refine((v) => v.source === 'INSPECTION' || v.evidence.length > 0, {
    path: ['evidence'],
    error: 'effectTests.assessment.evidenceRequired',
  });

const pct = z.coerce.number({ error: REQUIRED }).min(0, { error: 'form.errors.invalid' }).max(100, { error: 'form.errors.invalid' });
const count = z.coerce
  .number({ error: REQUIRED })
  .int({ error: 'form.errors.invalid' })
  .min(0, { error: 'form.errors.invalid' })
  .max(100, { error: 'form.errors.invalid' });

export const ThresholdsInput = z.object({
  effectiveFrom: DateString,
  classHours: z.coerce
    .number({ error: REQUIRED })
    .min(0, { error: 'form.errors.invalid' })
    .max(200, { error: 'form.errors.invalid' })
    .multipleOf(0.5, { error: 'form.errors.invalid' }),
  shadowStudies: count,
  lectures: count,
  excellentRate: pct,
  passRate: pct,
  papers: count,
});

/** An unchecked checkbox sends nothing. */
export const ConfirmedOnlyInput = z.object({ confirmedOnly: z.enum(['on', 'off']).catch('off') });
