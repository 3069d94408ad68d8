/**
 * Times evaluatePairings (and the dashboard loader) against a database, e.g. the bench city:
 *   DATABASE_URL=… npx tsx --import ./scripts/outside-next.mjs scripts/dev/effects-timing.ts
 * EFFECT_TESTS_TIMING=1 also prints each query's time. RUNS=n sets the repetitions (default 12).
 */
import { db } from '@/lib/db';
import { evaluatePairings, resolvePeriod } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { cityToday } from '@/lib/time/today';

const today = new Date();
const period = resolvePeriod(await listCycles(db), undefined, await cityToday(db, today))!;
const county = await db.region.findFirst({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true } });
const pairing = await db.pairing.findFirst({ where: { cycleId: period.cycleId }, orderBy: { id: 'asc' }, select: { id: true } });
const city = { id: 'x', role: 'CITY_ADMIN' as const, kindergartenId: null, countyId: null };
const countyAdmin = { id: 'y', role: 'COUNTY_ADMIN' as const, kindergartenId: null, countyId: county!.id };
const runs = Number(process.env.RUNS ?? 12);

async function time(name: string, fn: () => Promise<number>) {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    n = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: ${n} pairings, median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms over ${runs} runs`,
  );
}

console.log(`period ${period.cycleId} ${period.semester.academicYear}-${period.semester.term}`);
await time('city evaluate', async () => (await evaluatePairings(city, { period, today }, db)).pairings.length);
await time('city dashboard', async () => (await loadDashboard(city, {}, db, today)).rows.length);
await time('county evaluate', async () => (await evaluatePairings(countyAdmin, { period, today }, db)).pairings.length);
await time('one pairing', async () => (await evaluatePairings(city, { period, today, pairingIds: [pairing!.id] }, db)).pairings.length);
await db.$disconnect();
