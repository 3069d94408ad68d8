import 'server-only';
/**
 * The results a closed period froze (FrozenResult, written by src/lib/periods/freeze.ts when the city
 * closed it): what dashboards and pairing pages show for a closed semester or academic year instead
 * of recomputing (docs/decisions/020).
 */
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { periodKeyOf } from '@/lib/periods/rules';

export type FrozenPart = {
  key: string;
  closedAt: Date;
  /** pairing id → test → the stored result. */
  rows: Map<string, Map<string, { status: string; detail: unknown }>>;
};
export type FrozenRead = { semester: FrozenPart | null; year: FrozenPart | null };

/** The frozen rows of a semester and its academic year, for the pairings the filter selects. */
export async function readFrozen(
  db: Db,
  semester: { academicYear: number; term: 'AUTUMN' | 'SPRING' },
  pairings: Prisma.PairingWhereInput,
): Promise<FrozenRead> {
  const semesterKey = periodKeyOf({ kind: 'SEMESTER', academicYear: semester.academicYear, term: semester.term });
  const yearKey = periodKeyOf({ kind: 'ACADEMIC_YEAR', academicYear: semester.academicYear, term: null });
  const closed = await db.closedPeriod.findMany({
    where: { key: { in: [semesterKey, yearKey] } },
    select: {
      key: true,
      closedAt: true,
      results: { where: { pairing: pairings }, select: { pairingId: true, test: true, status: true, detail: true } },
    },
  });
  const part = (key: string): FrozenPart | null => {
    const c = closed.find((x) => x.key === key);
    if (!c) return null;
    const rows = new Map<string, Map<string, { status: string; detail: unknown }>>();
    for (const r of c.results) {
      let tests = rows.get(r.pairingId);
      if (!tests) rows.set(r.pairingId, (tests = new Map()));
      tests.set(r.test, { status: r.status, detail: r.detail });
    }
    return { key: c.key, closedAt: c.closedAt, rows };
  };
  return { semester: part(semesterKey), year: part(yearKey) };
}

/** The ids a frozen result counted, for the drill-down of a closed period (null: the period is open). */
export async function frozenCounted(db: Db, key: string, pairingId: string, test: string): Promise<string[] | null> {
  const row = await db.frozenResult.findFirst({
    where: { closedPeriod: { key }, pairingId, test },
    select: { counted: true },
  });
  if (!row) return null;
  return Object.values(row.counted as Record<string, string[]>).flat();
}
