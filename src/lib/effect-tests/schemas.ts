import { z } from 'zod';
import { dateField, DateString, decimal, LATEST_CYCLE_DATE, optionalText, requiredId, wholeNumber } from '@/lib/schema-fields';

const REQUIRED = 'form.errors.required';
const INVALID = 'form.errors.invalid';

export const AssessmentInput = z
  .object({
    pairingId: requiredId,
    source: z.enum(['INSPECTION', 'ATTESTATION'], { error: REQUIRED }),
    outcome: z.enum(['PASS', 'FAIL'], { error: REQUIRED }),
    assessedOn: DateString,
    notes: optionalText(5000),
    evidence: optionalText(5000),
  })
  .refine((v) => v.source === 'INSPECTION' || v.evidence.length > 0, {
    path: ['evidence'],
    error: 'effectTests.assessment.evidenceRequired',
  });

// Rates are stored as fractions with three decimals (Decimal(4, 3)): a percentage with one decimal.
const pct = decimal({ min: 0, max: 100, decimals: 1, error: INVALID });
const count = wholeNumber(0, 100, INVALID);

export const ThresholdsInput = z.object({
  // Thresholds may be set for a period well ahead (a cycle formed early), so the wide range.
  effectiveFrom: dateField({ to: LATEST_CYCLE_DATE }),
  classHours: decimal({ min: 0, max: 200, decimals: 1, error: INVALID }).refine((v) => Number.isInteger(v * 2), { error: INVALID }),
  shadowStudies: count,
  lectures: count,
  excellentRate: pct,
  passRate: pct,
  papers: count,
});

/** An unchecked checkbox sends nothing. */
export const ConfirmedOnlyInput = z.object({ confirmedOnly: z.enum(['on', 'off']).catch('off') });
