/**
 * Dates and times as people type them are wall-clock times in the city's time zone; the database
 * keeps instants. These helpers convert without a date library.
 */
export const CITY_TIME_ZONE = process.env.CITY_TIME_ZONE ?? 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs far more than using one (it dominated the city dashboard's
// CPU time), so there is one per time zone for the life of the process.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string) {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallClocks.set(timeZone, f);
  }
  return f;
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** '2026-03-05' + '09:30' in the zone → the instant. */
export function zonedToInstant(date: string, time: string, timeZone = CITY_TIME_ZONE): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  // Two passes settle the offset around a daylight-saving change (none in China, but cheap).
  const first = new Date(guess.getTime() - offsetMs(guess, timeZone));
  return new Date(guess.getTime() - offsetMs(first, timeZone));
}

/** The instant → { date: 'YYYY-MM-DD', time: 'HH:MM' } on the zone's wall clock. */
export function instantToZoned(instant: Date, timeZone = CITY_TIME_ZONE): { date: string; time: string } {
  const local = new Date(instant.getTime() + offsetMs(instant, timeZone));
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The first instant of a month ('2026-03') and of the next one, in the zone. */
export function monthRange(month: string, timeZone = CITY_TIME_ZONE): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: zonedToInstant(`${month}-01`, '00:00', timeZone), to: zonedToInstant(`${next}-01`, '00:00', timeZone) };
}

/** A @db.Date column holds a calendar date at UTC midnight. */
export function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function dateOnlyString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The academic year (calendar year it starts in) of a calendar date: it turns on 1 September. */
export function academicYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return m >= 9 ? y : y - 1;
}
