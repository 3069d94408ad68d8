import 'server-only';
import { cache } from 'react';
import { topByScore } from './order';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { scopeRuleFor, type Actor } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { activityMonthRows, TREND_CATEGORIES, type TrendPoint } from './facts';
import { allPeriods, evaluatePairings, resolvePeriod, riskScore, TEST_IDS, type Evaluation, type PairingEffects } from './evaluate';
import type { TestId } from './rules';
import { listCycles } from '@/lib/cycles/queries';
import type { DashboardFilters } from './filters';

export type DashboardData = {
  evaluation: Evaluation | null;
  /** The pairings the filters keep, in the order asked for (worst first unless by name). */
  rows: readonly PairingEffects[];
  /** Per test, how many of `rows` missed it and how many are at risk. */
  byTest: Record<TestId, { missed: number; atRisk: number }>;
  /** The ten of `rows` with most problems, worst first. */
  worst: readonly PairingEffects[];
  periods: ReturnType<typeof allPeriods>;
  counties: { id: string; name: string; nameEn: string | null }[];
};

type Derived = Pick<DashboardData, 'rows' | 'byTest' | 'worst'>;

/**
 * What the page derives from an evaluation (filtered, sorted, counted), kept beside a remembered
 * one (memo.ts): at province scale sorting and counting 25,000 pairings on every view cost more
 * than reading them. Keyed by the evaluation object, so it goes when the evaluation does.
 */
const derivedFrom = new WeakMap<Evaluation, Map<string, Derived>>();

function derive(evaluation: Evaluation, f: DashboardFilters): Derived {
  const key = JSON.stringify([f.status ?? null, f.test ?? null, f.sort ?? null]);
  let byKey = derivedFrom.get(evaluation);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const t0 = performance.now();
  // Each row's score once, beside it (a Map looked up in the comparator cost most of the sort).
  const scored = evaluation.pairings.filter((p) => matches(p, f)).map((p) => ({ p, score: riskScore(p) }));
  // Worst first; a stable sort keeps the evaluation's order (names) among equals.
  const byScore = f.sort === 'name' ? null : scored.sort((a, b) => b.score - a.score);
  const rows = (byScore ?? scored).map((x) => x.p);
  const byTest = emptyByTest();
  for (const p of rows)
    for (const id of TEST_IDS) {
      const status = p.results[id].status;
      if (status === 'MISSED') byTest[id].missed++;
      else if (status === 'AT_RISK') byTest[id].atRisk++;
    }
  const worst = (byScore ?? topByScore(scored, 10))
    .filter((x) => x.score > 0)
    .slice(0, 10)
    .map((x) => x.p);
  const derived = Object.freeze({ rows: Object.freeze(rows), byTest, worst: Object.freeze(worst) });
  if (process.env.EFFECT_TESTS_TIMING) console.log(`  derived (${rows.length} rows): ${(performance.now() - t0).toFixed(0)} ms`);
  if (!byKey) derivedFrom.set(evaluation, (byKey = new Map()));
  byKey.set(key, derived);
  return derived;
}

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
  if (!period) return { evaluation: null, rows: [], byTest: emptyByTest(), worst: [], periods, counties };
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
  return { evaluation, ...derive(evaluation, f), periods, counties };
}

const emptyByTest = () => Object.fromEntries(TEST_IDS.map((id) => [id, { missed: 0, atRisk: 0 }])) as DashboardData['byTest'];

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
