import { TZDateMini, tzOffset } from '@date-fns/tz';
import type { IsoDate } from './date-only';

/**
 * Dates and times people type are wall-clock times in the city's zone; the database keeps
 * instants. Every function takes the zone explicitly: callers get it from the database
 * (`cityTimeZone`, `getCity`), never from a default, so a typed time and the SQL rollups agree.
 *
 * Hot path: the city dashboard converts thousands of instants per request. `tzOffset` keeps one
 * Intl formatter per zone for the life of the process (building one was half the page's CPU,
 * decision 010), so instant → wall clock is one format call plus arithmetic.
 */

/** '2026-03-05' + '09:30' on the zone's wall clock → the instant. A time skipped by a DST change moves forward. */
export function zonedToInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(+new TZDateMini(y, m - 1, d, hh, mm, timeZone));
}

/** The instant → { date: 'YYYY-MM-DD', time: 'HH:MM' } on the zone's wall clock. */
export function instantToZoned(instant: Date, timeZone: string): { date: IsoDate; time: string } {
  const iso = new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The calendar date of an instant in the zone: 2026-01-31T16:30Z is 2026-02-01 in Shanghai. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return instantToZoned(instant, timeZone).date;
}

/** The first instant of a month ('2026-03') and of the next one, in the zone. */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: zonedToInstant(`${month}-01`, '00:00', timeZone), to: zonedToInstant(`${next}-01`, '00:00', timeZone) };
}
