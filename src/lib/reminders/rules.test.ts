import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDate } from '@/lib/time/zoned';
import {
  classHoursNoticeDue,
  daysWaited,
  planOccasion,
  rectificationOccasion,
  visitReminderMonth,
  waitedTooLong,
  waitingCutoff,
} from './rules';

const SH = 'Asia/Shanghai';
/** The city's date of a run at this instant. */
const today = (utc: string, tz = SH) => localDate(new Date(utc), tz);

describe('the monthly visit reminder (S1)', () => {
  it('starts on the 20th of the city, not of UTC', () => {
    // 23:59 on the 19th in Shanghai is 15:59 UTC; 00:00 on the 20th is 16:00 UTC the day before.
    expect(visitReminderMonth(today('2026-11-19T15:59:00Z'))).toBeNull();
    expect(visitReminderMonth(today('2026-11-19T16:00:00Z'))).toBe('2026-11');
    // In UTC it is still the 19th at that instant.
    expect(visitReminderMonth(today('2026-11-19T16:00:00Z', 'UTC'))).toBeNull();
  });

  it('stays due through the month’s last day and names that month', () => {
    expect(visitReminderMonth('2026-11-30')).toBe('2026-11');
    expect(visitReminderMonth('2026-12-01')).toBeNull();
    expect(visitReminderMonth('2027-02-28')).toBe('2027-02');
  });
});

describe('waiting seven days (requests, confirmations)', () => {
  const asked = new Date('2026-11-01T15:59:00Z'); // 23:59 on 1 November in Shanghai

  it('counts city days from the day it was asked', () => {
    expect(daysWaited(asked, '2026-11-07', SH)).toBe(6);
    expect(waitedTooLong(asked, '2026-11-07', SH)).toBe(false);
    expect(waitedTooLong(asked, '2026-11-08', SH)).toBe(true);
    // One minute later it is 2 November in the city: a day less waited.
    expect(waitedTooLong(new Date('2026-11-01T16:00:00Z'), '2026-11-08', SH)).toBe(false);
  });

  it('is the same rule as the cutoff the database filters by, at every instant', () => {
    const zones = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -3 * 86_400_000, max: 12 * 86_400_000 }),
        zones,
        (since, offset, tz) => {
          const day = localDate(new Date(since.getTime() + offset), tz);
          expect(since < waitingCutoff(day, tz)).toBe(waitedTooLong(since, day, tz));
        },
      ),
    );
  });
});

describe('plans and summaries not handed in', () => {
  it('are reminded 14 days before the due date, then 3 days before through the due date', () => {
    const due = '2026-08-31';
    expect(planOccasion('2026-08-16', due)).toBeNull();
    expect(planOccasion('2026-08-17', due)).toBe('d14');
    expect(planOccasion('2026-08-27', due)).toBe('d14');
    expect(planOccasion('2026-08-28', due)).toBe('d3');
    expect(planOccasion('2026-08-31', due)).toBe('d3');
    expect(planOccasion('2026-09-01', due)).toBeNull();
  });
});

describe('rectification deadlines', () => {
  it('are reminded three days before, on the day, and once overdue', () => {
    const deadline = '2026-12-10';
    expect(rectificationOccasion('2026-12-06', deadline)).toBeNull();
    expect(rectificationOccasion('2026-12-07', deadline)).toBe('d3');
    expect(rectificationOccasion('2026-12-09', deadline)).toBe('d3');
    expect(rectificationOccasion('2026-12-10', deadline)).toBe('d0');
    expect(rectificationOccasion('2026-12-11', deadline)).toBe('overdue');
  });
});

describe('class hours with a month left', () => {
  it('are checked in the semester’s last 30 days, its last day included', () => {
    const end = '2027-01-20';
    expect(classHoursNoticeDue('2026-12-20', end)).toBe(false);
    expect(classHoursNoticeDue('2026-12-21', end)).toBe(true);
    expect(classHoursNoticeDue('2027-01-20', end)).toBe(true);
    expect(classHoursNoticeDue('2027-01-21', end)).toBe(false);
  });
});
