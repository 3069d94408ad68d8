import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { DEFAULT_TIME_ZONE, localDate, type IsoDate } from './periods';

export const DEFAULT_MAX_ASSISTED = 2;

/**
 * The deployment's city: its time zone decides which day it is, its settings hold the pairing cap.
 * A deployment serves one city; with none recorded yet, CITY_TIME_ZONE or Shanghai applies.
 */
export async function getCity(db: Db | Tx, cityId?: string | null) {
  const city = await db.region.findFirst({
    where: cityId ? { id: cityId, kind: 'CITY' } : { kind: 'CITY' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, timeZone: true, settings: { select: { maxAssistedPerSupporter: true, updatedAt: true } } },
  });
  const timeZone = city?.timeZone || process.env.CITY_TIME_ZONE || DEFAULT_TIME_ZONE;
  return {
    id: city?.id ?? null,
    name: city?.name ?? '',
    timeZone,
    maxAssistedPerSupporter: city?.settings?.maxAssistedPerSupporter ?? DEFAULT_MAX_ASSISTED,
  };
}

export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return localDate(now, timeZone);
}
