import { z } from 'zod';
import {
  DateString,
  EARLIEST_DATE,
  ID_PATTERN,
  idOrEmpty,
  isCalendarDate,
  LATEST_DATE,
  optionalId,
  optionalText,
  requiredId,
  requiredLine,
  safeLine,
  searchId,
  version,
} from '@/lib/schema-fields';
import { Pagination } from '@/lib/api/params';
import { CHECKLIST_RESULTS, INSPECTION_GRADES } from './rules';

const REQUIRED = 'form.errors.required';
const INVALID = 'form.errors.invalid';

/** An unchecked checkbox sends nothing. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

// ---- The city's checklist template ----

export const ChecklistItemInput = z.object({
  id: optionalId,
  /** The item's updatedAt as the form saw it: a save over someone else's is refused. */
  stamp: z.string().max(40).optional().default(''),
  title: requiredLine(200),
  titleEn: safeLine(200).optional().default(''),
  countsForA1: checkbox,
});

export const ChecklistMoveInput = z.object({
  id: requiredId,
  direction: z.enum(['up', 'down'], { error: INVALID }),
});

export const ChecklistActiveInput = z.object({
  id: requiredId,
  active: z.enum(['true', 'false'], { error: INVALID }).transform((v) => v === 'true'),
});

// ---- An inspection ----

const announced = z.enum(['yes', 'no'], { error: REQUIRED }).transform((v) => v === 'yes');
const inspectors = requiredLine(300);

/** A pairing (both kindergartens) or one kindergarten; the date is checked against the city's today by the command. */
export const StartInspectionInput = z
  .object({
    subject: z.enum(['pairing', 'kindergarten'], { error: REQUIRED }),
    pairingId: idOrEmpty,
    kindergartenId: idOrEmpty,
    inspectedOn: DateString,
    announced,
    inspectors,
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.subject === 'pairing' && !v.pairingId)
      ctx.issues.push({ code: 'custom', input: v.pairingId, path: ['pairingId'], message: REQUIRED });
    if (v.subject === 'kindergarten' && !v.kindergartenId)
      ctx.issues.push({ code: 'custom', input: v.kindergartenId, path: ['kindergartenId'], message: REQUIRED });
  });

/** One checklist item judged (or only its note kept: a result may still be left open). */
export const JudgeItemInput = z.object({
  inspectionId: requiredId,
  itemId: requiredId,
  version,
  result: z
    .enum([...CHECKLIST_RESULTS, ''], { error: INVALID })
    .optional()
    .default('')
    .transform((v) => v || null),
  note: optionalText(2000),
});

/** The inspection's details, grade and summary; `intent: record` also records it (then it is read-only). */
export const SaveInspectionInput = z.object({
  id: requiredId,
  version,
  inspectedOn: DateString,
  announced,
  inspectors,
  grade: z
    .enum([...INSPECTION_GRADES, ''], { error: INVALID })
    .optional()
    .default('')
    .transform((v) => v || null),
  summary: optionalText(5000),
  intent: z.enum(['save', 'record'], { error: INVALID }).optional().default('save'),
});

// ---- Lists ----

const searchDate = z
  .string()
  .refine((d) => isCalendarDate(d) && d >= EARLIEST_DATE && d <= LATEST_DATE)
  .optional()
  .catch(undefined);

/** The list's filters from the query string: a value that is not acceptable is ignored. */
export const InspectionFilters = z.object({
  countyId: searchId,
  status: z.enum(['DRAFT', 'RECORDED']).optional().catch(undefined),
  grade: z.enum(INSPECTION_GRADES).optional().catch(undefined),
  from: searchDate,
  to: searchDate,
});
export type InspectionFilters = z.output<typeof InspectionFilters>;

// The API speaks English (docs/api.md) and refuses a bad parameter instead of ignoring it.
const apiId = z.string().regex(ID_PATTERN, 'must be an id');
const apiDate = z
  .string()
  .refine(isCalendarDate, { error: 'must be a date YYYY-MM-DD that exists', abort: true })
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`);

/** `from`/`to` bound the inspection date, both inclusive. */
export const InspectionApiQuery = Pagination.extend({
  pairing: apiId.optional(),
  kindergarten: apiId.optional(),
  county: apiId.optional(),
  status: z.enum(['DRAFT', 'RECORDED']).optional(),
  grade: z.enum(INSPECTION_GRADES).optional(),
  from: apiDate.optional(),
  to: apiDate.optional(),
})
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type InspectionApiQuery = z.output<typeof InspectionApiQuery>;
