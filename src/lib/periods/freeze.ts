import 'server-only';
/**
 * What a close freezes: every pairing's results for the period, computed by the live evaluation
 * (src/lib/effect-tests/evaluate.ts) at the moment of closing, with the threshold in force and the ids
 * of the records counted. S1–S5 for a semester, A1–A6 for an academic year.
 */
import type { Db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { listCycles } from '@/lib/cycles/queries';
import { evaluatePairings, periodOf, type Figure, type FrozenDetail } from '@/lib/effect-tests/evaluate';
import { countedIdsFor, type CountedIds } from '@/lib/effect-tests/counted';
import type { TestId } from '@/lib/effect-tests/rules';
import type { IsoDate } from '@/lib/time/date-only';
import type { PeriodRef } from './rules';

export type FrozenRow = {
  pairingId: string;
  test: TestId;
  status: string;
  value: number | null;
  detail: FrozenDetail;
  counted: CountedIds;
};

const TESTS_OF = {
  SEMESTER: ['S1', 'S2', 'S3', 'S4', 'S5'],
  ACADEMIC_YEAR: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'],
} as const satisfies Record<PeriodRef['kind'], TestId[]>;

/** The figure as one number where it has one (stored in FrozenResult.value for sorting and sums). */
export function figureValue(f: Figure): number | null {
  switch (f.kind) {
    case 'months':
      return f.visited;
    case 'hours':
    case 'count':
      return f.have;
    case 'docs':
      return f.complete;
    case 'rates':
      return f.excellentRate;
    case 'programme':
      return f.records;
    default:
      return null;
  }
}

/** The semesters a period covers, with their dates, across the cycles that hold them (one, in practice). */
export async function periodSpan(db: Db, p: PeriodRef): Promise<{ startsOn: IsoDate; endsOn: IsoDate; cycleIds: string[] } | null> {
  const cycles = await listCycles(db);
  const sems = cycles.flatMap((c) =>
    c.semesters
      .filter((s) => s.academicYear === p.academicYear && (p.kind === 'ACADEMIC_YEAR' || s.term === p.term))
      .map((s) => ({ c, s })),
  );
  if (sems.length === 0) return null;
  return {
    startsOn: sems.map((x) => x.s.startsOn).sort()[0],
    endsOn: sems
      .map((x) => x.s.endsOn)
      .sort()
      .at(-1)!,
    cycleIds: [...new Set(sems.map((x) => x.c.id))],
  };
}

/**
 * Every pairing's results for the period as the evaluation gives them on `now`. The actor is the city
 * admin closing it (scope: the whole city). Pairings the period does not apply to get no row.
 */
export async function computeFrozen(db: Db, actor: Actor, p: PeriodRef, now: Date): Promise<FrozenRow[]> {
  const cycles = (await listCycles(db)).filter((c) => c.semesters.some((s) => s.academicYear === p.academicYear));
  const rows: FrozenRow[] = [];
  for (const cycle of cycles) {
    const term = p.term ?? cycle.semesters.find((s) => s.academicYear === p.academicYear)!.term;
    const period = periodOf(cycle, p.academicYear, term);
    if (!period) continue;
    const ev = await evaluatePairings(actor, { period, today: now, live: true }, db);
    const counted = await countedIdsFor(db, ev, p.kind);
    const which = p.kind === 'SEMESTER' ? 'semester' : 'year';
    for (const pairing of ev.pairings) {
      for (const test of TESTS_OF[p.kind]) {
        const r = pairing.results[test];
        if (r.status === 'NOT_APPLICABLE') continue;
        const ids = { ...(counted.get(pairing.id)?.get(test) ?? {}) };
        // A1 decided by a recorded inspection's checklist: that inspection is the record counted.
        if (r.figure.kind === 'assessment' && 'inspectionId' in r.figure && r.figure.inspectionId)
          ids.inspections = [r.figure.inspectionId];
        rows.push({
          pairingId: pairing.id,
          test,
          status: r.status,
          value: figureValue(r.figure),
          detail: {
            figure: r.figure,
            window: r.window,
            threshold: ev.thresholds[which],
            confirmedOnly: ev.confirmedOnly,
            evaluatedOn: ev.today,
          },
          counted: ids,
        });
      }
    }
  }
  return rows;
}
