import 'server-only';
import { cache } from 'react';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';
import {
  annualPlanStatusWhere,
  can,
  hasPermission,
  PAIRING_SCOPE,
  pairingResource,
  pairingWhere,
  sideResource,
  type Actor,
} from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { cityToday } from '@/lib/time/today';
import {
  defaultDueDates,
  dueOn,
  isEditable,
  planHandedIn,
  reviewState,
  type DueDates,
  type ReportKind,
  type ReviewState,
  type StoredStatus,
} from './due';

/** The due dates of these academic years: the city's where it set them, else the 31 August default. */
export async function dueDatesFor(db: Db, years: number[]): Promise<Map<number, DueDates>> {
  const rows = years.length ? await db.annualPlanDueDate.findMany({ where: { academicYear: { in: years } } }) : [];
  const map = new Map(years.map((y) => [y, defaultDueDates(y)]));
  for (const r of rows) map.set(r.academicYear, { planDueOn: isoOf(r.planDueOn), summaryDueOn: isoOf(r.summaryDueOn) });
  return map;
}

/** Due dates for the settings page: the years of the cycles on record, custom or default. */
export async function listDueDates(db: Db) {
  const cycles = await db.cycle.findMany({ select: { startYear: true }, orderBy: { startYear: 'desc' } });
  const years = [...new Set(cycles.flatMap((c) => [c.startYear, c.startYear + 1]))].sort((a, b) => b - a);
  const stored = new Map((await db.annualPlanDueDate.findMany()).map((r) => [r.academicYear, r]));
  const dates = await dueDatesFor(db, years);
  return years.map((y) => ({ academicYear: y, ...dates.get(y)!, custom: stored.has(y), version: stored.get(y)?.version ?? null }));
}

export async function getAnnualPlan(actor: Actor, pairingId: string, academicYear: number, db: Db, now = new Date()) {
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return null;
  const plan = await db.annualPlan.findUnique({
    where: { pairingId_academicYear: { pairingId, academicYear } },
    include: {
      planSubmittedBy: { select: { name: true } },
      summarySubmittedBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      submissions: {
        orderBy: [{ kind: 'asc' }, { number: 'desc' }],
        include: { submittedBy: { select: { name: true } }, reviewedBy: { select: { name: true } } },
      },
      comments: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true } } } },
    },
  });
  const [dates, today] = [(await dueDatesFor(db, [academicYear])).get(academicYear)!, await cityToday(db, now)];
  const planStatus = plan?.planStatus ?? 'DRAFT';
  const summaryStatus = plan?.summaryStatus ?? 'DRAFT';
  const resource = pairingResource(pairing);
  const canEdit = can(actor, 'annualPlan.edit', sideResource(pairing, pairing.supportingId));
  return {
    pairing: { id: pairing.id, label: pairingLabel(pairing) },
    plan,
    dueDates: dates,
    state: {
      PLAN: reviewState(planStatus, dates.planDueOn, today),
      SUMMARY: reviewState(summaryStatus, dates.summaryDueOn, today),
    } satisfies Record<ReportKind, ReviewState>,
    planEditable: isEditable(planStatus),
    summaryEditable: planHandedIn(planStatus) && isEditable(summaryStatus),
    canEdit,
    canComment: can(actor, 'annualPlan.comment', resource),
    canReview: can(actor, 'annualPlan.review', resource),
  };
}

export async function listAnnualPlans(actor: Actor, db: Db) {
  return db.annualPlan.findMany({
    where: { pairing: pairingWhere(actor, 'annualPlan.view') },
    select: { pairingId: true, academicYear: true, planStatus: true, summaryStatus: true, planSubmittedAt: true, summarySubmittedAt: true },
  });
}

export type StatusFilters = { year?: number; kind?: ReportKind; state?: ReviewState; countyId?: string };

export type StatusRow = {
  pairingId: string;
  label: string;
  supporting: string;
  assisted: string;
  countyId: string;
  academicYear: number;
  kind: ReportKind;
  dueOn: IsoDate;
  state: ReviewState;
  lastSubmittedAt: Date | null;
};

/**
 * One row per pairing, academic year it reaches and part (plan, summary), with its review state on the
 * city's today. Rows are built for the pairings the filter selects; the list, the counts and the export
 * all come from here (`partsOf`), so they agree.
 */
export async function statusRows(where: Prisma.PairingWhereInput, db: Db, now: Date, filters: StatusFilters = {}): Promise<StatusRow[]> {
  const pairings = await db.pairing.findMany({
    where: { AND: [where, filters.countyId ? { assisted: { countyId: filters.countyId } } : {}] },
    select: {
      ...PAIRING_SCOPE,
      startsOn: true,
      endsOn: true,
      cycle: { select: { semesters: { select: { academicYear: true, startsOn: true, endsOn: true } } } },
      annualPlans: {
        select: { academicYear: true, planStatus: true, summaryStatus: true, planSubmittedAt: true, summarySubmittedAt: true },
      },
    },
    orderBy: [{ supporting: { name: 'asc' } }, { assisted: { name: 'asc' } }],
  });
  const years = [...new Set(pairings.flatMap((p) => p.cycle.semesters.map((s) => s.academicYear)))];
  const [dates, today] = [await dueDatesFor(db, years), await cityToday(db, now)];
  return pairings.flatMap((p) =>
    partsOf(p, academicYears(p.cycle.semesters), p.annualPlans, dates, today, filters).map(
      ({ academicYear, kind, dueOn, state, plan }) => ({
        pairingId: p.id,
        label: pairingLabel(p),
        supporting: p.supporting.name,
        assisted: p.assisted.name,
        countyId: p.assisted.countyId,
        academicYear,
        kind,
        dueOn,
        state,
        lastSubmittedAt: (kind === 'PLAN' ? plan?.planSubmittedAt : plan?.summarySubmittedAt) ?? null,
      }),
    ),
  );
}

type PlanRow = { academicYear: number; planStatus: StoredStatus; summaryStatus: StoredStatus };
type AcademicYear = { academicYear: number; from: IsoDate; to: IsoDate };

/** A cycle's academic years with their first and last days, from its semesters. */
function academicYears(semesters: { academicYear: number; startsOn: Date; endsOn: Date }[]): AcademicYear[] {
  const years = new Map<number, AcademicYear>();
  for (const s of semesters) {
    const [from, to] = [isoOf(s.startsOn), isoOf(s.endsOn)];
    const y = years.get(s.academicYear);
    if (!y) years.set(s.academicYear, { academicYear: s.academicYear, from, to });
    else {
      if (from < y.from) y.from = from;
      if (to > y.to) y.to = to;
    }
  }
  return [...years.values()].sort((a, b) => a.academicYear - b.academicYear);
}

/** The parts (plan, summary) a pairing owes for each academic year of its cycle it reaches, with their states. */
function partsOf<P extends PlanRow>(
  p: { startsOn: Date; endsOn: Date | null },
  years: AcademicYear[],
  plans: P[],
  dates: Map<number, DueDates>,
  today: IsoDate,
  filters: StatusFilters,
) {
  const from = isoOf(p.startsOn);
  const to = p.endsOn ? isoOf(p.endsOn) : null;
  const parts: { academicYear: number; kind: ReportKind; dueOn: IsoDate; state: ReviewState; plan: P | undefined }[] = [];
  for (const { academicYear: y, from: yearFrom, to: yearTo } of years) {
    if (filters.year && y !== filters.year) continue;
    // Years the pairing does not reach (it started later or ended earlier) owe nothing.
    if (yearTo < from || (to && yearFrom > to)) continue;
    const plan = plans.find((a) => a.academicYear === y);
    for (const kind of ['PLAN', 'SUMMARY'] as const) {
      if (filters.kind && kind !== filters.kind) continue;
      const due = dueOn(dates.get(y)!, kind);
      const state = reviewState((kind === 'PLAN' ? plan?.planStatus : plan?.summaryStatus) ?? 'DRAFT', due, today);
      if (filters.state && state !== filters.state) continue;
      parts.push({ academicYear: y, kind, dueOn: due, state, plan });
    }
  }
  return parts;
}

/** The bureau's list (and export) of plan and summary statuses in its scope. */
export async function listAnnualPlanStatus(actor: Actor, filters: StatusFilters, db: Db, now = new Date()) {
  if (!hasPermission(actor, 'annualPlan.status')) return [];
  return statusRows(annualPlanStatusWhere(actor), db, now, filters);
}

/**
 * What waits for a role on its home page: for admins what awaits review and what is overdue in their
 * scope; for directors their pairings' returned and overdue parts.
 */
export async function annualPlanCounts(actor: Actor, db: Db, now = new Date()) {
  if (!hasPermission(actor, 'annualPlan.view')) return null;
  return countsOn(actor, db, await cityToday(db, now));
}

/**
 * The same states as the list (partsOf), from three flat reads: the list's nested, name-sorted read
 * took ~550 ms for a city's 5,000 pairings. Once per request and day (React's cache): a bureau's home
 * shows them on its card and in its to-dos.
 */
const countsOn = cache(async (actor: Actor, db: Db, today: IsoDate) => {
  const where = hasPermission(actor, 'annualPlan.status') ? annualPlanStatusWhere(actor) : pairingWhere(actor, 'annualPlan.view');
  const [pairings, plans] = await Promise.all([
    db.pairing.findMany({ where, select: { id: true, cycleId: true, startsOn: true, endsOn: true } }),
    db.annualPlan.findMany({
      where: { pairing: where },
      select: { pairingId: true, academicYear: true, planStatus: true, summaryStatus: true },
    }),
  ]);
  const semesters = await db.semester.findMany({
    where: { cycleId: { in: [...new Set(pairings.map((p) => p.cycleId))] } },
    select: { cycleId: true, academicYear: true, startsOn: true, endsOn: true },
  });
  const dates = await dueDatesFor(db, [...new Set(semesters.map((s) => s.academicYear))]);
  const yearsOf = new Map([...groupBy(semesters, (s) => s.cycleId)].map(([cycleId, list]) => [cycleId, academicYears(list)]));
  const plansOf = groupBy(plans, (a) => a.pairingId);
  const counts = { submitted: 0, returned: 0, overdue: 0, filed: 0 };
  for (const p of pairings)
    for (const { state } of partsOf(p, yearsOf.get(p.cycleId) ?? [], plansOf.get(p.id) ?? [], dates, today, {}))
      if (state in counts) counts[state as keyof typeof counts]++;
  return counts;
});

/** Map.groupBy, which Node 20 does not have. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** The plan and summary states of one pairing, for its page. */
export async function pairingAnnualPlanStatus(actor: Actor, pairingId: string, db: Db, now = new Date()) {
  const rows = await statusRows({ AND: [{ id: pairingId }, pairingWhere(actor, 'annualPlan.view')] }, db, now);
  return rows;
}

/** The version S5 and the archive read: the filed submission when there is one. */
export async function filedVersion(db: Db, annualPlanId: string, kind: ReportKind) {
  const s = await db.annualPlanSubmission.findFirst({
    where: { annualPlanId, kind, outcome: 'FILED' },
    orderBy: { number: 'desc' },
    select: { number: true, content: true, reviewedAt: true },
  });
  return s ? { number: s.number, content: s.content as Record<string, string>, reviewedAt: s.reviewedAt } : null;
}
