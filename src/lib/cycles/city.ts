import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { cityZoneOf } from '@/lib/time/city-zone';

export const DEFAULT_MAX_ASSISTED = 2;

/**
 * The deployment's city: its time zone decides which day it is, its settings hold the pairing cap.
 * A deployment serves one city; which zone applies is the rule in src/lib/time/city-zone.ts.
 */
export async function getCity(db: Db | Tx, cityId?: string | null) {
  const city = await db.region.findFirst({
    where: cityId ? { id: cityId, kind: 'CITY' } : { kind: 'CITY' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, timeZone: true, settings: { select: { maxAssistedPerSupporter: true, updatedAt: true } } },
  });
  const timeZone = cityZoneOf(city?.timeZone);
  return {
    id: city?.id ?? null,
    name: city?.name ?? '',
    timeZone,
    maxAssistedPerSupporter: city?.settings?.maxAssistedPerSupporter ?? DEFAULT_MAX_ASSISTED,
  };
}
