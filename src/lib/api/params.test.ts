import { describe, expect, it } from 'vitest';
import {
  ActivityQuery,
  BadRequestError,
  dayRange,
  KindergartenQuery,
  listBody,
  MAX_PAGE_SIZE,
  pageOf,
  PairingQuery,
  parseQuery,
  pathId,
} from './params';

const q = (s: string) => new URLSearchParams(s);
const badRequest = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    return (e as Error).message;
  }
  throw new Error('expected a BadRequestError');
};

describe('API query parameters', () => {
  it('default to page 1 of 50', () => {
    expect(parseQuery(PairingQuery, q(''))).toEqual({ page: 1, pageSize: 50 });
  });

  it('accept page sizes from 1 to 200', () => {
    expect(parseQuery(PairingQuery, q('pageSize=1')).pageSize).toBe(1);
    expect(parseQuery(PairingQuery, q(`pageSize=${MAX_PAGE_SIZE}`)).pageSize).toBe(200);
    expect(badRequest(() => parseQuery(PairingQuery, q('pageSize=201')))).toMatch(/^pageSize: .*1 to 200/);
    expect(badRequest(() => parseQuery(PairingQuery, q('pageSize=0')))).toMatch(/^pageSize/);
    expect(badRequest(() => parseQuery(PairingQuery, q('pageSize=abc')))).toMatch(/^pageSize/);
  });

  it('refuse pages below 1 and fractions', () => {
    expect(badRequest(() => parseQuery(PairingQuery, q('page=0')))).toMatch(/^page: /);
    expect(badRequest(() => parseQuery(PairingQuery, q('page=1.5')))).toMatch(/^page: /);
  });

  it('name unknown and repeated parameters', () => {
    expect(badRequest(() => parseQuery(PairingQuery, q('colour=red')))).toBe('unknown parameter: colour');
    expect(badRequest(() => parseQuery(PairingQuery, q('page=1&page=2')))).toBe('page: given more than once');
  });

  it('check enums and dates', () => {
    expect(parseQuery(ActivityQuery, q('type=DONATION&status=DONE&from=2026-03-01&to=2026-03-31'))).toMatchObject({
      type: 'DONATION',
      status: 'DONE',
    });
    expect(badRequest(() => parseQuery(ActivityQuery, q('type=PARTY')))).toMatch(/^type: /);
    expect(badRequest(() => parseQuery(ActivityQuery, q('from=2026-13-01')))).toMatch(/^from: must be a date/);
    expect(badRequest(() => parseQuery(ActivityQuery, q('from=2026-04-01&to=2026-03-01')))).toBe('from: from must not be after to');
    expect(parseQuery(KindergartenQuery, q('active=false')).active).toBe(false);
    expect(badRequest(() => parseQuery(KindergartenQuery, q('active=no')))).toMatch(/^active: /);
  });

  it('refuse dates that do not exist or lie outside 2000–2100, instead of a server error', () => {
    expect(badRequest(() => parseQuery(ActivityQuery, q('from=2026-02-30')))).toBe('from: must be a date YYYY-MM-DD that exists');
    expect(badRequest(() => parseQuery(ActivityQuery, q('to=2027-02-29')))).toMatch(/^to: must be a date/);
    expect(badRequest(() => parseQuery(ActivityQuery, q('from=0001-01-01')))).toBe('from: must be a date from 2000-01-01 to 2100-12-31');
    expect(badRequest(() => parseQuery(ActivityQuery, q('to=9999-12-31')))).toMatch(/^to: must be a date from/);
    expect(parseQuery(ActivityQuery, q('from=2028-02-29')).from).toBe('2028-02-29');
  });

  it('refuse search text with NUL, controls or direction overrides, and path ids that are not ids', () => {
    expect(badRequest(() => parseQuery(KindergartenQuery, q('q=%00')))).toMatch(/^q: must not contain control/);
    expect(badRequest(() => parseQuery(KindergartenQuery, q('q=a%E2%80%AEb')))).toMatch(/^q: must not contain control/);
    expect(parseQuery(KindergartenQuery, q('q=%20%E5%AE%9E%E9%AA%8C%20')).q).toBe('实验');
    expect(badRequest(() => parseQuery(PairingQuery, q('county=%00')))).toBe('county: must be an id');
    expect(badRequest(() => pathId('\0'))).toBe('id: must be an id');
    expect(badRequest(() => pathId('x'.repeat(65)))).toBe('id: must be an id');
    expect(pathId('cm1abc_09-Z')).toBe('cm1abc_09-Z');
  });

  it('turn inclusive city days into instants', () => {
    const r = dayRange('2026-03-01', '2026-03-31', 'Asia/Shanghai');
    expect(r.gte?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(r.lt?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(dayRange(undefined, undefined, 'Asia/Shanghai')).toEqual({});
  });

  it('page through results', () => {
    expect(pageOf({ page: 3, pageSize: 20 })).toEqual({ skip: 40, take: 20 });
    expect(listBody([1], { page: 2, pageSize: 1 }, 3).hasMore).toBe(true);
    expect(listBody([1], { page: 3, pageSize: 1 }, 3).hasMore).toBe(false);
  });
});
