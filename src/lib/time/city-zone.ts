import { cache } from 'react';
import type { Db, Tx } from '@/lib/db';

/**
 * Which time zone the city lives in, decided here and nowhere else:
 * - the city's row in the database (Region.timeZone, recorded by `npm run setup:city`) wins;
 * - CITY_TIME_ZONE is only the default: before a city is recorded, and the zone setup:city records
 *   when given none;
 * - Asia/Shanghai when neither is set.
 * The environment never overrides a recorded zone: the SQL rollup of decision 010 reads
 * Region.timeZone, so dates computed here must agree with it.
 */
export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

export function defaultTimeZone(): string {
  return process.env.CITY_TIME_ZONE || FALLBACK_TIME_ZONE;
}

/** The zone to use given what the city's row records (nothing, if there is no city yet). */
export function cityZoneOf(recorded: string | null | undefined): string {
  return recorded || defaultTimeZone();
}

// One query per request however many components ask (React's cache is per request on the server
// and a pass-through elsewhere, so tests and scripts always read the database).
export const cityTimeZone = cache(async (db: Db | Tx): Promise<string> => {
  const city = await db.region.findFirst({ where: { kind: 'CITY' }, orderBy: { createdAt: 'asc' }, select: { timeZone: true } });
  return cityZoneOf(city?.timeZone);
});
