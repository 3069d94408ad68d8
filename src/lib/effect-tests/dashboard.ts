import 'server-only';
import { cache } from 'react';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { scopeRuleFor, type Actor } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { activityMonthRows, TREND_CATEGORIES, type TrendPoint } from './facts';
import { allPeriods, evaluatePairings, resolvePeriod, riskScore, type Evaluation, type PairingEffects } from './evaluate';
import { listCycles } from '@/lib/cycles/queries';
import type { DashboardFilters } from './filters';

export type DashboardData = {
  evaluation: Evaluation | null;
  rows: PairingEffects[];
  periods: ReturnType<typeof allPeriods>;
  counties: { id: string; name: string; nameEn: string | null }[];
};

function matches(p: PairingEffects, f: DashboardFilters) {
  if (!f.status) return true;
  const results = f.test ? [p.results[f.test]] : Object.values(p.results);
  return results.some((r) => r.status === f.status);
}

/** The pairings in the actor's scope with their results, filtered and sorted as the page asks. */
export async function loadDashboard(actor: Actor, f: DashboardFilters, db: Db, now = new Date()): Promise<DashboardData> {
  const cityWide = scopeRuleFor(actor, 'effectTests.view') === 'city';
  const [cycles, counties, timeZone] = await Promise.all([
    listCycles(db),
    cityWide
      ? db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } })
      : Promise.resolve([]),
    cityTimeZone(db),
  ]);
  const periods = allPeriods(cycles);
  const period = resolvePeriod(cycles, f.period, localDate(now, timeZone));
  if (!period) return { evaluation: null, rows: [], periods, counties };
  const where: Prisma.PairingWhereInput[] = [];
  // Only the city chooses a county; a county admin's scope is their county already.
  if (cityWide && f.county) where.push({ OR: [{ supporting: { countyId: f.county } }, { assisted: { countyId: f.county } }] });
  if (f.q)
    where.push({
      OR: [
        { supporting: { name: { contains: f.q, mode: 'insensitive' } } },
        { assisted: { name: { contains: f.q, mode: 'insensitive' } } },
      ],
    });
  const evaluation = await evaluatePairings(actor, { period, today: now, where: { AND: where } }, db);
  let rows = evaluation.pairings.filter((p) => matches(p, f));
  if (f.sort !== 'name') {
    const score = new Map(rows.map((p) => [p.id, riskScore(p)]));
    rows = [...rows].sort((a, b) => score.get(b.id)! - score.get(a.id)!);
  }
  return { evaluation, rows, periods, counties };
}

/** Once per request, shared by the page's cards (each in its own Suspense). */
export const loadDashboardCached = cache(async (actor: Actor, key: string, db: Db) => loadDashboard(actor, JSON.parse(key), db));

/**
 * Completed, undisputed activities per local month and category for some of the evaluated pairings
 * over the semester (each pairing's part of it), summed from the monthly rollup in one query. For
 * all of them, the evaluation has it already (Evaluation.trend).
 */
export async function activityTrend(ev: Evaluation, pairingIds: string[], db: Db): Promise<TrendPoint[]> {
  if (pairingIds.length === 0) return [];
  const wanted = new Set(pairingIds);
  const windows = ev.pairings.flatMap((p) => (wanted.has(p.id) && p.results.S1.window ? [{ pid: p.id, window: p.results.S1.window }] : []));
  if (windows.length === 0) return [];
  const rows = await db.$queryRaw<({ month: string } & Record<(typeof TREND_CATEGORIES)[number], number>)[]>`
    SELECT to_char(r.month, 'YYYY-MM') AS month, SUM(r."trendSend")::int AS "SEND", SUM(r."trendObservation")::int AS "OBSERVATION",
      SUM(r."trendLecture")::int AS "LECTURE", SUM(r."trendFollowUp")::int AS "FOLLOW_UP", SUM(r."trendOther")::int AS "OTHER"
    FROM (${activityMonthRows(windows, ev.timeZone)}) r
    GROUP BY 1 ORDER BY 1`;
  return rows.flatMap((r) => TREND_CATEGORIES.filter((c) => r[c] > 0).map((category) => ({ month: r.month, category, n: r[category] })));
}
