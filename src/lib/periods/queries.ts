import 'server-only';
import type { Db } from '@/lib/db';
import { hasPermission, lateCorrectionWhere, type Actor } from '@/lib/authz';
import { listCycles } from '@/lib/cycles/queries';
import { pairingLabel } from '@/lib/activities/queries';
import { cityToday } from '@/lib/time/today';
import { isoOf, type IsoDate } from '@/lib/time/date-only';
import { closingGraceDays } from './commands';
import { closeVerdict, periodKeyOf, type CloseVerdict, type PeriodRef } from './rules';

export type PeriodRow = PeriodRef & {
  key: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  closed: { closedAt: Date; closedBy: string; results: number } | null;
  verdict: CloseVerdict;
};

/** Every semester and academic year of the cycles on record, newest first, with whether it may be closed today. */
export async function listPeriods(
  actor: Actor,
  db: Db,
  now = new Date(),
): Promise<{ rows: PeriodRow[]; graceDays: number; today: IsoDate }> {
  const [cycles, closed, graceDays, today] = await Promise.all([
    listCycles(db),
    db.closedPeriod.findMany({
      select: { key: true, closedAt: true, closedBy: { select: { name: true } }, _count: { select: { results: true } } },
    }),
    closingGraceDays(db),
    cityToday(db, now),
  ]);
  if (!hasPermission(actor, 'period.close') && !hasPermission(actor, 'bulletin.manage')) return { rows: [], graceDays, today };
  const byKey = new Map(closed.map((c) => [c.key, { closedAt: c.closedAt, closedBy: c.closedBy.name, results: c._count.results }]));
  const rows: PeriodRow[] = [];
  for (const c of cycles) {
    for (const year of [...new Set(c.semesters.map((s) => s.academicYear))]) {
      const sems = c.semesters.filter((s) => s.academicYear === year);
      const row = (p: PeriodRef, startsOn: IsoDate, endsOn: IsoDate, openSemesters: number): PeriodRow => {
        const key = periodKeyOf(p);
        const done = byKey.get(key) ?? null;
        return {
          ...p,
          key,
          startsOn,
          endsOn,
          closed: done,
          verdict: closeVerdict({ endsOn, today, graceDays, alreadyClosed: !!done, openSemesters }),
        };
      };
      const semesterRows = sems.map((s) => row({ kind: 'SEMESTER', academicYear: year, term: s.term }, s.startsOn, s.endsOn, 0));
      const open = semesterRows.filter((r) => !r.closed).length;
      rows.push(
        ...semesterRows,
        row({ kind: 'ACADEMIC_YEAR', academicYear: year, term: null }, sems[0].startsOn, sems.at(-1)!.endsOn, open),
      );
    }
  }
  return { rows: rows.reverse(), graceDays, today };
}

/** The closed periods, newest first (a bulletin is written for one of them). */
export async function listClosedPeriods(db: Db) {
  const rows = await db.closedPeriod.findMany({
    orderBy: [{ endsOn: 'desc' }, { kind: 'asc' }],
    select: { id: true, key: true, kind: true, academicYear: true, term: true, startsOn: true, endsOn: true, closedAt: true },
  });
  return rows.map((r) => ({ ...r, startsOn: isoOf(r.startsOn), endsOn: isoOf(r.endsOn) }));
}

export const LATE_STATES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type LateState = (typeof LATE_STATES)[number];

/** Late corrections of pairings in the reviewer's scope, waiting ones first. */
export async function listLateCorrections(actor: Actor, state: LateState | undefined, db: Db) {
  if (!hasPermission(actor, 'lateCorrection.review')) return [];
  const rows = await db.activity.findMany({
    where: { AND: [lateCorrectionWhere(actor), state ? { lateCorrection: state } : {}] },
    orderBy: [{ lateCorrection: 'asc' }, { updatedAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      title: true,
      type: true,
      status: true,
      startsAt: true,
      version: true,
      lateCorrection: true,
      lateReviewedAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      lateReviewedBy: { select: { name: true } },
      pairing: { select: { supporting: { select: { name: true } }, assisted: { select: { name: true } } } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    type: a.type,
    status: a.status,
    startsAt: a.startsAt,
    version: a.version,
    state: a.lateCorrection!,
    submittedAt: a.updatedAt,
    createdBy: a.createdBy.name,
    reviewedBy: a.lateReviewedBy?.name ?? null,
    reviewedAt: a.lateReviewedAt,
    pairing: pairingLabel(a.pairing),
  }));
}

/** How many late corrections wait for this reviewer (the periods page and role homes). */
export async function countPendingLateCorrections(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'lateCorrection.review')) return 0;
  return db.activity.count({ where: { AND: [lateCorrectionWhere(actor), { lateCorrection: 'PENDING' }] } });
}
