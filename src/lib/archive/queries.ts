import 'server-only';
/**
 * The per-pair archive (帮扶档案) of one academic year: what the page shows, what the index PDF
 * prints and which files go into the zip. Everything obeys the viewer's scope: lessons and papers
 * through the same filters as their own lists, files through their records.
 */
import type { Db } from '@/lib/db';
import { instantToZoned, zonedToInstant } from '@/lib/time/zoned';
import { academicYearOf, dateOnly, type IsoDate } from '@/lib/time/date-only';
import { can, lessonWhere, PAIRING_SCOPE, pairingResource, paperWhere, type Actor } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityTodayDate } from '@/lib/time/today';

/** 1 September of `year` to 1 September of the next, in the city's time zone. */
export function academicYearRange(year: number, timeZone: string) {
  return { from: zonedToInstant(`${year}-09-01`, '00:00', timeZone), to: zonedToInstant(`${year + 1}-09-01`, '00:00', timeZone) };
}

export async function loadArchivePairing(actor: Actor, pairingId: string, db: Db) {
  const p = await db.pairing.findUnique({
    where: { id: pairingId },
    select: { ...PAIRING_SCOPE, cycle: { select: { startYear: true, name: true } } },
  });
  if (!p || !can(actor, 'archive.view', pairingResource(p))) return null;
  return p;
}

export type Completeness = {
  total: number;
  done: number;
  planned: number;
  complete: number;
  missingPlan: number;
  missingMeasures: number;
  missingRecord: number;
  missingSummary: number;
  pending: number;
  confirmed: number;
  disputed: number;
  withEvidence: number;
  completePct: number | null;
  confirmedPct: number | null;
  evidencePct: number | null;
};

/** Counts and percentages computed by PostgreSQL, not by loading activities. */
export async function archiveCompleteness(pairingId: string, year: number, db: Db): Promise<Completeness> {
  const { from, to } = academicYearRange(year, await cityTimeZone(db));
  const [r] = await db.$queryRaw<Completeness[]>`
    WITH a AS (
      SELECT x.status, x.confirmation,
             btrim(x.plan) <> '' AS has_plan, btrim(x.measures) <> '' AS has_measures,
             btrim(x.record) <> '' AS has_record, btrim(x.summary) <> '' AS has_summary,
             EXISTS (SELECT 1 FROM "EvidenceFile" e WHERE e."activityId" = x.id AND e."deletedAt" IS NULL) AS has_evidence
      FROM "Activity" x
      WHERE x."pairingId" = ${pairingId} AND x."startsAt" >= ${from} AND x."startsAt" < ${to} AND x.status <> 'CANCELLED'
        -- A late correction counts once approved (decision 020); held back or rejected, it is listed but not counted.
        AND (x."lateCorrection" IS NULL OR x."lateCorrection" = 'APPROVED')
    ), c AS (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status = 'DONE')::int AS done,
             count(*) FILTER (WHERE status = 'PLANNED')::int AS planned,
             count(*) FILTER (WHERE status = 'DONE' AND has_plan AND has_measures AND has_record AND has_summary)::int AS complete,
             count(*) FILTER (WHERE status = 'DONE' AND NOT has_plan)::int AS "missingPlan",
             count(*) FILTER (WHERE status = 'DONE' AND NOT has_measures)::int AS "missingMeasures",
             count(*) FILTER (WHERE status = 'DONE' AND NOT has_record)::int AS "missingRecord",
             count(*) FILTER (WHERE status = 'DONE' AND NOT has_summary)::int AS "missingSummary",
             count(*) FILTER (WHERE status = 'DONE' AND confirmation = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE status = 'DONE' AND confirmation = 'CONFIRMED')::int AS confirmed,
             count(*) FILTER (WHERE status = 'DONE' AND confirmation = 'DISPUTED')::int AS disputed,
             count(*) FILTER (WHERE status = 'DONE' AND has_evidence)::int AS "withEvidence"
      FROM a
    )
    SELECT c.*,
           round(100.0 * complete / NULLIF(done, 0), 1)::float8 AS "completePct",
           round(100.0 * confirmed / NULLIF(done, 0), 1)::float8 AS "confirmedPct",
           round(100.0 * "withEvidence" / NULLIF(done, 0), 1)::float8 AS "evidencePct"
    FROM c`;
  return r;
}

const PART_KEYS = ['plan', 'measures', 'record', 'summary'] as const;

type PlanWithFiled = Record<'content' | 'goals' | 'methods' | 'steps' | 'personnel' | 'measures' | 'summary', string> & {
  submissions: { kind: 'PLAN' | 'SUMMARY'; number: number; content: unknown }[];
};

/**
 * The archive keeps what the bureau filed (备案): the filed version of the plan and of the summary
 * where there is one; before filing, the text as it stands, marked as not filed (`*Filed` null).
 */
function filedPlan<P extends PlanWithFiled>({ submissions, ...plan }: P) {
  const filed = (kind: 'PLAN' | 'SUMMARY') => submissions.find((s) => s.kind === kind);
  const planV = filed('PLAN');
  const summaryV = filed('SUMMARY');
  return {
    ...plan,
    ...(planV ? (planV.content as Record<string, string>) : {}),
    ...(summaryV ? (summaryV.content as Record<string, string>) : {}),
    planFiled: planV?.number ?? null,
    summaryFiled: summaryV?.number ?? null,
  };
}

/** Everything the page and the index PDF show. `null` outside scope. */
export async function getArchive(actor: Actor, pairingId: string, year: number, db: Db) {
  const p = await loadArchivePairing(actor, pairingId, db);
  if (!p) return null;
  const timeZone = await cityTimeZone(db);
  const { from, to } = academicYearRange(year, timeZone);
  const kgs = [p.supportingId, p.assistedId];
  const yearFrom = dateOnly(`${year}-09-01`);
  const yearTo = dateOnly(`${year + 1}-09-01`);
  const evidenceSelect = {
    where: { deletedAt: null },
    orderBy: [{ kind: 'desc' as const }, { createdAt: 'asc' as const }],
    select: { id: true, kind: true, originalName: true, mimeType: true, storageKey: true, size: true },
  };

  const today = await cityTodayDate(db);
  const [plan, activities, lessons, papers, mentorPairs, programmes, completeness] = await Promise.all([
    db.annualPlan.findUnique({
      where: { pairingId_academicYear: { pairingId, academicYear: year } },
      include: {
        evidence: evidenceSelect,
        submissions: { where: { outcome: 'FILED' }, orderBy: { number: 'desc' }, select: { kind: true, number: true, content: true } },
      },
    }),
    db.activity.findMany({
      where: { pairingId, startsAt: { gte: from, lt: to }, status: { not: 'CANCELLED' } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        title: true,
        type: true,
        status: true,
        direction: true,
        startsAt: true,
        location: true,
        classHours: true,
        confirmation: true,
        plan: true,
        measures: true,
        record: true,
        summary: true,
        outsideExperts: true,
        participants: { select: { user: { select: { name: true, kindergartenId: true } } } },
        donationLines: { orderBy: { position: 'asc' }, select: { item: true, quantity: true, unit: true, estimatedValue: true } },
        receiptConfirmedAt: true,
        lateCorrection: true,
        evidence: evidenceSelect,
      },
    }),
    db.lessonRecord.findMany({
      where: { AND: [lessonWhere(actor, today), { kindergartenId: { in: kgs }, heldOn: { gte: yearFrom, lt: yearTo } }] },
      orderBy: [{ heldOn: 'asc' }],
      select: {
        id: true,
        title: true,
        heldOn: true,
        className: true,
        domain: true,
        rating: true,
        kindergartenId: true,
        teacher: { select: { name: true } },
        evidence: evidenceSelect,
      },
    }),
    db.paper.findMany({
      where: { AND: [paperWhere(actor), { kindergartenId: { in: kgs }, date: { gte: yearFrom, lt: yearTo } }] },
      orderBy: [{ date: 'asc' }],
      select: {
        id: true,
        title: true,
        date: true,
        venue: true,
        level: true,
        kind: true,
        award: true,
        confirmedAt: true,
        author: { select: { name: true } },
        evidence: evidenceSelect,
      },
    }),
    db.mentorPair.findMany({
      where: { pairingId },
      select: {
        id: true,
        goals: true,
        mentor: { select: { name: true } },
        apprentice: { select: { name: true } },
        sessions: { where: { heldOn: { gte: yearFrom, lt: yearTo } }, orderBy: { heldOn: 'asc' }, select: { heldOn: true, topic: true } },
      },
    }),
    db.programme.findMany({
      where: { pairingId, academicYear: year },
      orderBy: [{ kind: 'asc' }],
      // The dated session records are what A3–A5 ask an inspector to see, so they are listed, not counted.
      select: {
        id: true,
        title: true,
        kind: true,
        plan: true,
        results: true,
        records: { orderBy: { heldOn: 'asc' }, select: { id: true, heldOn: true, title: true } },
        evidence: evidenceSelect,
      },
    }),
    archiveCompleteness(pairingId, year, db),
  ]);

  const month = (d: Date) => instantToZoned(d, timeZone).date.slice(0, 7);
  const byMonth = new Map<string, typeof activities>();
  for (const a of activities) byMonth.set(month(a.startsAt), [...(byMonth.get(month(a.startsAt)) ?? []), a]);

  return {
    pairing: {
      id: p.id,
      supporting: p.supporting.name,
      assisted: p.assisted.name,
      supportingId: p.supportingId,
      assistedId: p.assistedId,
      cycle: p.cycle.name,
      cycleStartYear: p.cycle.startYear,
    },
    year,
    timeZone,
    plan: plan && filedPlan(plan),
    activities: activities.map((a) => ({
      ...a,
      classHours: a.classHours == null ? null : Number(a.classHours.toString()),
      month: month(a.startsAt),
      missing: a.status === 'DONE' ? PART_KEYS.filter((k) => !a[k].trim()) : [],
      participants: a.participants.map((x) => ({
        name: x.user.name,
        side: x.user.kindergartenId === p.supportingId ? ('supporting' as const) : ('assisted' as const),
      })),
      donationLines: a.donationLines.map((l) => ({
        item: l.item,
        quantity: Number(l.quantity.toString()),
        unit: l.unit,
        estimatedValue: Number(l.estimatedValue.toString()),
      })),
    })),
    months: [...byMonth.keys()],
    lessons,
    papers,
    mentorPairs,
    programmes,
    completeness,
  };
}
export type Archive = NonNullable<Awaited<ReturnType<typeof getArchive>>>;

/** Academic years offered by the year picker: those of the pairing's cycle. */
export function archiveYears(cycleStartYear: number) {
  return [cycleStartYear, cycleStartYear + 1];
}

export function defaultArchiveYear(cycleStartYear: number, today: IsoDate) {
  const current = academicYearOf(today);
  return Math.min(Math.max(current, cycleStartYear), cycleStartYear + 1);
}
