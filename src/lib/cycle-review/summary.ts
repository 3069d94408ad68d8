import 'server-only';
/**
 * The roll-up of a cycle per county and for the city, and the generated part of a cycle summary. All
 * sums and averages run in SQL (grouping sets give each county and the total in one pass). A pairing
 * counts in its assisted kindergarten's county; before/after compares only pairings whose baseline and
 * end measurements are both confirmed (decision 026).
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db';
import { cityToday } from '@/lib/time/today';
import type { IsoDate } from '@/lib/time/date-only';
import type { MeasureAverages } from './rules';

export type Totals = {
  pairings: number;
  done: number;
  confirmed: number;
  hours: number;
  donations: number;
  donationValue: number;
  mentoringSessions: number;
};
export type CountyRollup = { countyId: string | null; totals: Totals; before: MeasureAverages | null; after: MeasureAverages | null };

/** A filter on the pairings: the cycle, optionally one county (assisted side) or one pairing. */
type Filter = { cycleId: string; countyId?: string | null; pairingId?: string | null };
const where = (f: Filter) => Prisma.sql`p."cycleId" = ${f.cycleId}
  AND (${f.countyId ?? null}::text IS NULL OR k."countyId" = ${f.countyId ?? null})
  AND (${f.pairingId ?? null}::text IS NULL OR p.id = ${f.pairingId ?? null})`;
/** Done records that count: not a late correction held or refused (decision 020). */
const counted = Prisma.sql`a.status = 'DONE' AND (a."lateCorrection" IS NULL OR a."lateCorrection" = 'APPROVED')`;

type Keyed = { countyId: string | null; total: number };

/** Totals per county (assisted side) and over all of them (countyId null). */
export async function totalsBy(db: Db | Tx, f: Filter): Promise<Map<string | null, Totals>> {
  const [acts, values, sessions] = await Promise.all([
    db.$queryRaw<(Keyed & { pairings: number; done: number; confirmed: number; hours: number; donations: number })[]>`
      SELECT k."countyId", GROUPING(k."countyId")::int AS total, COUNT(DISTINCT p.id)::int AS pairings,
        COUNT(a.id)::int AS done, COUNT(a.id) FILTER (WHERE a.confirmation = 'CONFIRMED')::int AS confirmed,
        COALESCE(SUM(a."classHours"), 0)::float8 AS hours, COUNT(a.id) FILTER (WHERE a.type = 'DONATION')::int AS donations
      FROM "Pairing" p JOIN "Kindergarten" k ON k.id = p."assistedId"
      LEFT JOIN "Activity" a ON a."pairingId" = p.id AND ${counted}
      WHERE ${where(f)}
      GROUP BY GROUPING SETS ((k."countyId"), ())`,
    db.$queryRaw<(Keyed & { value: number })[]>`
      SELECT k."countyId", GROUPING(k."countyId")::int AS total, COALESCE(SUM(l."estimatedValue"), 0)::float8 AS value
      FROM "DonationLine" l JOIN "Activity" a ON a.id = l."activityId" JOIN "Pairing" p ON p.id = a."pairingId"
      JOIN "Kindergarten" k ON k.id = p."assistedId"
      WHERE ${where(f)} AND ${counted} AND a.type = 'DONATION'
      GROUP BY GROUPING SETS ((k."countyId"), ())`,
    db.$queryRaw<(Keyed & { sessions: number })[]>`
      SELECT k."countyId", GROUPING(k."countyId")::int AS total, COUNT(s.id)::int AS sessions
      FROM "MentorSession" s JOIN "MentorPair" mp ON mp.id = s."mentorPairId" JOIN "Pairing" p ON p.id = mp."pairingId"
      JOIN "Kindergarten" k ON k.id = p."assistedId"
      WHERE ${where(f)}
      GROUP BY GROUPING SETS ((k."countyId"), ())`,
  ]);
  const key = (r: Keyed) => (r.total ? null : r.countyId);
  const out = new Map<string | null, Totals>();
  const empty = (): Totals => ({ pairings: 0, done: 0, confirmed: 0, hours: 0, donations: 0, donationValue: 0, mentoringSessions: 0 });
  const at = (k: string | null) => out.get(k) ?? (out.set(k, empty()), out.get(k)!);
  // With no row at all, the empty grouping set still answers: the total exists.
  at(null);
  for (const r of acts)
    Object.assign(at(key(r)), {
      pairings: r.pairings,
      done: r.done,
      confirmed: r.confirmed,
      hours: Math.round(Number(r.hours) * 10) / 10,
      donations: r.donations,
    });
  for (const r of values) at(key(r)).donationValue = Math.round(Number(r.value) * 100) / 100;
  for (const r of sessions) at(key(r)).mentoringSessions = r.sessions;
  return out;
}

/** Averages of the confirmed baseline and end measurements per county and overall, over the pairings with both. */
export async function measuresBy(
  db: Db | Tx,
  f: Filter,
): Promise<Map<string | null, { before: MeasureAverages | null; after: MeasureAverages | null }>> {
  const rows = await db.$queryRaw<(Keyed & { kind: 'BASELINE' | 'END' } & MeasureAverages)[]>`
    WITH compared AS (
      SELECT p.id, k."countyId" FROM "Pairing" p JOIN "Kindergarten" k ON k.id = p."assistedId"
      WHERE ${where(f)}
        AND EXISTS (SELECT 1 FROM "CycleMeasurement" b WHERE b."pairingId" = p.id AND b.kind = 'BASELINE' AND b."confirmedAt" IS NOT NULL)
        AND EXISTS (SELECT 1 FROM "CycleMeasurement" e WHERE e."pairingId" = p.id AND e.kind = 'END' AND e."confirmedAt" IS NOT NULL)
    )
    SELECT c."countyId", GROUPING(c."countyId")::int AS total, m.kind::text AS kind, COUNT(*)::int AS n,
      AVG((m.figures->>'staffingRatio')::float8) AS staffing,
      AVG((m.figures->>'excellentRate')::float8) AS excellent,
      AVG((m.figures->>'passRate')::float8) AS pass,
      AVG(CASE WHEN (m.figures->>'testsJudged')::int > 0 THEN (m.figures->>'testsMet')::float8 / (m.figures->>'testsJudged')::float8 END) AS tests,
      COALESCE(SUM((SELECT COUNT(*) FROM jsonb_each(m.standard) e WHERE e.value->>'result' = 'MEETS')), 0)::int AS meets,
      COALESCE(SUM((SELECT COUNT(*) FROM jsonb_each(m.standard) e WHERE e.value->>'result' IN ('MEETS', 'PARTLY', 'FAILS'))), 0)::int AS applicable,
      COUNT(*) FILTER (WHERE m.figures->>'inspectionGrade' IN ('EXCELLENT', 'GOOD'))::int AS good,
      COUNT(*) FILTER (WHERE m.figures->>'inspectionGrade' IS NOT NULL)::int AS graded
    FROM compared c JOIN "CycleMeasurement" m ON m."pairingId" = c.id
    GROUP BY GROUPING SETS ((c."countyId", m.kind), (m.kind))`;
  const out = new Map<string | null, { before: MeasureAverages | null; after: MeasureAverages | null }>();
  for (const r of rows) {
    const k = r.total ? null : r.countyId;
    const entry = out.get(k) ?? { before: null, after: null };
    const avg: MeasureAverages = {
      n: r.n,
      staffing: r.staffing == null ? null : Number(r.staffing),
      excellent: r.excellent == null ? null : Number(r.excellent),
      pass: r.pass == null ? null : Number(r.pass),
      tests: r.tests == null ? null : Number(r.tests),
      meets: r.meets,
      applicable: r.applicable,
      good: r.good,
      graded: r.graded,
    };
    if (r.kind === 'BASELINE') entry.before = avg;
    else entry.after = avg;
    out.set(k, entry);
  }
  return out;
}

/** The roll-up of a cycle: each county in `countyIds` and their total (countyId null). */
export async function rollup(db: Db | Tx, cycleId: string, countyIds: string[] | 'all'): Promise<CountyRollup[]> {
  const one = countyIds !== 'all' && countyIds.length === 1 ? countyIds[0] : null;
  const [totals, measures] = await Promise.all([totalsBy(db, { cycleId, countyId: one }), measuresBy(db, { cycleId, countyId: one })]);
  const ids = countyIds === 'all' ? [...totals.keys()].filter((k): k is string => k !== null) : countyIds;
  const zero: Totals = { pairings: 0, done: 0, confirmed: 0, hours: 0, donations: 0, donationValue: 0, mentoringSessions: 0 };
  return [...ids, null].map((countyId) => ({
    countyId,
    totals: totals.get(countyId) ?? zero,
    before: measures.get(countyId)?.before ?? null,
    after: measures.get(countyId)?.after ?? null,
  }));
}

export type SummaryExample = {
  id: string;
  title: string;
  type: string;
  date: IsoDate;
  supporting: string;
  assisted: string;
  evidence: number;
};
export type SummaryCommendation = { category: string; name: string };

export type SummaryContent = {
  asOf: IsoDate;
  cycle: { name: string; startYear: number };
  /** The county's id, or null for the city. */
  countyId: string | null;
  scopeName: string;
  totals: Totals;
  before: MeasureAverages | null;
  after: MeasureAverages | null;
  /** The city's summary: each county's line. */
  counties: { name: string; totals: Totals; before: MeasureAverages | null; after: MeasureAverages | null }[];
  commendations: SummaryCommendation[];
  examples: SummaryExample[];
};

/** The best records as examples: done, confirmed by the other side, all four parts written, most evidence first. */
async function examples(db: Db | Tx, cycleId: string, countyId: string | null, timeZone: string): Promise<SummaryExample[]> {
  const rows = await db.$queryRaw<
    { id: string; title: string; type: string; date: string; supporting: string; assisted: string; evidence: number }[]
  >`
    SELECT a.id, a.title, a.type::text AS type, to_char((a."startsAt" AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS date,
      s.name AS supporting, k.name AS assisted,
      (SELECT COUNT(*) FROM "EvidenceFile" e WHERE e."activityId" = a.id AND e."deletedAt" IS NULL)::int AS evidence
    FROM "Activity" a JOIN "Pairing" p ON p.id = a."pairingId"
    JOIN "Kindergarten" k ON k.id = p."assistedId" JOIN "Kindergarten" s ON s.id = p."supportingId"
    WHERE ${where({ cycleId, countyId })} AND ${counted} AND a.confirmation = 'CONFIRMED'
      AND btrim(a.plan) <> '' AND btrim(a.measures) <> '' AND btrim(a.record) <> '' AND btrim(a.summary) <> ''
    ORDER BY evidence DESC, a."startsAt" DESC, a.id
    LIMIT 5`;
  return rows;
}

/** Approved nominations of the cycle's published rounds: the county's own, or all for the city. */
async function commendations(db: Db | Tx, cycleId: string, countyId: string | null): Promise<SummaryCommendation[]> {
  const rows = await db.nomination.findMany({
    where: { status: 'APPROVED', category: { round: { cycleId, status: 'PUBLISHED' } }, ...(countyId ? { countyId } : {}) },
    orderBy: [{ category: { kind: 'asc' } }, { createdAt: 'asc' }],
    select: { pairingId: true, kindergartenId: true, userId: true, category: { select: { name: true } } },
  });
  const ids = (k: 'pairingId' | 'kindergartenId' | 'userId') => rows.flatMap((r) => (r[k] ? [r[k]] : []));
  const [pairings, kgs, users] = await Promise.all([
    db.pairing.findMany({
      where: { id: { in: ids('pairingId') } },
      select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } } },
    }),
    db.kindergarten.findMany({ where: { id: { in: ids('kindergartenId') } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids('userId') } }, select: { id: true, name: true, kindergarten: { select: { name: true } } } }),
  ]);
  const names = new Map<string, string>([
    ...pairings.map((p) => [p.id, `${p.supporting.name} — ${p.assisted.name}`] as const),
    ...kgs.map((k) => [k.id, k.name] as const),
    ...users.map((u) => [u.id, u.kindergarten ? `${u.name}（${u.kindergarten.name}）` : u.name] as const),
  ]);
  return rows.map((r) => ({ category: r.category.name, name: names.get(r.pairingId ?? r.kindergartenId ?? r.userId ?? '') ?? '—' }));
}

/** The generated part of a summary as of `now`: stored when published, shown live before. */
export async function computeSummary(
  db: Db | Tx,
  cycleId: string,
  countyId: string | null,
  timeZone: string,
  now = new Date(),
): Promise<SummaryContent> {
  const cycle = await db.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { name: true, startYear: true } });
  const counties = await db.region.findMany({
    where: { kind: 'COUNTY', ...(countyId ? { id: countyId } : {}) },
    orderBy: { code: 'asc' },
    select: { id: true, name: true },
  });
  const city = countyId
    ? null
    : await db.region.findFirst({ where: { kind: 'CITY' }, orderBy: { createdAt: 'asc' }, select: { name: true } });
  const [rows, commended, best] = await Promise.all([
    rollup(db, cycleId, countyId ? [countyId] : counties.map((c) => c.id)),
    commendations(db, cycleId, countyId),
    examples(db, cycleId, countyId, timeZone),
  ]);
  const total = rows.find((r) => r.countyId === null)!;
  return {
    asOf: await cityToday(db, now),
    cycle,
    countyId,
    scopeName: countyId ? (counties[0]?.name ?? '') : (city?.name ?? ''),
    totals: total.totals,
    before: total.before,
    after: total.after,
    counties: countyId
      ? []
      : counties.map((c) => {
          const r = rows.find((x) => x.countyId === c.id)!;
          return { name: c.name, totals: r.totals, before: r.before, after: r.after };
        }),
    commendations: commended,
    examples: best,
  };
}
