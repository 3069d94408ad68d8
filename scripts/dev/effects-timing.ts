/**
 * Times evaluatePairings against a database (e.g. the synthetic city of effects-explain.sql):
 *   DATABASE_URL=… npx tsx --conditions=react-server scripts/dev/effects-timing.ts
 */
import { db } from '@/lib/db';
import { evaluatePairings, listCycles, periodOf } from '@/lib/effect-tests/evaluate';

const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
const period = periodOf(cycle, 2025, 'AUTUMN')!;
const today = new Date('2025-12-15T04:00:00Z');
const city = { id: 'x', role: 'CITY_ADMIN' as const, kindergartenId: null, countyId: null };
const county = { id: 'y', role: 'COUNTY_ADMIN' as const, kindergartenId: null, countyId: 'c1' };
const one = { pairingIds: ['p7'] };
for (const [name, actor, extra] of [['city', city, {}], ['county', county, {}], ['one pairing', city, one]] as const) {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < Number(process.env.RUNS ?? 12); i++) {
    const t0 = performance.now();
    const ev = await evaluatePairings(actor, { period, today, ...extra }, db);
    times.push(performance.now() - t0);
    n = ev.pairings.length;
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${n} pairings, median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms over ${times.length} runs`);
}
await db.$disconnect();
