import { z } from 'zod';
import { zonedToInstant } from '@/lib/time/zoned';
import { addDays } from '@/lib/cycles/periods';
import { EARLIEST_DATE, hasForbiddenCharacters, ID_PATTERN, isCalendarDate, LATEST_DATE, normalizeText } from '@/lib/schema-fields';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** A bad query parameter: the API answers 400 with this message. */
export class BadRequestError extends Error {}

const page = z.coerce
  .number({ error: 'page must be a whole number ≥ 1' })
  .int('page must be a whole number ≥ 1')
  .min(1, 'page must be a whole number ≥ 1')
  .max(1_000_000, 'page is too large');
const pageSize = z.coerce
  .number({ error: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  .int(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .min(1, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .max(MAX_PAGE_SIZE, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);

export const Pagination = z.object({ page: page.default(1), pageSize: pageSize.default(DEFAULT_PAGE_SIZE) });
export type Pagination = z.output<typeof Pagination>;

const id = z.string().regex(ID_PATTERN, 'must be an id');
// The API speaks English (docs/api.md); the rules are the forms' (schema-fields.ts).
const date = z
  .string()
  .refine(isCalendarDate, { error: 'must be a date YYYY-MM-DD that exists', abort: true })
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`);
const searchText = z
  .string()
  .overwrite(normalizeText)
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((s) => !hasForbiddenCharacters(s), 'must not contain control or text-direction characters');

/** A record id from the path: anything that is not one is a bad request, not a query. */
export function pathId(value: string): string {
  if (!ID_PATTERN.test(value)) throw new BadRequestError('id: must be an id');
  return value;
}

export const KindergartenQuery = Pagination.extend({
  county: id.optional(),
  area: z.enum(['URBAN', 'RURAL']).optional(),
  level: z.enum(['PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'NONE']).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: searchText.optional(),
}).strict();

export const PairingQuery = Pagination.extend({ cycle: id.optional(), county: id.optional() }).strict();

export const ACTIVITY_TYPE_VALUES = [
  'TEACHING_OBSERVATION',
  'TRAINING',
  'SENT_DEMONSTRATION',
  'SENT_LECTURE',
  'SENT_RESEARCH',
  'SPECIAL_LECTURE',
  'DAILY_OBSERVATION',
  'FOLLOW_UP_STUDY',
  'POST_EXCHANGE',
  'MENTORING',
  'RESOURCE_SHARING',
  'DONATION',
  'CHILDREN_EXCHANGE',
  'PARENT_ACTIVITY',
  'COMPETITION',
  'FELLOWSHIP',
] as const;

/** `from`/`to` are calendar days in the city's time zone, both inclusive. */
export const ActivityQuery = Pagination.extend({
  pairing: id.optional(),
  from: date.optional(),
  to: date.optional(),
  type: z.enum(ACTIVITY_TYPE_VALUES).optional(),
  status: z.enum(['PLANNED', 'DONE', 'CANCELLED']).optional(),
})
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** Parses URL search parameters; a repeated, unknown or invalid parameter is a BadRequestError naming it. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in raw) throw new BadRequestError(`${key}: given more than once`);
    raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') throw new BadRequestError(`unknown parameter: ${issue.keys.join(', ')}`);
  const where = issue.path.join('.') || 'query';
  throw new BadRequestError(`${where}: ${issue.message}`);
}

/** The instants bounding inclusive calendar days in the city's time zone. */
export function dayRange(from: string | undefined, to: string | undefined, timeZone: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = zonedToInstant(from, '00:00', timeZone);
  if (to) range.lt = zonedToInstant(addDays(to, 1), '00:00', timeZone);
  return range;
}

export function pageOf(p: Pagination) {
  return { skip: (p.page - 1) * p.pageSize, take: p.pageSize };
}

export function listBody<T>(data: T[], p: Pagination, total: number) {
  return { data, page: p.page, pageSize: p.pageSize, total, hasMore: p.page * p.pageSize < total };
}
