import 'server-only';
import { db } from '@/lib/db';
import { hasPermission, NotFoundError, type Actor } from '@/lib/authz';
import { getCurrentPeriod } from './queries';

/** The city admin's view of the cycles, with how many pairings each holds (counted in the database). */
export async function getCyclesOverview(actor: Actor) {
  if (!hasPermission(actor, 'cycle.manage')) throw new NotFoundError();
  const [period, counts] = await Promise.all([getCurrentPeriod(), db.pairing.groupBy({ by: ['cycleId'], _count: { _all: true } })]);
  const byCycle = new Map(counts.map((c) => [c.cycleId, c._count._all]));
  return { ...period, pairingCounts: byCycle };
}
