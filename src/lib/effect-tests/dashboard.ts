import 'server-only';
import { cache } from 'react';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { scopeRuleFor, type Actor } from '@/lib/authz';
import { addDays, localDate } from '@/lib/cycles/periods';
import { allPeriods, cityTimeZone, evaluatePairings, listCycles, resolvePeriod, riskScore, type Evaluation, type PairingEffects } from './evaluate';
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
    cityWide ? db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }) : Promise.resolve([]),
    cityTimeZone(db),
  ]);
  const periods = allPeriods(cycles);
  const period = resolvePeriod(cycles, f.period, localDate(now, timeZone));
  if (!period) return { evaluation: null, rows: [], periods, counties };
  const where: Prisma.PairingWhereInput[] = [];
  // Only the city chooses a county; a county admin's scope is their county already.
  if (cityWide && f.county) where.push({ OR: [{ supporting: { countyId: f.county } }, { assisted: { countyId: f.county } }] });
  if (f.q) where.push({ OR: [{ supporting: { name: { contains: f.q, mode: 'insensitive' } } }, { assisted: { name: { contains: f.q, mode: 'insensitive' } } }] });
  const evaluation = await evaluatePairings(actor, { period, today: now, where: { AND: where } }, db);
  let rows = evaluation.pairings.filter((p) => matches(p, f));
  if (f.sort !== 'name') rows = [...rows].sort((a, b) => riskScore(b) - riskScore(a));
  return { evaluation, rows, periods, counties };
}

/** Once per request, shared by the page's cards (each in its own Suspense). */
export const loadDashboardCached = cache(async (actor: Actor, key: string, db: Db) => loadDashboard(actor, JSON.parse(key), db));

export const TREND_CATEGORIES = ['SEND', 'OBSERVATION', 'LECTURE', 'FOLLOW_UP', 'OTHER'] as const;

/** Completed activities per local month and category for the given pairings, in one GROUP BY. */
export async function activityTrend(ev: Evaluation, pairingIds: string[], db: Db) {
  if (pairingIds.length === 0) return [];
  const tz = ev.timeZone;
  const from = ev.period.semester.startsOn;
  const to = addDays(ev.period.semester.endsOn, 1);
  return db.$queryRaw<{ month: string; category: (typeof TREND_CATEGORIES)[number]; n: number }[]>`
    SELECT to_char(a."startsAt" AT TIME ZONE ${tz}, 'YYYY-MM') AS month,
      CASE WHEN a.type::text IN ('SENT_DEMONSTRATION','SENT_LECTURE','SENT_RESEARCH') THEN 'SEND'
           WHEN a.type = 'DAILY_OBSERVATION' THEN 'OBSERVATION'
           WHEN a.type = 'SPECIAL_LECTURE' THEN 'LECTURE'
           WHEN a.type = 'FOLLOW_UP_STUDY' THEN 'FOLLOW_UP' ELSE 'OTHER' END AS category,
      COUNT(*)::int AS n
    FROM "Activity" a
    WHERE a."pairingId" = ANY(${pairingIds}::text[]) AND a.status = 'DONE' AND a.confirmation <> 'DISPUTED'
      AND a."startsAt" >= (${from}::date::timestamp AT TIME ZONE ${tz}) AND a."startsAt" < (${to}::date::timestamp AT TIME ZONE ${tz})
    GROUP BY 1, 2 ORDER BY 1`;
}
