/**
 * Property-based tests of every input the app parses: each `*Input` schema of a domain (what every
 * server action and command parses), every page's filters and every API query parser are fed
 * generated values (NUL, controls, direction overrides, zero-width characters, very long text,
 * numbers in every notation, dates that do not exist or lie far away). Nothing may throw, and
 * nothing invalid may come out the other side.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as activities from './activities/schemas';
import * as annualPlans from './annual-plans/schemas';
import * as cycles from './cycles/schemas';
import * as effectTests from './effect-tests/schemas';
import * as kindergartens from './kindergartens/schemas';
import * as lessons from './lessons/schemas';
import * as mentoring from './mentoring/schemas';
import * as pairings from './pairings/schemas';
import * as papers from './papers/schemas';
import * as programmes from './programmes/schemas';
import * as staff from './staff/schemas';
import { DashboardFilters } from './effect-tests/filters';
import { KindergartenFilters } from './kindergartens/filters';
import { UserFilters } from './users/filters';
import { PairingFilters } from './pairings/filters';
import { AuditFilters } from './audit-trail/filters';
import { ActivityQuery, BadRequestError, KindergartenQuery, PairingQuery, parseQuery, pathId } from './api/params';
import { EARLIEST_DATE, ID_PATTERN, isBlank, isCalendarDate, LATEST_CYCLE_DATE } from './schema-fields';

const RUNS = { numRuns: 150 };

// ── What may never come out of a parser ────────────────────────────────────────────────────────
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const DATE_KEY = /(Date|On|By|From|^date|^from|^to)$/;
const ID_KEY = /(Id|^id|^pairing|^county|^cycle)$/;
/** Fields a person must fill with something visible. */
const FILLED = new Set(['title', 'name', 'topic', 'className', 'venue', 'reason', 'item', 'unit', 'endReason']);
/** Decimals each number field may have. */
const DECIMALS: Record<string, number> = { classHours: 1, quantity: 2, estimatedValue: 2, excellentRate: 1, passRate: 1 };

function checkOutput(value: unknown, key = ''): void {
  if (typeof value === 'string') {
    expect(value, key).not.toMatch(FORBIDDEN);
    if (FILLED.has(key)) expect(isBlank(value), key).toBe(false);
    if (DATE_KEY.test(key) && value !== '') {
      expect(isCalendarDate(value), `${key}=${value}`).toBe(true);
      expect(value >= EARLIEST_DATE && value <= LATEST_CYCLE_DATE, `${key}=${value}`).toBe(true);
    }
    if (ID_KEY.test(key) && value !== '') expect(value, key).toMatch(ID_PATTERN);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value), key).toBe(true);
    expect(value, key).toBeGreaterThanOrEqual(0);
    const decimals = DECIMALS[key] ?? 0;
    const scaled = value * 10 ** decimals;
    expect(Math.abs(scaled - Math.round(scaled)) < 1e-6, `${key}=${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    for (const v of value) checkOutput(v, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkOutput(v, k);
  }
}

// ── What is fed in ─────────────────────────────────────────────────────────────────────────────
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  'photo\u202Egnp.exe',
  '\u2066x\u2069',
  '\u200B',
  '\u200B\u200C\u200D\uFEFF',
  ' \u200B ',
  '',
  ' ',
  '0x10',
  '1e1',
  '0b1',
  'Infinity',
  'NaN',
  '-1',
  '1.25',
  '１６',
  '2026-02-30',
  '2027-02-29',
  '9999-01-01',
  '0001-01-01',
  '2099-06-01',
  '+02026-03-05',
  '../../etc/passwd',
  '<script>',
  "'; DROP TABLE x; --",
);
const veryLong = fc.constantFrom('x'.repeat(50_001), '字'.repeat(20_001), '\u0000'.repeat(5000));
// Ordinary characters mixed with every kind the rules refuse or strip, so that most strings hold one.
const mixed = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '7',
    '字',
    ' ',
    '.',
    '-',
    '\n',
    '\t',
    '\u0000',
    '\u0007',
    '\u001F',
    '\u007F',
    '\u0085',
    '\u202E',
    '\u2066',
    '\u200B',
    '\uFEFF',
  ),
  maxLength: 20,
});
const anyText = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 4, arbitrary: mixed },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: veryLong },
);
const realDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateLike = fc.oneof(
  realDate,
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const numberLike = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.double({ min: 0, max: 1000, noNaN: true }).map(String),
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.constantFrom('0x10', '1e1', '1e400', '2.5', '2,5', '0.05', '10.0', '', ' 3 '),
);
const idLike = fc.oneof(fc.stringMatching(/^[a-z0-9]{8,25}$/), nasty);

/** Values shaped like what the schema expects (so some parse), mixed with hostile ones. */
function arbitraryFor(schema: z.ZodType, key: string, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  const inner = (k: string) => arbitraryFor(def[k] as z.ZodType, key, depth);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'nonoptional':
    case 'readonly':
      return fc.oneof(inner('innerType'), fc.constant(undefined));
    case 'pipe':
      return inner('in');
    case 'object': {
      const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, arbitraryFor(s, k, depth + 1)])), {
        requiredKeys: [],
      });
    }
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(arbitraryFor(def.element as z.ZodType, key, depth + 1), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryFor(o, key, depth)), anyText);
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), anyText);
    case 'literal':
      return fc.oneof(fc.constantFrom(...(def.values as unknown[])), anyText);
    case 'number':
    case 'unknown':
    case 'any':
      return fc.oneof(numberLike, anyText, fc.constant(null));
    default:
      if (DATE_KEY.test(key)) return fc.oneof({ weight: 3, arbitrary: dateLike }, { weight: 1, arbitrary: anyText });
      if (ID_KEY.test(key)) return idLike;
      if (/Time$/.test(key)) return fc.oneof(fc.constantFrom('09:00', '23:59', '24:00', '9:00'), anyText);
      return fc.oneof(anyText, numberLike);
  }
}

const inputSchemas = Object.entries({
  ...activities,
  ...annualPlans,
  ...cycles,
  ...effectTests,
  ...kindergartens,
  ...lessons,
  ...mentoring,
  ...pairings,
  ...papers,
  ...programmes,
  ...staff,
})
  .filter(([name, value]) => /(Input|Ref)$/.test(name) && typeof (value as Partial<z.ZodType>)?.safeParse === 'function')
  .map(([name, value]) => [name, value as unknown as z.ZodType] as const);

describe('every server action input schema', () => {
  it('covers every *Input schema of the domains', () => {
    expect(inputSchemas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(inputSchemas)('%s: never throws, never lets through NUL, controls, overrides, impossible dates or numbers', (_name, schema) => {
    fc.assert(
      fc.property(arbitraryFor(schema, ''), (raw) => {
        const r = schema.safeParse(raw);
        if (r.success) checkOutput(r.data);
        else for (const issue of r.error.issues) expect(typeof issue.message).toBe('string');
      }),
      RUNS,
    );
  });

  it('string fields alone: whatever text is typed, an accepted one is clean', () => {
    const fields = inputSchemas.flatMap(([name, s]) => {
      const shape = (s as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
      return Object.entries(shape).map(([k, f]) => [`${name}.${k}`, k, f] as const);
    });
    for (const [label, key, field] of fields)
      fc.assert(
        fc.property(anyText, (text) => {
          const r = field.safeParse(text);
          if (r.success) checkOutput({ [key]: r.data });
        }),
        { numRuns: 60, seed: label.length },
      );
  });
});

describe("every page's filters", () => {
  const params = fc.dictionary(
    fc.constantFrom('q', 'county', 'cycle', 'pairing', 'period', 'status', 'test', 'sort', 'page', 'month', 'action', 'before', 'type'),
    fc.oneof(anyText, dateLike, numberLike.map(String), fc.array(anyText, { maxLength: 2 })),
  );
  const filters = {
    KindergartenFilters: (p: Record<string, unknown>) =>
      KindergartenFilters.parse(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))),
    DashboardFilters: (p: Record<string, unknown>) => DashboardFilters.parse(p),
    ActivityFilters: (p: Record<string, unknown>) => activities.ActivityFilters.parse(p),
    UserFilters: (p: Record<string, unknown>) => UserFilters.parse(p),
    PairingFilters: (p: Record<string, unknown>) => PairingFilters.parse(p),
    AuditFilters: (p: Record<string, unknown>) => AuditFilters.parse(p),
  };
  it.each(Object.entries(filters))('%s: never throws; what it keeps is clean', (_name, parse) => {
    fc.assert(
      fc.property(params, (p) => {
        const out = parse(p) as Record<string, unknown>;
        checkOutput(out);
        if (typeof out.month === 'string') expect(isCalendarDate(`${out.month}-01`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the JSON API query parsers', () => {
  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'q',
          'county',
          'cycle',
          'pairing',
          'from',
          'to',
          'type',
          'status',
          'page',
          'pageSize',
          'active',
          'area',
          'level',
          'x',
        ),
        fc.oneof(anyText, dateLike, numberLike.map(String)),
      ),
      // One or two parameters: with more, almost every query is refused for another one and the
      // parameter under test is never the one that decides.
      { minLength: 1, maxLength: 2 },
    )
    .map((pairs) => {
      const p = new URLSearchParams();
      for (const [k, v] of pairs) p.append(k, v);
      return p;
    });
  it.each([
    ['KindergartenQuery', KindergartenQuery],
    ['PairingQuery', PairingQuery],
    ['ActivityQuery', ActivityQuery],
  ] as const)('%s: a value is either clean or a 400 (BadRequestError), never another error', (_name, schema) => {
    fc.assert(
      fc.property(query, (p) => {
        let out: unknown;
        try {
          out = parseQuery(schema as z.ZodType, p);
        } catch (e) {
          expect(e).toBeInstanceOf(BadRequestError);
          return;
        }
        checkOutput(out);
      }),
      { numRuns: 400 },
    );
  });

  it('path ids: an id or a 400', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, idLike), (id) => {
        try {
          expect(pathId(id)).toMatch(ID_PATTERN);
        } catch (e) {
          expect(e).toBeInstanceOf(BadRequestError);
        }
      }),
      RUNS,
    );
  });
});
