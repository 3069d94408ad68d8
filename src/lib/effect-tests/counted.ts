import 'server-only';
/**
 * The records behind every pairing's figures at once, by id: what a close freezes beside each result
 * (FrozenResult.counted). The same selection as the drill-down (countedRecords in queries.ts) and the
 * aggregates of evaluate.ts, for all pairings in one query per kind of record.
 */
import type { Db } from '@/lib/db';
import { zonedToInstant } from '@/lib/time/zoned';
import { addDays } from '@/lib/cycles/periods';
import { COUNTED_TYPES, PAPER_LEVELS, PROGRAMME_TEST, type Evaluation } from './evaluate';
import type { TestId } from './rules';

export type CountedIds = Partial<
  Record<'activities' | 'lessons' | 'programmeRecords' | 'papers' | 'assessments' | 'inspections', string[]>
>;

/** pairing id → test → ids, for the semester's tests or the academic year's. */
export async function countedIdsFor(
  db: Db,
  ev: Evaluation,
  part: 'SEMESTER' | 'ACADEMIC_YEAR',
): Promise<Map<string, Map<TestId, CountedIds>>> {
  const out = new Map<string, Map<TestId, CountedIds>>();
  const put = (pid: string, test: TestId, kind: keyof CountedIds, id: string) => {
    let tests = out.get(pid);
    if (!tests) out.set(pid, (tests = new Map()));
    const ids = tests.get(test) ?? {};
    (ids[kind] ??= []).push(id);
    tests.set(test, ids);
  };
  const probe = part === 'SEMESTER' ? 'S1' : 'A2';
  const windows = ev.pairings.flatMap((p) => {
    const w = p.results[probe].window;
    return w ? [{ pid: p.id, kg: p.assisted.id, from: w.from, to: w.to }] : [];
  });
  if (windows.length === 0) return out;
  const pids = windows.map((w) => w.pid);
  const kgs = windows.map((w) => w.kg);
  const froms = windows.map((w) => w.from);
  const tos = windows.map((w) => w.to);

  if (part === 'SEMESTER') {
    const fromAt = windows.map((w) => zonedToInstant(w.from, '00:00', ev.timeZone).toISOString());
    const toAt = windows.map((w) => zonedToInstant(addDays(w.to, 1), '00:00', ev.timeZone).toISOString());
    // Done, not disputed (confirmed only where the city says so), and no late correction still held back.
    const rows = await db.$queryRaw<{ pid: string; id: string; type: string; direction: string }[]>`
      SELECT w.pid, a.id, a.type::text AS type, a.direction::text AS direction
      FROM unnest(${pids}::text[], ${fromAt}::timestamptz[], ${toAt}::timestamptz[]) AS w(pid, wfrom, wto)
      JOIN "Activity" a ON a."pairingId" = w.pid AND a.status = 'DONE' AND a."startsAt" >= w.wfrom AND a."startsAt" < w.wto
      WHERE (a."lateCorrection" IS NULL OR a."lateCorrection" = 'APPROVED')
        AND CASE WHEN ${ev.confirmedOnly}::boolean THEN a.confirmation = 'CONFIRMED' ELSE a.confirmation <> 'DISPUTED' END
      ORDER BY a."startsAt", a.id`;
    for (const r of rows) {
      put(r.pid, 'S5', 'activities', r.id);
      for (const [test, rule] of Object.entries(COUNTED_TYPES) as [TestId, (typeof COUNTED_TYPES)['S1']][])
        if ((rule.types as readonly string[]).includes(r.type) && rule.direction === r.direction) put(r.pid, test, 'activities', r.id);
    }
    return out;
  }

  const year = ev.period.semester.academicYear;
  const [lessons, records, papers, assessments] = await Promise.all([
    // A2: each active teacher's latest evaluated lesson of the year.
    db.$queryRaw<{ pid: string; id: string }[]>`
      SELECT DISTINCT ON (w.pid, l."teacherId") w.pid, l.id
      FROM unnest(${pids}::text[], ${kgs}::text[], ${froms}::date[], ${tos}::date[]) AS w(pid, kg, wfrom, wto)
      JOIN "LessonRecord" l ON l."kindergartenId" = w.kg AND l."heldOn" BETWEEN w.wfrom AND w.wto AND l.rating IS NOT NULL
      JOIN "User" u ON u.id = l."teacherId" AND u."kindergartenId" = w.kg AND u.role = 'TEACHER' AND u.active
      ORDER BY w.pid, l."teacherId", l."heldOn" DESC, l."evaluatedAt" DESC NULLS LAST, l.id DESC`,
    db.$queryRaw<{ pid: string; kind: string; id: string }[]>`
      SELECT w.pid, p.kind::text AS kind, r.id
      FROM unnest(${pids}::text[], ${froms}::date[], ${tos}::date[]) AS w(pid, wfrom, wto)
      JOIN "Programme" p ON p."pairingId" = w.pid AND p."academicYear" = ${year}
      JOIN "ProgrammeRecord" r ON r."programmeId" = p.id AND r."heldOn" BETWEEN w.wfrom AND w.wto
      ORDER BY r."heldOn", r.id`,
    // A6 counts confirmed papers and awards at municipal level or above.
    db.$queryRaw<{ pid: string; id: string }[]>`
      SELECT w.pid, p.id
      FROM unnest(${pids}::text[], ${kgs}::text[], ${froms}::date[], ${tos}::date[]) AS w(pid, kg, wfrom, wto)
      JOIN "Paper" p ON p."kindergartenId" = w.kg AND p.date BETWEEN w.wfrom AND w.wto
        AND p.level::text = ANY(${[...PAPER_LEVELS]}::text[]) AND p."confirmedAt" IS NOT NULL
      ORDER BY p.date, p.id`,
    db.$queryRaw<{ pid: string; id: string }[]>`
      SELECT w.pid, s.id
      FROM unnest(${pids}::text[], ${froms}::date[], ${tos}::date[]) AS w(pid, wfrom, wto)
      JOIN "Assessment" s ON s."pairingId" = w.pid AND s.test = 'A1' AND s."assessedOn" BETWEEN w.wfrom AND w.wto
      ORDER BY s."assessedOn" DESC, s."createdAt" DESC`,
  ]);
  for (const r of lessons) put(r.pid, 'A2', 'lessons', r.id);
  const testOf = new Map<string, TestId>(Object.entries(PROGRAMME_TEST).map(([test, kind]) => [kind, test as TestId]));
  for (const r of records) put(r.pid, testOf.get(r.kind)!, 'programmeRecords', r.id);
  for (const r of papers) put(r.pid, 'A6', 'papers', r.id);
  for (const r of assessments) put(r.pid, 'A1', 'assessments', r.id);
  return out;
}
