import { z } from 'zod';
import { dateField, LATEST_CYCLE_DATE, optionalDecimal, optionalText, requiredId, version } from '@/lib/schema-fields';
import { ADVICE_KINDS, AREA_RESULTS } from './rules';

const areaResult = z.enum(AREA_RESULTS, { error: 'cycleReview.errors.areaRequired' });
const areaNote = optionalText(500);

/**
 * A measurement as recorded: the kind, the day, the teachers holding a qualification (the registry has
 * no such column), and the four areas of the standard with a note each. `version` when re-recording.
 */
export const MeasurementInput = z.object({
  pairingId: requiredId,
  kind: z.enum(['BASELINE', 'END'], { error: 'form.errors.invalid' }),
  // Within the cycle's dates and not after the city's today: measurementDateProblem says so with the dates.
  measuredOn: dateField({ to: LATEST_CYCLE_DATE }),
  qualifiedTeachers: optionalDecimal({ min: 0, max: 1000, error: 'cycleReview.errors.qualifiedTeachers' }),
  conditions: areaResult,
  conditionsNote: areaNote,
  management: areaResult,
  managementNote: areaNote,
  teachers: areaResult,
  teachersNote: areaNote,
  children: areaResult,
  childrenNote: areaNote,
  version: version.optional(),
});

export const ConfirmMeasurementInput = z.object({ id: requiredId, version });

/** The county admin's decision at rollover; a decision other than the advice needs a note. */
export const AdviceDecisionInput = z.object({
  pairingId: requiredId,
  decision: z.enum(ADVICE_KINDS, { error: 'cycleReview.errors.decisionRequired' }),
  note: optionalText(1000),
  /** The stored advice's version, when one was recorded before. */
  version: version.optional(),
});

/** Shares as percentages on the form (80 → 0.8). */
const share = (error: string) => optionalDecimal({ min: 0, max: 100, error }).refine((v) => v !== null, { error: 'form.errors.required' });
export const AdviceSettingsInput = z.object({
  semesterMetPercent: share('cycleReview.errors.share'),
  missedPercent: share('cycleReview.errors.share'),
});

/** The bureau's own text of a summary: the scope is "city" or a county's id. */
export const SummaryInput = z.object({
  cycleId: requiredId,
  scope: requiredId,
  body: optionalText(20000),
  version: version.optional(),
});

export const PublishSummaryInput = z.object({
  cycleId: requiredId,
  scope: requiredId,
  version,
  confirm: z.literal('on', { error: 'cycleReview.summary.confirmRequired' }),
});
