import { describe, expect, it } from 'vitest';
import { instantToZoned, localDate, monthRange, zonedToInstant } from './zoned';

describe('Asia/Shanghai (UTC+8 all year)', () => {
  it('reads wall-clock times and back', () => {
    const i = zonedToInstant('2026-03-05', '09:30', 'Asia/Shanghai');
    expect(i.toISOString()).toBe('2026-03-05T01:30:00.000Z');
    expect(instantToZoned(i, 'Asia/Shanghai')).toEqual({ date: '2026-03-05', time: '09:30' });
    expect(instantToZoned(new Date('2026-03-04T17:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-03-05', time: '01:00' });
    // Midsummer: no daylight-saving shift.
    expect(zonedToInstant('2026-07-01', '00:00', 'Asia/Shanghai').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('takes the local calendar date, not the UTC one', () => {
    expect(localDate(new Date('2026-01-31T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-01-31');
    expect(localDate(new Date('2026-01-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
    expect(localDate(new Date('2026-01-31T16:30:00Z'), 'UTC')).toBe('2026-01-31');
  });

  it('ignores seconds and milliseconds', () => {
    expect(instantToZoned(new Date('2026-03-05T01:30:59.999Z'), 'Asia/Shanghai')).toEqual({ date: '2026-03-05', time: '09:30' });
  });
});

describe('Europe/Berlin around its daylight-saving changes (29 March and 25 October 2026)', () => {
  it('uses +1 before the spring change and +2 after it', () => {
    expect(zonedToInstant('2026-03-29', '01:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedToInstant('2026-03-29', '03:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToZoned(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '01:59' });
    expect(instantToZoned(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '03:00' });
  });

  it('moves a skipped wall-clock time forward', () => {
    expect(instantToZoned(zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      time: '03:30',
    });
  });

  it('round-trips every hour of the autumn change day', () => {
    for (const time of ['00:00', '01:59', '03:00', '12:00', '23:59']) {
      expect(instantToZoned(zonedToInstant('2026-10-25', time, 'Europe/Berlin'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', time });
    }
    expect(zonedToInstant('2026-10-26', '00:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('dates instants near midnight by the offset in force then', () => {
    expect(localDate(new Date('2026-07-31T22:30:00Z'), 'Europe/Berlin')).toBe('2026-08-01'); // +2 in summer
    expect(localDate(new Date('2026-01-31T22:30:00Z'), 'Europe/Berlin')).toBe('2026-01-31'); // +1 in winter
  });
});

describe('monthRange', () => {
  it('runs from local midnight of the 1st to local midnight of the next 1st, across the year end', () => {
    const r = monthRange('2025-12', 'Asia/Shanghai');
    expect(r.from.toISOString()).toBe('2025-11-30T16:00:00.000Z');
    expect(r.to.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('is an hour short in the month clocks go forward', () => {
    const r = monthRange('2026-03', 'Europe/Berlin');
    expect(r.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(r.to.getTime() - r.from.getTime()).toBe((31 * 24 - 1) * 3600_000);
  });
});
