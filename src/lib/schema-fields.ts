/**
 * The field rules every input shares: text, ids, numbers and dates are parsed here and nowhere
 * else, so a form, a replayed server action, the JSON API and a page's query string refuse the same
 * things. Messages are catalogue keys; lengths are the database's.
 */
import { z } from 'zod';
import { MAX_START_YEAR } from '@/lib/cycles/periods';

const REQUIRED = 'form.errors.required';
const TOO_LONG = 'form.errors.tooLong';
const INVALID = 'form.errors.invalid';
export const BAD_CHARACTERS = 'form.errors.badCharacters';
export const BAD_DATE = 'form.errors.date';
export const DATE_OUT_OF_RANGE = 'form.errors.dateRange';

// ── Text ───────────────────────────────────────────────────────────────────────────────────────
// NUL is refused by PostgreSQL in text (a 500 if it gets there); the other C0/C1 controls are
// invisible; the bidi embeddings, overrides and isolates make 'gnp.exe' display as 'exe.png'.
// Tab and line breaks stay allowed: multi-line fields need them.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
// Zero-width characters: a field holding only these looks empty and is empty.
const INVISIBLE = /[\u200B-\u200D\uFEFF]/g;
const EDGES = /^[\s\u200B-\u200D\uFEFF]+|[\s\u200B-\u200D\uFEFF]+$/g;

/** NFC (one spelling per character) and trimmed of spaces and zero-width characters at both ends. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(EDGES, '');
}
export const hasForbiddenCharacters = (s: string) => FORBIDDEN.test(s);
/** Blank once spaces and zero-width characters are taken away. */
export const isBlank = (s: string) => s.replace(INVISIBLE, '').trim() === '';

const safeString = (max: number, forbidden = FORBIDDEN) =>
  z
    .string({ error: REQUIRED })
    .overwrite(normalizeText)
    .max(max, { error: TOO_LONG })
    .refine((s) => !forbidden.test(s), { error: BAD_CHARACTERS });

/** Text that may be left empty (''); tab and line breaks allowed. */
export const safeText = (max: number) => safeString(max);
export const requiredText = (max: number) => safeString(max).refine((s) => !isBlank(s), { error: REQUIRED });
export const optionalText = (max: number) => safeString(max).optional().default('');
/** One line: a name, the name a file is saved under. No tabs or line breaks either. */
export const safeLine = (max: number) => safeString(max, FORBIDDEN_IN_LINE);
export const requiredLine = (max: number) => safeLine(max).refine((s) => !isBlank(s), { error: REQUIRED });

// ── Ids ────────────────────────────────────────────────────────────────────────────────────────
/** Every id the app hands out (cuid) has this shape; anything else is refused before a query. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isRecordId = (s: unknown): s is string => typeof s === 'string' && ID_PATTERN.test(s);

export const requiredId = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, { error: REQUIRED })
  .max(64, { error: INVALID })
  .regex(ID_PATTERN, { error: INVALID });
/** Empty on a form that creates, the record's id on one that edits. */
export const optionalId = z
  .union([z.literal(''), requiredId])
  .optional()
  .transform((v) => v || null);
/** An optional reference sent as '' when none is chosen (a select's empty option). */
export const idOrEmpty = z
  .union([z.literal(''), requiredId])
  .optional()
  .default('');

// ── Numbers ────────────────────────────────────────────────────────────────────────────────────
// Plain decimal notation only: Number() also reads '0x10' (16), '1e1' (10), '0b1', 'Infinity' and
// '' (0). Full-width digits typed with a Chinese keyboard are folded (NFKC) first; ',' is a decimal
// point too. No sign: every quantity the app records is 0 or more.
const DECIMAL = /^(\d{1,15})?(?:[.,](\d{1,15}))?$/;

/** A number as typed (or given by a script), or null when it is not one with at most `decimals` decimals. */
export function parseDecimal(raw: unknown, decimals: number): number | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return null;
    const scaled = raw * 10 ** decimals;
    return Math.abs(scaled - Math.round(scaled)) < 1e-6 ? raw : null;
  }
  if (typeof raw !== 'string') return null;
  const m = DECIMAL.exec(raw.normalize('NFKC').trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  return Number(`${m[1] ?? '0'}.${fraction || '0'}`);
}

type NumberRule = { min: number; max: number; decimals?: number; error?: string };

/** A required number within [min, max]; `error` is the message for anything else. */
export function decimal({ min, max, decimals = 0, error = INVALID }: NumberRule) {
  // optional() so that a missing field reaches the transform (and gets its message) like an empty one.
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        ctx.addIssue({ code: 'custom', message: REQUIRED });
        return z.NEVER;
      }
      const n = parseDecimal(raw, decimals);
      if (n === null || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: error });
        return z.NEVER;
      }
      return n;
    });
}

/** '' or absent → null; otherwise as `decimal`. */
export function optionalDecimal(rule: NumberRule) {
  const required = decimal(rule);
  // optional() so that a missing field reaches the transform (and gets its message) like an empty one.
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
      const r = required.safeParse(raw);
      if (r.success) return r.data;
      for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });
}

export const wholeNumber = (min: number, max: number, error = INVALID) => decimal({ min, max, error });
/** A record's version as the form sends it back. */
export const version = wholeNumber(0, 2_147_483_647);

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────
/** No record of the app predates its first cycles (cycles start in 2000 or later, cycles/periods.ts). */
export const EARLIEST_DATE = '2000-01-01';
/** Queries that look ahead (a report range of the JSON API). */
export const LATEST_DATE = '2100-12-31';
/** Pairings and thresholds belong to cycles, which may be formed for any start year up to MAX_START_YEAR. */
export const LATEST_CYCLE_DATE = `${MAX_START_YEAR + 2}-12-31`;
/** Activities, lessons, sessions, papers, requests, assessments: planned at most this far ahead (a cycle is two years). */
export const RECORD_YEARS_AHEAD = 2;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: 2026-02-30 and 2026-13-01 are not. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Today plus some years, by the server's clock: a window years wide needs no city time zone. */
export function yearsFromToday(years: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

type DateRange = { from?: string; to?: string | (() => string) };

/** A required YYYY-MM-DD date that exists and lies within the range (both ends included). */
export function dateField({ from = EARLIEST_DATE, to = LATEST_DATE }: DateRange = {}) {
  return z
    .string({ error: REQUIRED })
    .trim()
    .min(1, { error: REQUIRED, abort: true })
    .refine(isCalendarDate, { error: BAD_DATE, abort: true })
    .check((ctx) => {
      const last = typeof to === 'function' ? to() : to;
      if (ctx.value < from || ctx.value > last)
        ctx.issues.push({ code: 'custom', input: ctx.value, message: DATE_OUT_OF_RANGE, params: { values: { from, to: last } } });
    });
}

/** A record's date: from 2000 to two years from today. */
export const DateString = dateField({ to: () => yearsFromToday(RECORD_YEARS_AHEAD) });
export const optionalDate = z
  .union([z.literal(''), DateString])
  .optional()
  .transform((v) => v || null);

// ── Query strings of pages ─────────────────────────────────────────────────────────────────────
// A page's filters are never an error: a value that is not acceptable is ignored, as if not given.
/** Search text typed in a list's search box. */
export const searchText = (max = 100) =>
  safeString(max)
    .transform((s) => s || undefined)
    .optional()
    .catch(undefined);
/** An id in a page's query string. */
export const searchId = requiredId.optional().catch(undefined);

/** A page's searchParams with repeated parameters reduced to their first value. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
