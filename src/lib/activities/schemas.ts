import { z } from 'zod';
import {
  DateString,
  decimal,
  optionalDate,
  optionalDecimal,
  optionalId,
  optionalText,
  requiredId,
  requiredText,
  searchId,
  version,
  wholeNumber,
} from '@/lib/schema-fields';
import { ACTIVITY_TYPES, DIRECTIONS, TARGET_AREAS } from './rules';
import { REQUEST_KINDS } from './request-kinds';
import { idempotencyKeyField } from '@/lib/idempotency';

// Schemas carry message keys (translated by the action), never sentences. Text, ids, numbers and
// dates follow the shared rules of schema-fields.ts.
const REQUIRED = 'form.errors.required';
const TOO_LONG = 'form.errors.tooLong';

/** More than anyone ticks on the list (30 rows a page): a bound on one request's work. */
const ACTIVITIES_PER_BULK = 100;

const TimeString = z.string({ error: REQUIRED }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: REQUIRED });
const optionalTime = z
  .union([z.literal(''), TimeString])
  .optional()
  .transform((v) => v || null);

export const DonationLineInput = z.object({
  item: requiredText(200),
  quantity: decimal({ min: 0.01, max: 1e9, decimals: 2, error: 'activities.errors.quantityInvalid' }),
  unit: requiredText(20),
  estimatedValue: optionalDecimal({ min: 0, max: 1e10, decimals: 2, error: 'activities.errors.valueInvalid' }).transform((v) => v ?? 0),
});

export const ActivityInput = z.object({
  id: optionalId,
  version: version.optional(),
  pairingId: requiredId,
  type: z.enum(ACTIVITY_TYPES, { error: REQUIRED }),
  direction: z.enum(DIRECTIONS, { error: REQUIRED }),
  targetArea: z.enum(TARGET_AREAS, { error: REQUIRED }),
  status: z.enum(['PLANNED', 'DONE'], { error: REQUIRED }),
  title: requiredText(200),
  startDate: DateString,
  startTime: TimeString,
  endDate: optionalDate,
  endTime: optionalTime,
  location: optionalText(200),
  participantIds: z.array(requiredId).max(200).default([]),
  outsideExperts: z.array(requiredText(100)).max(50, { error: TOO_LONG }).default([]),
  childCount: optionalDecimal({ min: 1, max: 100000, decimals: 0, error: 'activities.errors.childCountInvalid' }),
  classHours: optionalDecimal({ min: 0.5, max: 200, decimals: 1, error: 'activities.errors.classHoursInvalid' }),
  plan: optionalText(20000),
  measures: optionalText(20000),
  record: optionalText(20000),
  summary: optionalText(20000),
  requestId: optionalId,
  donationLines: z.array(DonationLineInput).max(100).default([]),
  /** New activities: made on the device, so a repeated send creates one (src/lib/idempotency.ts). */
  idempotencyKey: idempotencyKeyField,
  /** "Submit as a late correction": the writer's explicit choice for a date in a closed period (decision 020). */
  lateCorrection: z.enum(['on']).optional().catch(undefined),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export type ActivityData = z.output<typeof ActivityInput>;

/**
 * The form posts repeated fields (participants, donation lines as parallel lists, experts one per
 * line); this turns them into the object the schema checks. Blank donation rows are dropped.
 */
export function activityInputFromForm(fd: FormData): Record<string, unknown> {
  const str = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : undefined);
  const all = (k: string) => fd.getAll(k).filter((v): v is string => typeof v === 'string');
  const items = all('lineItem');
  const quantities = all('lineQuantity');
  const units = all('lineUnit');
  const values = all('lineValue');
  const donationLines = items
    .map((item, i) => ({ item, quantity: quantities[i] ?? '', unit: units[i] ?? '', estimatedValue: values[i] ?? '' }))
    .filter((l) => [l.item, l.quantity, l.unit, l.estimatedValue].some((v) => v.trim() !== ''));
  return {
    id: str('id'),
    version: str('version') || undefined,
    pairingId: str('pairingId'),
    type: str('type'),
    direction: str('direction'),
    targetArea: str('targetArea'),
    status: str('status'),
    title: str('title'),
    startDate: str('startDate'),
    startTime: str('startTime'),
    endDate: str('endDate'),
    endTime: str('endTime'),
    location: str('location'),
    participantIds: all('participantIds'),
    outsideExperts: (str('outsideExperts') ?? '')
      .split(/[\n,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean),
    childCount: str('childCount'),
    classHours: str('classHours'),
    plan: str('plan'),
    measures: str('measures'),
    record: str('record'),
    summary: str('summary'),
    requestId: str('requestId'),
    donationLines,
    idempotencyKey: str('idempotencyKey'),
    lateCorrection: str('lateCorrection'),
  };
}

export const CancelInput = z.object({ id: requiredId, version, reason: requiredText(500) });
export const ConfirmInput = z
  .object({
    id: requiredId,
    version,
    decision: z.enum(['CONFIRMED', 'DISPUTED'], { error: REQUIRED }),
    comment: optionalText(1000),
  })
  .refine((v) => v.decision === 'CONFIRMED' || v.comment.length > 0, { path: ['comment'], error: 'activities.errors.disputeNeedsComment' });
export const ReceiptInput = z.object({ id: requiredId, comment: optionalText(1000) });
/** "Confirm selected" on the list: each ticked row as id and the version the list showed. */
export const ConfirmManyInput = z.object({
  items: z
    .array(z.object({ id: requiredId, version }))
    .min(1, { error: 'activities.bulk.noneSelected' })
    .max(ACTIVITIES_PER_BULK, { error: 'form.errors.invalid' }),
});

export { REQUEST_KINDS } from './request-kinds';
export const RequestInput = z.object({
  pairingId: requiredId,
  kind: z.enum(REQUEST_KINDS, { error: REQUIRED }),
  title: requiredText(200),
  details: optionalText(5000),
  neededBy: optionalDate,
});
export const RequestRef = z.object({ id: requiredId });

export const ActivityFilters = z.object({
  pairing: searchId,
  type: z.enum(ACTIVITY_TYPES).optional().catch(undefined),
  status: z.enum(['PLANNED', 'DONE', 'CANCELLED']).optional().catch(undefined),
  confirmation: z.enum(['PENDING', 'CONFIRMED', 'DISPUTED']).optional().catch(undefined),
  // Years the app can hold (schema-fields' EARLIEST_DATE to LATEST_DATE): month 0001-01 is no calendar page.
  month: z
    .string()
    .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  /** Done activities the other side logged that still wait for the actor's kindergarten to confirm. */
  toConfirm: z.enum(['1']).optional().catch(undefined),
  page: wholeNumber(1, 10000).optional().catch(undefined),
});
export type ActivityFilters = z.output<typeof ActivityFilters>;
