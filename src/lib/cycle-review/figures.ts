import 'server-only';
/**
 * What a measurement keeps of the assisted kindergarten on the day it was measured (decision 026):
 * the registry's counts, its teachers' latest rated lessons of the twelve months up to the day, the
 * latest recorded inspection grade by the day, and its A tests of the last academic year closed by
 * the day. Stored with the measurement and never computed again.
 */
import type { Db, Tx } from '@/lib/db';
import { addDays } from '@/lib/cycles/periods';
import { dateOnly, isoOf, type IsoDate } from '@/lib/time/date-only';
import { lessonRates, staffingRatio, type Figures, type Grade } from './rules';

const ASSISTED_TESTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];

export async function computeFigures(
  db: Db | Tx,
  assistedId: string,
  measuredOn: IsoDate,
  qualifiedTeachers: number | null,
): Promise<Figures> {
  const day = dateOnly(measuredOn);
  const yearBefore = dateOnly(addDays(measuredOn, -365));
  const [kg, ratings, inspection, year] = await Promise.all([
    db.kindergarten.findUniqueOrThrow({ where: { id: assistedId }, select: { childCount: true, teacherCount: true, classCount: true } }),
    db.$queryRaw<{ rating: string; n: number }[]>`
      SELECT rating, COUNT(*)::int AS n FROM (
        SELECT DISTINCT ON (l."teacherId") l.rating::text AS rating
        FROM "LessonRecord" l
        WHERE l."kindergartenId" = ${assistedId} AND l.rating IS NOT NULL AND l."heldOn" > ${yearBefore} AND l."heldOn" <= ${day}
        ORDER BY l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST
      ) latest GROUP BY rating`,
    db.inspection.findFirst({
      where: {
        status: 'RECORDED',
        grade: { not: null },
        inspectedOn: { lte: day },
        OR: [{ kindergartenId: assistedId }, { pairing: { assistedId } }],
      },
      orderBy: [{ inspectedOn: 'desc' }, { recordedAt: 'desc' }],
      select: { grade: true, inspectedOn: true },
    }),
    db.closedPeriod.findFirst({
      where: { kind: 'ACADEMIC_YEAR', endsOn: { lte: day }, results: { some: { pairing: { assistedId }, test: { in: ASSISTED_TESTS } } } },
      orderBy: { endsOn: 'desc' },
      select: {
        academicYear: true,
        results: { where: { pairing: { assistedId }, test: { in: ASSISTED_TESTS } }, select: { status: true } },
      },
    }),
  ]);
  const n = (r: string) => ratings.find((x) => x.rating === r)?.n ?? 0;
  const judged = (year?.results ?? []).filter((r) => r.status !== 'NOT_APPLICABLE' && r.status !== 'NOT_YET_DUE');
  return {
    children: kg.childCount,
    teachers: kg.teacherCount,
    classes: kg.classCount,
    staffingRatio: staffingRatio(kg.childCount, kg.teacherCount),
    qualifiedTeachers,
    ...lessonRates({ EXCELLENT: n('EXCELLENT'), GOOD: n('GOOD'), PASS: n('PASS'), FAIL: n('FAIL') }),
    inspectionGrade: (inspection?.grade as Grade | undefined) ?? null,
    inspectedOn: inspection ? isoOf(inspection.inspectedOn) : null,
    testsYear: year?.academicYear ?? null,
    testsMet: judged.filter((r) => r.status === 'MET').length,
    testsJudged: judged.length,
  };
}
