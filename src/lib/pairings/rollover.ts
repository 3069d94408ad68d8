import 'server-only';
import { db as defaultDb, type Db, type Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { hasPermission, kindergartenWhere, NotFoundError } from '@/lib/authz';
import { getCity, todayIn } from '@/lib/cycles/city';
import { listCycles, type CycleRow } from '@/lib/cycles/queries';
import { cycleHasEnded, cycleSpan, followingCycle, isoFromDbDate, periodAt } from '@/lib/cycles/periods';
import { insertPairing, isUniqueViolation, lockKindergartens, type PairingActor } from './mutations';
import type { PairingIssue } from './rules';
import type { RolloverData } from './schemas';

/** Pairings the actor may carry over: both kindergartens within the actor's scope. */
function rolloverWhere(actor: PairingActor, sourceCycleId: string) {
  const kg = kindergartenWhere(actor, 'pairing.rollover');
  return { cycleId: sourceCycleId, supporting: kg, assisted: kg };
}

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

export async function getRolloverPlan(actor: PairingActor, sourceCycleId: string | undefined, db: Db = defaultDb, now: Date = new Date()) {
  if (!hasPermission(actor, 'pairing.rollover')) throw new NotFoundError();
  const cycles = await listCycles(db);
  const today = todayIn((await getCity(db)).timeZone, now);
  const source = (sourceCycleId ? cycles.find((c) => c.id === sourceCycleId) : defaultSourceCycle(cycles, today)) ?? null;
  if (sourceCycleId && !source) throw new NotFoundError();
  const target = source ? followingCycle(cycles, source) : null;
  if (!source) return { cycles, source, target, today, targetEnded: false, rows: [], supporters: [] };
  const kg = kindergartenWhere(actor, 'pairing.rollover');
  const [rows, supporters] = await Promise.all([
    db.pairing.findMany({
      where: rolloverWhere(actor, source.id),
      orderBy: [{ supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
      select: {
        id: true, endsOn: true, endReason: true,
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
    cycles, source, target, today, targetEnded: target ? cycleHasEnded(target, today) : false,
    rows: rows.map((r) => ({ ...r, endsOn: r.endsOn ? isoFromDbDate(r.endsOn) : null })),
    supporters,
  };
}

export type RolloverResult =
  | { ok: true; created: number; skipped: number; ended: number }
  | { ok: false; issues: PairingIssue[]; rowIssues: Record<string, PairingIssue[]> };

class RolloverRejected extends Error {
  constructor(readonly rowIssues: Record<string, PairingIssue[]>) {
    super('rollover rejected');
  }
}

/**
 * Creates the next cycle's pairings from the decisions, in one transaction: if any proposal breaks
 * a rule nothing is created, and each refused row says why. Pairings carried over already are
 * skipped, so running it twice creates nothing new. The source cycle's pairings are not changed.
 */
export async function applyRollover(actor: PairingActor, input: RolloverData, db: Db = defaultDb, now: Date = new Date()): Promise<RolloverResult> {
  if (!hasPermission(actor, 'pairing.rollover')) throw new NotFoundError();
  const cycles = await listCycles(db);
  const source = cycles.find((c) => c.id === input.sourceCycleId);
  if (!source) throw new NotFoundError();
  const target = followingCycle(cycles, source);
  if (!target || !cycleSpan(target)) return { ok: false, issues: [{ code: 'targetMissing' }], rowIssues: {} };
  const today = todayIn((await getCity(db)).timeZone, now);
  if (cycleHasEnded(target, today)) return { ok: false, issues: [{ code: 'cycleEnded' }], rowIssues: {} };

  const ids = input.decisions.map((d) => d.pairingId);
  const sources = await db.pairing.findMany({
    where: { AND: [rolloverWhere(actor, source.id), { id: { in: ids } }] },
    select: {
      id: true, supportingId: true, assistedId: true, goalConditions: true, goalManagement: true, goalTeachers: true, goalChildren: true,
      members: { select: { userId: true, role: true } },
    },
  });
  // A decision about a pairing outside the scope (or the cycle) is answered as if it did not exist.
  if (sources.length !== new Set(ids).size) throw new NotFoundError();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const startsOn = cycleSpan(target)!.startsOn;

  try {
    return await db.$transaction(async (tx) => {
      const partners = input.decisions.map((d) => (d.decision === 'change' ? d.supportingId : undefined)).filter((v): v is string => !!v);
      await lockKindergartens(tx, [...sources.flatMap((s) => [s.supportingId, s.assistedId]), ...partners]);
      const rowIssues: Record<string, PairingIssue[]> = {};
      let created = 0;
      let skipped = 0;
      let ended = 0;
      const summary: { from: string; to?: string; decision: string }[] = [];
      for (const d of input.decisions) {
        const s = byId.get(d.pairingId)!;
        if (d.decision === 'end') {
          ended++;
          summary.push({ from: s.id, decision: 'end' });
          continue;
        }
        if (await tx.pairing.findUnique({ where: { previousId: s.id }, select: { id: true } })) {
          skipped++;
          continue;
        }
        if (d.decision === 'change' && !d.supportingId) {
          rowIssues[s.id] = [{ code: 'partnerRequired', field: 'supportingId' }];
          continue;
        }
        const supportingId = d.decision === 'change' ? d.supportingId! : s.supportingId;
        const group = await carriedGroup(tx, s, supportingId);
        const result = await insertPairing(
          tx, actor,
          { cycle: target, supportingId, assistedId: s.assistedId, startsOn, previousId: s.id, ...group,
            goalConditions: s.goalConditions, goalManagement: s.goalManagement, goalTeachers: s.goalTeachers, goalChildren: s.goalChildren },
          today, 'pairing.rollover',
        );
        if (result.ok) {
          created++;
          summary.push({ from: s.id, to: result.id, decision: supportingId === s.supportingId ? 'keep' : 'change' });
        } else rowIssues[s.id] = result.issues;
      }
      if (Object.keys(rowIssues).length) throw new RolloverRejected(rowIssues);
      await writeAudit(tx, {
        actor, action: 'pairing.rollover', entityType: 'Cycle', entityId: target.id, countyId: actor.countyId,
        after: { sourceCycleId: source.id, targetCycleId: target.id, created, skipped, ended, decisions: summary },
      });
      return { ok: true as const, created, skipped, ended };
    });
  } catch (error) {
    if (error instanceof RolloverRejected) return { ok: false, issues: [], rowIssues: error.rowIssues };
    // Another admin ran the same rollover at the same moment: the previousId index let only one through.
    if (isUniqueViolation(error)) return { ok: false, issues: [{ code: 'alreadyRolledOver' }], rowIssues: {} };
    throw error;
  }
}

/**
 * The leading group carries over with the people who still serve one of the two kindergartens.
 * If the leader no longer does (a new partner), the first remaining member leads, else the
 * assisted kindergarten's director, else the supporting one's.
 */
async function carriedGroup(
  tx: Tx,
  s: { assistedId: string; members: { userId: string; role: string }[] },
  supportingId: string,
) {
  const eligible = await tx.user.findMany({
    where: { active: true, kindergartenId: { in: [supportingId, s.assistedId] } },
    select: { id: true, role: true, kindergartenId: true },
  });
  const ok = new Set(eligible.map((u) => u.id));
  const oldLeader = s.members.find((m) => m.role === 'LEADER')?.userId;
  const members = s.members.filter((m) => m.role === 'MEMBER' && ok.has(m.userId)).map((m) => m.userId);
  const director = (kgId: string) => eligible.find((u) => u.role === 'DIRECTOR' && u.kindergartenId === kgId)?.id;
  const leaderId = (oldLeader && ok.has(oldLeader) ? oldLeader : members[0] ?? director(s.assistedId) ?? director(supportingId)) ?? '';
  return { leaderId, memberIds: members.filter((id) => id !== leaderId) };
}
