/** What the rollover screen shows; the rollover itself is applyRollover in commands.ts. */
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db';
import { hasPermission, kindergartenWhere, NotFoundError, rolloverWhere, type Actor } from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { listCycles, type CycleRow } from '@/lib/cycles/queries';
import { isoOf } from '@/lib/time/date-only';
import { cycleHasEnded, followingCycle, periodAt } from '@/lib/cycles/periods';

/**
 * The source cycle the screen opens with: the current one when its successor exists (rolling over
 * before the cycle ends), otherwise the last cycle that has a successor.
 */
export function defaultSourceCycle(cycles: CycleRow[], today: string): CycleRow | null {
  const withNext = cycles.filter((c) => followingCycle(cycles, c));
  const current = periodAt(cycles, today).cycle;
  if (current && withNext.some((c) => c.id === current.id)) return current;
  const started = withNext.filter((c) => c.startsOn && c.startsOn <= today);
  return started[started.length - 1] ?? withNext[0] ?? current ?? cycles[cycles.length - 1] ?? null;
}

export async function getRolloverPlan(actor: Actor, sourceCycleId: string | undefined, db: Db = defaultDb, now: Date = new Date()) {
  if (!hasPermission(actor, 'pairing.rollover')) throw new NotFoundError();
  const cycles = await listCycles(db);
  const today = await cityToday(db, now);
  const source = (sourceCycleId ? cycles.find((c) => c.id === sourceCycleId) : defaultSourceCycle(cycles, today)) ?? null;
  if (sourceCycleId && !source) throw new NotFoundError();
  const target = source ? followingCycle(cycles, source) : null;
  if (!source) return { cycles, source, target, today, targetEnded: false, rows: [], supporters: [] };
  const kg = kindergartenWhere(actor, 'pairing.rollover');
  const [rows, supporters] = await Promise.all([
    db.pairing.findMany({
      where: { cycleId: source.id, ...rolloverWhere(actor) },
      orderBy: [{ supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
      select: {
        id: true,
        endsOn: true,
        endReason: true,
        supporting: { select: { id: true, name: true, active: true, county: { select: { name: true, nameEn: true } } } },
        assisted: { select: { id: true, name: true, active: true, county: { select: { name: true, nameEn: true } } } },
        next: { select: { id: true, supporting: { select: { name: true } } } },
      },
    }),
    db.kindergarten.findMany({
      where: { AND: [kg, { active: true, level: { not: 'NONE' } }] },
      orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
      select: { id: true, name: true, county: { select: { name: true, nameEn: true } } },
    }),
  ]);
  return {
    cycles,
    source,
    target,
    today,
    targetEnded: target ? cycleHasEnded(target, today) : false,
    rows: rows.map((r) => ({ ...r, endsOn: r.endsOn ? isoOf(r.endsOn) : null })),
    supporters,
  };
}
