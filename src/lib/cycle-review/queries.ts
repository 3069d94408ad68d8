import 'server-only';
/** What the cycle review pages read (decision 026): every read checks scope with authz.ts. */
import { db as defaultDb, type Db } from '@/lib/db';
import {
  canReadCycleSummary,
  can,
  cycleSummaryWhere,
  hasPermission,
  inspectionWhere,
  isCycleSummaryOffice,
  PAIRING_SCOPE,
  pairingCountyScope,
  pairingResource,
  pairingWhere,
  rectificationWhere,
  scopeRuleFor,
  spotCheckWhere,
  type Actor,
} from '@/lib/authz';
import { getCycle, listCycles, type CycleRow } from '@/lib/cycles/queries';
import { isOverdue } from '@/lib/rectifications/rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityToday } from '@/lib/time/today';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { isRecordId } from '@/lib/schema-fields';
import { adviceFor, pairingHistories, type PairingAdvice } from './advice';
import { mayConfirmMeasurement, mayRecordMeasurement } from './access';
import { comparisonRows, type AdviceKind, type AdviceReason, type Figures, type Standard } from './rules';
import { computeSummary, rollup, totalsBy, type SummaryContent } from './summary';

/** The dates a measurement may take, for the form's hints and the command's rule. */
export function cycleDates(cycle: CycleRow) {
  const first = cycle.semesters[0];
  const last = cycle.semesters[cycle.semesters.length - 1];
  if (!first || !last || !cycle.startsOn || !cycle.endsOn) return null;
  return { startsOn: cycle.startsOn, endsOn: cycle.endsOn, firstSemesterEndsOn: first.endsOn, lastSemesterStartsOn: last.startsOn };
}

export type MeasurementView = {
  id: string;
  kind: 'BASELINE' | 'END';
  measuredOn: IsoDate;
  figures: Figures;
  standard: Standard;
  recordedBy: string;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  version: number;
  canConfirm: boolean;
};

/** A pairing's cycle review, or null when the pairing is outside the actor's scope. */
export async function getPairingReview(actor: Actor, pairingId: string, db: Db = defaultDb, now = new Date()) {
  if (!isRecordId(pairingId)) return null;
  const p = await db.pairing.findUnique({
    where: { id: pairingId },
    select: { ...PAIRING_SCOPE, cycleId: true, startsOn: true, endsOn: true },
  });
  if (!p || !can(actor, 'cycleReview.view', pairingResource(p))) return null;
  const cycle = (await getCycle(p.cycleId, db))!;
  const today = await cityToday(db, now);
  const [histories, totals, inspections, rectifications, verdicts, measurements] = await Promise.all([
    pairingHistories(db, [p.id], cycle),
    totalsBy(db, { cycleId: p.cycleId, pairingId: p.id }),
    db.inspection.findMany({
      where: { AND: [inspectionWhere(actor), { pairingId: p.id, status: 'RECORDED' }] },
      orderBy: [{ inspectedOn: 'asc' }, { recordedAt: 'asc' }],
      select: { id: true, inspectedOn: true, grade: true, announced: true },
    }),
    db.rectification.findMany({
      where: { AND: [rectificationWhere(actor), { pairingId: p.id }] },
      orderBy: { deadline: 'asc' },
      select: { id: true, requirement: true, deadline: true, status: true, kindergarten: { select: { name: true } } },
    }),
    // Spot checks are the bureau's tool (spotCheck.manage); directors see no verdict counts.
    hasPermission(actor, 'spotCheck.manage')
      ? db.spotCheckItem.groupBy({
          by: ['verdict'],
          where: { activity: { pairingId: p.id }, spotCheck: spotCheckWhere(actor), verdict: { not: null } },
          _count: { _all: true },
        })
      : null,
    db.cycleMeasurement.findMany({
      where: { pairingId: p.id },
      select: {
        id: true,
        kind: true,
        measuredOn: true,
        figures: true,
        standard: true,
        recordedById: true,
        recordedBy: { select: { name: true } },
        confirmedBy: { select: { name: true } },
        confirmedAt: true,
        version: true,
      },
    }),
  ]);
  const view = (kind: 'BASELINE' | 'END'): MeasurementView | null => {
    const m = measurements.find((x) => x.kind === kind);
    if (!m) return null;
    return {
      id: m.id,
      kind,
      measuredOn: isoOf(m.measuredOn),
      figures: m.figures as Figures,
      standard: m.standard as Standard,
      recordedBy: m.recordedBy.name,
      confirmedBy: m.confirmedBy?.name ?? null,
      confirmedAt: m.confirmedAt,
      version: m.version,
      canConfirm: mayConfirmMeasurement(actor, p, m),
    };
  };
  const baseline = view('BASELINE');
  const end = view('END');
  const n = (v: 'VERIFIED' | 'QUESTIONED') => verdicts?.find((r) => r.verdict === v)?._count._all ?? 0;
  const t = totals.get(null)!;
  return {
    pairing: p,
    cycle,
    today,
    dates: cycleDates(cycle),
    history: histories.get(p.id) ?? [],
    totals: t,
    confirmedShare: t.done > 0 ? t.confirmed / t.done : null,
    spotChecks: verdicts ? { verified: n('VERIFIED'), questioned: n('QUESTIONED'), checked: n('VERIFIED') + n('QUESTIONED') } : null,
    inspections: inspections.map((i) => ({ ...i, inspectedOn: isoOf(i.inspectedOn) })),
    rectifications: rectifications.map((r) => ({
      ...r,
      deadline: isoOf(r.deadline),
      overdue: isOverdue(r.status, isoOf(r.deadline), today),
    })),
    baseline,
    end,
    comparison: comparisonRows(baseline, end),
    canRecord: mayRecordMeasurement(actor, p),
  };
}
export type PairingReview = NonNullable<Awaited<ReturnType<typeof getPairingReview>>>;

export type RolloverAdviceRow = PairingAdvice & {
  stored: {
    advice: AdviceKind;
    reasons: AdviceReason[];
    computedAt: Date;
    decision: AdviceKind | null;
    decisionNote: string;
    decidedAt: Date | null;
    decidedBy: { name: string } | null;
    version: number;
  } | null;
};

/**
 * The advice for the rollover screen's pairings (already in the actor's rollover scope): computed now,
 * with the advice and decision kept when the county admin decided.
 */
export async function getRolloverAdvice(
  actor: Actor & { regionId?: string | null },
  cycle: CycleRow,
  pairings: { id: string; assistedId: string }[],
  db: Db = defaultDb,
  now = new Date(),
) {
  if (!hasPermission(actor, 'pairing.rollover') || pairings.length === 0) return new Map<string, RolloverAdviceRow>();
  const today = await cityToday(db, now);
  const [computed, stored] = await Promise.all([
    adviceFor(db, actor, pairings, cycle, today),
    db.rolloverAdvice.findMany({
      where: { pairingId: { in: pairings.map((p) => p.id) } },
      select: {
        pairingId: true,
        advice: true,
        reasons: true,
        computedAt: true,
        decision: true,
        decisionNote: true,
        decidedAt: true,
        decidedBy: { select: { name: true } },
        version: true,
      },
    }),
  ]);
  return new Map<string, RolloverAdviceRow>(
    pairings.map((p) => {
      const s = stored.find((x) => x.pairingId === p.id);
      return [
        p.id,
        {
          ...computed.get(p.id)!,
          stored: s
            ? { ...s, reasons: s.reasons as AdviceReason[], advice: s.advice as AdviceKind, decision: s.decision as AdviceKind | null }
            : null,
        },
      ] as const;
    }),
  );
}

/** The counties whose roll-up the actor reads (the city all, a county admin their own), or null: none. */
async function rollupCounties(actor: Actor, db: Db) {
  const scope = pairingCountyScope(actor, 'cycleReview.view');
  if (!scope) return null;
  return db.region.findMany({
    where: { kind: 'COUNTY', ...('countyId' in scope ? { id: scope.countyId } : {}) },
    orderBy: { code: 'asc' },
    select: { id: true, name: true, nameEn: true },
  });
}

/**
 * The cycle's before/after and totals per county and overall, for the bureau; with one county chosen
 * (a county admin's own always), its pairings too. Null outside scope.
 */
export async function getCycleRollup(actor: Actor, cycleId: string, countyParam: string | undefined, db: Db = defaultDb) {
  if (!isRecordId(cycleId)) return null;
  const scope = pairingCountyScope(actor, 'cycleReview.view');
  const [counties, cycle] = await Promise.all([rollupCounties(actor, db), getCycle(cycleId, db)]);
  if (!counties || !cycle) return null;
  const chosen = counties.length === 1 ? counties[0] : (counties.find((c) => c.id === countyParam) ?? null);
  const [rows, pairings] = await Promise.all([
    rollup(
      db,
      cycle.id,
      counties.map((c) => c.id),
    ),
    chosen
      ? db.pairing.findMany({
          where: { cycleId: cycle.id, assisted: { countyId: chosen.id } },
          orderBy: [{ supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
          select: {
            id: true,
            supporting: { select: { name: true } },
            assisted: { select: { name: true } },
            measurements: { select: { kind: true, confirmedAt: true } },
          },
        })
      : [],
  ]);
  return { cycle, counties, chosen, rows, pairings, isCity: !!scope && 'city' in scope };
}

/** "city" or a county's id → the summary's county (null for the city); undefined when no such scope. */
async function scopeOf(db: Db, scope: string): Promise<{ countyId: string | null; name: string; nameEn: string | null } | undefined> {
  if (scope === 'city') {
    const city = await db.region.findFirst({
      where: { kind: 'CITY' },
      orderBy: { createdAt: 'asc' },
      select: { name: true, nameEn: true },
    });
    return { countyId: null, name: city?.name ?? '', nameEn: city?.nameEn ?? null };
  }
  if (!isRecordId(scope)) return undefined;
  const county = await db.region.findFirst({ where: { id: scope, kind: 'COUNTY' }, select: { id: true, name: true, nameEn: true } });
  return county ? { countyId: county.id, name: county.name, nameEn: county.nameEn } : undefined;
}

/** A cycle summary: the stored one once published, the live figures before; null when the actor may not read it. */
export async function getSummary(actor: Actor, cycleId: string, scope: string, db: Db = defaultDb, now = new Date()) {
  if (!isRecordId(cycleId)) return null;
  const [cycle, where] = await Promise.all([getCycle(cycleId, db), scopeOf(db, scope)]);
  if (!cycle || !where) return null;
  const row = await db.cycleSummary.findUnique({
    where: { cycleId_scopeKey: { cycleId, scopeKey: scope } },
    select: { id: true, body: true, generated: true, publishedAt: true, version: true, updatedAt: true },
  });
  if (!canReadCycleSummary(actor, { countyId: where.countyId, published: !!row?.publishedAt })) return null;
  const content: SummaryContent = row?.publishedAt
    ? (row.generated as SummaryContent)
    : await computeSummary(db, cycleId, where.countyId, await cityTimeZone(db), now);
  const office = isCycleSummaryOffice(actor, where.countyId);
  return {
    cycle,
    scope,
    countyId: where.countyId,
    name: where.name,
    nameEn: where.nameEn,
    row,
    content,
    canEdit: office && !row?.publishedAt,
  };
}

export type SummaryEntry = {
  scope: string;
  name: string;
  nameEn: string | null;
  status: 'none' | 'draft' | 'published';
  publishedAt: Date | null;
};

/** The summaries of each cycle the actor may open: the office's own in any state, published ones in scope. */
export async function listSummaries(actor: Actor, db: Db = defaultDb): Promise<Map<string, SummaryEntry[]>> {
  const [rows, counties, city] = await Promise.all([
    db.cycleSummary.findMany({
      where: cycleSummaryWhere(actor),
      select: { cycleId: true, scopeKey: true, countyId: true, publishedAt: true },
    }),
    db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    db.region.findFirst({ where: { kind: 'CITY' }, orderBy: { createdAt: 'asc' }, select: { name: true, nameEn: true } }),
  ]);
  const scopes = [
    { key: 'city', countyId: null as string | null, name: city?.name ?? '', nameEn: city?.nameEn ?? null },
    ...counties.map((c) => ({ key: c.id, countyId: c.id, name: c.name, nameEn: c.nameEn })),
  ];
  const cycles = await listCycles(db);
  return new Map(
    cycles.map((c) => [
      c.id,
      scopes.flatMap((s): SummaryEntry[] => {
        const row = rows.find((r) => r.cycleId === c.id && r.scopeKey === s.key);
        // Before anything is saved, the city sees every scope and a county its own (to start it).
        const seesEmpty = scopeRuleFor(actor, 'cycleSummary.manage') === 'city' || isCycleSummaryOffice(actor, s.countyId);
        if (!row && !seesEmpty) return [];
        if (row && !canReadCycleSummary(actor, { countyId: s.countyId, published: !!row.publishedAt })) return [];
        return [
          {
            scope: s.key,
            name: s.name,
            nameEn: s.nameEn,
            status: row ? (row.publishedAt ? 'published' : 'draft') : 'none',
            publishedAt: row?.publishedAt ?? null,
          },
        ];
      }),
    ]),
  );
}

/** The cycle review's landing page: each cycle, the roll-up when the actor has one, the pairings a director reviews. */
export async function getReviewIndex(actor: Actor, db: Db = defaultDb) {
  const [cycles, summaries, pairings] = await Promise.all([
    listCycles(db),
    listSummaries(actor, db),
    // Directors open their pairings' reviews from here; the bureau goes through the roll-up.
    pairingCountyScope(actor, 'cycleReview.view') || !hasPermission(actor, 'cycleReview.view')
      ? []
      : db.pairing.findMany({
          where: pairingWhere(actor, 'cycleReview.view'),
          orderBy: { startsOn: 'asc' },
          select: {
            id: true,
            cycleId: true,
            assistedId: true,
            supporting: { select: { name: true } },
            assisted: { select: { name: true } },
            // What the to-do "measurements to confirm" counts (todos/queries.ts), so the list shows where.
            _count: { select: { measurements: { where: { confirmedAt: null, recordedById: { not: actor.id } } } } },
          },
        }),
  ]);
  const hasRollup = pairingCountyScope(actor, 'cycleReview.view') != null;
  const confirms = actor.kindergartenId != null && hasPermission(actor, 'measurement.confirm');
  return [...cycles].reverse().map((c) => ({
    cycle: c,
    hasRollup,
    summaries: summaries.get(c.id) ?? [],
    pairings: pairings
      .filter((p) => p.cycleId === c.id)
      .map(({ _count, assistedId, ...p }) => ({
        ...p,
        toConfirm: confirms && assistedId === actor.kindergartenId ? _count.measurements : 0,
      })),
  }));
}
