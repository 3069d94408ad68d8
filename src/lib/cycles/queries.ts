import 'server-only';
import { db as defaultDb, type Db, type Tx } from '@/lib/db';
import { getCity } from './city';
import { localDate } from '@/lib/time/zoned';
import { isoOf } from '@/lib/time/date-only';
import { cycleHasEnded, cycleSpan, followingCycle, periodAt, sortSemesters, type CyclePeriods } from './periods';

export type CycleRow = CyclePeriods & { name: string; startsOn: string | null; endsOn: string | null };

const CYCLE_SELECT = {
  id: true,
  startYear: true,
  name: true,
  semesters: { select: { academicYear: true, term: true, startsOn: true, endsOn: true } },
} as const;

function toRow(c: {
  id: string;
  startYear: number;
  name: string;
  semesters: { academicYear: number; term: 'AUTUMN' | 'SPRING'; startsOn: Date; endsOn: Date }[];
}): CycleRow {
  const semesters = sortSemesters(c.semesters.map((s) => ({ ...s, startsOn: isoOf(s.startsOn), endsOn: isoOf(s.endsOn) })));
  const span = cycleSpan({ semesters });
  return { id: c.id, startYear: c.startYear, name: c.name, semesters, startsOn: span?.startsOn ?? null, endsOn: span?.endsOn ?? null };
}

/**
 * Every cycle, oldest first (by start year), semesters in order with ISO dates. Cycles are
 * city-wide reference data: everyone signed in may read them.
 */
export async function listCycles(db: Db | Tx = defaultDb): Promise<CycleRow[]> {
  const rows = await db.cycle.findMany({ orderBy: { startYear: 'asc' }, select: CYCLE_SELECT });
  return rows.map(toRow);
}

export async function getCycle(id: string, db: Db | Tx = defaultDb): Promise<CycleRow | null> {
  const row = await db.cycle.findUnique({ where: { id }, select: CYCLE_SELECT });
  return row && toRow(row);
}

/** Today's cycle, academic year and semester in the city's time zone, with the cycles around it. */
export async function getCurrentPeriod(now: Date = new Date(), db: Db = defaultDb) {
  const [city, cycles] = await Promise.all([getCity(db), listCycles(db)]);
  const today = localDate(now, city.timeZone);
  return { today, timeZone: city.timeZone, cycles, ...periodAt(cycles, today) };
}

export function cycleStatus(cycle: CyclePeriods, today: string): 'past' | 'current' | 'upcoming' {
  if (cycleHasEnded(cycle, today)) return 'past';
  const span = cycleSpan(cycle);
  return span && today < span.startsOn ? 'upcoming' : 'current';
}

export { followingCycle };
