import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { saveActivity } from '@/lib/activities/commands';
import { listActivities } from '@/lib/activities/queries';
import { TYPE_RULES } from '@/lib/activities/rules';
import { getCity } from '@/lib/cycles/city';
import { cityTimeZone, cityZoneOf, FALLBACK_TIME_ZONE } from '@/lib/time/city-zone';
import { cityToday, cityTodayDate } from '@/lib/time/today';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

const NOW = new Date('2026-03-10T04:00:00Z');
const savedEnv = process.env.CITY_TIME_ZONE;

afterEach(() => {
  if (savedEnv === undefined) delete process.env.CITY_TIME_ZONE;
  else process.env.CITY_TIME_ZONE = savedEnv;
});

/** Runs `fn` with every city of the (shared) test database recorded in `zone`, then puts the zones back. */
async function withCityZone(zone: string, fn: () => Promise<void>) {
  const cities = await db.region.findMany({ where: { kind: 'CITY' }, select: { id: true, timeZone: true } });
  await db.region.updateMany({ where: { kind: 'CITY' }, data: { timeZone: zone } });
  try {
    await fn();
  } finally {
    for (const c of cities) await db.region.update({ where: { id: c.id }, data: { timeZone: c.timeZone } });
  }
}

function fellowship(pairingId: string, startDate: string, startTime: string) {
  const r = TYPE_RULES.FELLOWSHIP;
  return {
    pairingId,
    type: 'FELLOWSHIP',
    direction: r.direction,
    targetArea: r.targetArea,
    status: 'PLANNED',
    title: '时区测试',
    startDate,
    startTime,
    location: '柳湾镇',
  };
}

describe('the city time zone', () => {
  it('is the one recorded in the database, whatever CITY_TIME_ZONE says', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    await withCityZone('Europe/Berlin', async () => {
      process.env.CITY_TIME_ZONE = 'America/New_York';
      expect(await cityTimeZone(db)).toBe('Europe/Berlin');
      expect((await getCity(db)).timeZone).toBe('Europe/Berlin');

      // 23:30 UTC on 9 March: already the 10th in Berlin, still the 9th in New York.
      const lateEvening = new Date('2026-03-09T23:30:00Z');
      expect(await cityToday(db, lateEvening)).toBe('2026-03-10');
      expect((await cityTodayDate(db, lateEvening)).toISOString()).toBe('2026-03-10T00:00:00.000Z');

      // A typed time is Berlin's wall clock: 09:00 CET is 08:00 UTC (New York would give 14:00, Shanghai 01:00).
      const winter = await saveActivity(director, fellowship(w.pairingA.id, '2026-03-05', '09:00'), db, NOW);
      expect(winter).toMatchObject({ ok: true });
      if (!winter.ok) return;
      const stored = await db.activity.findUniqueOrThrow({
        where: { id: (winter.value as { id: string }).id },
        select: { startsAt: true },
      });
      expect(stored.startsAt.toISOString()).toBe('2026-03-05T08:00:00.000Z');

      // After the change to summer time (29 March) the same wall clock is +2; 00:30 on 1 April belongs to April.
      const spring = await saveActivity(director, fellowship(w.pairingA.id, '2026-04-01', '00:30'), db, NOW);
      expect(spring).toMatchObject({ ok: true });
      if (!spring.ok) return;
      const springId = (spring.value as { id: string }).id;
      const springAt = await db.activity.findUniqueOrThrow({ where: { id: springId }, select: { startsAt: true } });
      expect(springAt.startsAt.toISOString()).toBe('2026-03-31T22:30:00.000Z');
      const april = await listActivities(director, { pairing: w.pairingA.id, month: '2026-04' }, db);
      expect(april.rows.map((r) => r.id)).toContain(springId);
      const march = await listActivities(director, { pairing: w.pairingA.id, month: '2026-03' }, db);
      expect(march.rows.map((r) => r.id)).not.toContain(springId);
    });
  });

  it('falls back to CITY_TIME_ZONE, then Shanghai, only when no zone is recorded', () => {
    process.env.CITY_TIME_ZONE = 'Europe/Berlin';
    expect(cityZoneOf('Asia/Urumqi')).toBe('Asia/Urumqi');
    expect(cityZoneOf(null)).toBe('Europe/Berlin');
    delete process.env.CITY_TIME_ZONE;
    expect(cityZoneOf(undefined)).toBe(FALLBACK_TIME_ZONE);
    expect(FALLBACK_TIME_ZONE).toBe('Asia/Shanghai');
  });
});
