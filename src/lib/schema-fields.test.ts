import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from '@/lib/result';
import {
  DateString,
  dateField,
  decimal,
  isCalendarDate,
  optionalDecimal,
  parseDecimal,
  requiredId,
  requiredLine,
  requiredText,
  searchText,
  version,
  yearsFromToday,
} from './schema-fields';
import { ActivityInput, ActivityFilters } from './activities/schemas';
import { LessonInput } from './lessons/schemas';
import { StaffInput } from './staff/schemas';
import { KindergartenFilters } from './kindergartens/filters';
import { DashboardFilters } from './effect-tests/filters';
import { UserFilters } from './users/filters';
import { PairingFilters } from './pairings/filters';
import { AuditFilters } from './audit-trail/filters';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : zodFieldErrors(r.error);
};
const RLO = '\u202E';

const activity = (over: Record<string, unknown> = {}) => ({
  pairingId: 'cm0pairing',
  type: 'SENT_DEMONSTRATION',
  direction: 'TO_ASSISTED',
  targetArea: 'TEACHERS',
  status: 'DONE',
  title: '送教活动',
  startDate: '2026-03-05',
  startTime: '09:00',
  ...over,
});

describe('numbers: plain decimal notation only', () => {
  it('refuses hex, exponent, binary, Infinity and signs, which Number() reads', () => {
    for (const s of ['0x10', '1e1', '0b1', '0o7', 'Infinity', '-1', '+1', '1_000', '1.2.3', '.', ' '])
      expect(parseDecimal(s, 1)).toBeNull();
  });

  it('reads digits with a point or a comma, and full-width digits', () => {
    expect(parseDecimal('2.5', 1)).toBe(2.5);
    expect(parseDecimal('2,5', 1)).toBe(2.5);
    expect(parseDecimal('.5', 1)).toBe(0.5);
    expect(parseDecimal('１６', 0)).toBe(16);
    expect(parseDecimal('2.50', 1)).toBe(2.5);
    expect(parseDecimal('2.55', 1)).toBeNull();
    expect(parseDecimal(3, 0)).toBe(3);
    expect(parseDecimal(Number.NaN, 0)).toBeNull();
  });

  it('refuses class hours 0x10 and 1e1 with the field’s message, keeps 1.5', () => {
    const key = 'activities.errors.classHoursInvalid';
    expect(errorsOf(ActivityInput, activity({ classHours: '0x10' }))).toEqual({ classHours: [key] });
    expect(errorsOf(ActivityInput, activity({ classHours: '1e1' }))).toEqual({ classHours: [key] });
    expect(ActivityInput.parse(activity({ classHours: '1.5' })).classHours).toBe(1.5);
    expect(ActivityInput.parse(activity({ classHours: '' })).classHours).toBeNull();
  });

  it('versions are whole numbers as typed: no empty string read as 0', () => {
    expect(version.safeParse('').success).toBe(false);
    expect(version.safeParse('0x1').success).toBe(false);
    expect(version.parse('3')).toBe(3);
    expect(version.parse(3)).toBe(3);
  });

  it('required and optional numbers say which way they failed', () => {
    const n = decimal({ min: 1, max: 10, error: 'x.bad' });
    expect(errorsOf(z.object({ n }), { n: '' })).toEqual({ n: ['form.errors.required'] });
    expect(errorsOf(z.object({ n }), { n: '11' })).toEqual({ n: ['x.bad'] });
    expect(optionalDecimal({ min: 1, max: 10 }).parse(undefined)).toBeNull();
  });
});

describe('dates: a real calendar day within the range of its record', () => {
  it('knows the calendar', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-1-10')).toBe(false);
  });

  it('refuses 2026-02-30 instead of storing 2 March', () => {
    expect(errorsOf(ActivityInput, activity({ startDate: '2026-02-30' }))).toEqual({ startDate: ['form.errors.date'] });
  });

  it('refuses a planned activity in 9999 and a lesson in 2099, with the allowed range', () => {
    const to = yearsFromToday(2);
    const range = { key: 'form.errors.dateRange', values: { from: '2000-01-01', to } };
    expect(errorsOf(ActivityInput, activity({ status: 'PLANNED', startDate: '9999-01-01' }))).toEqual({ startDate: [range] });
    const lesson = { heldOn: '2099-03-01', className: '大一班', domain: 'ART', title: '画春天' };
    expect(errorsOf(LessonInput, lesson)).toEqual({ heldOn: [range] });
    expect(LessonInput.safeParse({ ...lesson, heldOn: '2026-03-01' }).success).toBe(true);
    expect(DateString.safeParse(to).success).toBe(true);
  });

  it('answers a done date in year 0001 with the range, not "in the future"', () => {
    expect(errorsOf(ActivityInput, activity({ startDate: '0001-01-01' }))).toEqual({
      startDate: [{ key: 'form.errors.dateRange', values: { from: '2000-01-01', to: yearsFromToday(2) } }],
    });
  });

  it('settings may look further ahead, not past 2100', () => {
    expect(dateField().safeParse('2099-09-01').success).toBe(true);
    expect(dateField().safeParse('2101-01-01').success).toBe(false);
    expect(dateField().safeParse('').error?.issues[0].message).toBe('form.errors.required');
  });
});

describe('text: no NUL, controls or direction overrides; blank is blank', () => {
  it('refuses NUL and controls in any text field, keeps tabs and line breaks', () => {
    expect(errorsOf(z.object({ t: requiredText(100) }), { t: 'a\u0000b' })).toEqual({ t: ['form.errors.badCharacters'] });
    expect(errorsOf(z.object({ t: requiredText(100) }), { t: 'a\u0007b' })).toEqual({ t: ['form.errors.badCharacters'] });
    expect(errorsOf(z.object({ t: requiredText(100) }), { t: 'a\u0085b' })).toEqual({ t: ['form.errors.badCharacters'] });
    expect(requiredText(100).parse('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(errorsOf(ActivityInput, activity({ record: 'ok\u0000' }))).toEqual({ record: ['form.errors.badCharacters'] });
  });

  it('refuses a name whose right-to-left override makes gnp.exe read as exe.png', () => {
    expect(errorsOf(z.object({ n: requiredLine(200) }), { n: `photo${RLO}gnp.exe` })).toEqual({ n: ['form.errors.badCharacters'] });
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(requiredLine(200).safeParse(`a${c}b`).success).toBe(false);
    expect(requiredLine(200).safeParse('a\nb').success).toBe(false);
    const staff = { name: `张${RLO}三`, phone: '13800000009', email: '', role: 'TEACHER' };
    expect(errorsOf(StaffInput, staff)).toEqual({ name: ['form.errors.badCharacters'] });
  });

  it('refuses a title made only of zero-width characters, and trims them at the ends', () => {
    expect(errorsOf(ActivityInput, activity({ title: '\u200B\u200C\u200D\uFEFF' }))).toEqual({ title: ['form.errors.required'] });
    expect(errorsOf(ActivityInput, activity({ title: ' \u200B ' }))).toEqual({ title: ['form.errors.required'] });
    expect(requiredText(10).parse('\u200B 标题 \uFEFF')).toBe('标题');
    // A zero-width joiner inside an emoji sequence is part of the text.
    expect(requiredText(10).parse('👩\u200D🏫')).toBe('👩\u200D🏫');
  });

  it('writes text in one Unicode form (NFC)', () => {
    expect(requiredText(10).parse('e\u0301')).toBe('\u00E9');
  });

  it('ids are the shape the app hands out', () => {
    expect(requiredId.safeParse('cm1abc_09-Z').success).toBe(true);
    for (const bad of ['\u0000', 'a b', 'x'.repeat(65), 'é', '../x']) expect(requiredId.safeParse(bad).success).toBe(false);
  });
});

describe('page query strings: a bad value is ignored, never a query', () => {
  it('drops a NUL search and a NUL id on every list', () => {
    expect(KindergartenFilters.parse({ q: '\u0000', county: '\u0000' })).toMatchObject({ q: undefined, county: undefined });
    expect(DashboardFilters.parse({ q: '\u0000', county: '\u0000', period: '\u0000' })).toEqual({});
    expect(UserFilters.parse({ q: '\u0000' })).toEqual({});
    expect(PairingFilters.parse({ q: '\u0000', cycle: '\u0000', county: 'a\u202Eb', status: 'x' })).toEqual({});
    expect(ActivityFilters.parse({ pairing: '\u0000', month: '0001-01' })).toEqual({});
    expect(AuditFilters.parse({ action: '\u0000', before: '99999999999999999999999' })).toEqual({});
  });

  it('keeps good values', () => {
    expect(searchText().parse(' 实验 ')).toBe('实验');
    expect(KindergartenFilters.parse({ q: '实验', county: 'cm0county', page: '2' })).toMatchObject({
      q: '实验',
      county: 'cm0county',
      page: 2,
    });
    expect(KindergartenFilters.parse({ page: '0x2' }).page).toBe(1);
    expect(ActivityFilters.parse({ pairing: 'cm0p', month: '2026-03' })).toEqual({ pairing: 'cm0p', month: '2026-03' });
  });
});
