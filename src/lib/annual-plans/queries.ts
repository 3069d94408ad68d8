import 'server-only';
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
import { defaultDueDates, dueOn, isEditable, planHandedIn, reviewState, type DueDates, type ReportKind, type ReviewState } from './due';

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
 * all come from here, so they agree.
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
  const rows: StatusRow[] = [];
  for (const p of pairings) {
    const from = isoOf(p.startsOn);
    const to = p.endsOn ? isoOf(p.endsOn) : null;
    for (const y of [...new Set(p.cycle.semesters.map((s) => s.academicYear))].sort()) {
      if (filters.year && y !== filters.year) continue;
      const inYear = p.cycle.semesters.filter((s) => s.academicYear === y).map((s) => [isoOf(s.startsOn), isoOf(s.endsOn)]);
      const yearFrom = inYear.map((s) => s[0]).sort()[0];
      const yearTo = inYear
        .map((s) => s[1])
        .sort()
        .at(-1)!;
      // Years the pairing does not reach (it started later or ended earlier) owe nothing.
      if (yearTo < from || (to && yearFrom > to)) continue;
      const plan = p.annualPlans.find((a) => a.academicYear === y);
      for (const kind of ['PLAN', 'SUMMARY'] as const) {
        if (filters.kind && kind !== filters.kind) continue;
        const due = dueOn(dates.get(y)!, kind);
        const state = reviewState((kind === 'PLAN' ? plan?.planStatus : plan?.summaryStatus) ?? 'DRAFT', due, today);
        if (filters.state && state !== filters.state) continue;
        rows.push({
          pairingId: p.id,
          label: pairingLabel(p),
          supporting: p.supporting.name,
          assisted: p.assisted.name,
          countyId: p.assisted.countyId,
          academicYear: y,
          kind,
          dueOn: due,
          state,
          lastSubmittedAt: (kind === 'PLAN' ? plan?.planSubmittedAt : plan?.summarySubmittedAt) ?? null,
        });
      }
    }
  }
  return rows;
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
  const where = hasPermission(actor, 'annualPlan.status') ? annualPlanStatusWhere(actor) : pairingWhere(actor, 'annualPlan.view');
  if (!hasPermission(actor, 'annualPlan.view')) return null;
  const rows = await statusRows(where, db, now);
  const count = (s: ReviewState) => rows.filter((r) => r.state === s).length;
  return { submitted: count('submitted'), returned: count('returned'), overdue: count('overdue'), filed: count('filed') };
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
