/**
 * Field rules the teachers' records share (lessons, mentoring, papers, programmes, annual plans):
 * messages are catalogue keys, lengths are the database's.
 */
import { z } from 'zod';
import { DateString } from '@/lib/activities/schemas';

const REQUIRED = 'form.errors.required';
const TOO_LONG = 'form.errors.tooLong';

const text = (max: number) => z.string({ error: REQUIRED }).trim().max(max, { error: TOO_LONG });
export const requiredText = (max: number) => text(max).min(1, { error: REQUIRED });
export const optionalText = (max: number) => z.string().trim().max(max, { error: TOO_LONG }).optional().default('');
export const requiredId = z.string({ error: REQUIRED }).trim().min(1, { error: REQUIRED }).max(64);
/** Empty on a form that creates, the record's id on one that edits. */
export const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => v || null);
export const optionalDate = z
  .union([z.literal(''), DateString])
  .optional()
  .transform((v) => v || null);
export const version = z.coerce.number().int().min(0);
