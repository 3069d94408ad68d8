import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { can, pairingResource, type Actor } from '@/lib/authz';
import { zonedToInstant } from '@/lib/time/zoned';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { addDays } from '@/lib/cycles/periods';
import { COUNTED_TYPES, evaluatePairings, PAPER_LEVELS, PROGRAMME_TEST, type PeriodChoice, type TestResult } from './evaluate';
import { TESTS, type TestId } from './rules';
import { frozenCounted } from './frozen';
import { a1Inspection } from '@/lib/inspections/queries';

export type CountedRecord = {
  id: string;
  kind: 'activity' | 'lesson' | 'programmeRecord' | 'paper' | 'assessment';
  title: string;
  date: string;
  href: string | null;
  /** Counted although the other side has not confirmed it (or, for papers, the director has not). */
  unconfirmed: boolean;
  /** S5: missing one of plan, measures, record, summary. A2: the rating. */
  note?: string;
  hours?: number | null;
};

/**
 * The records behind one test's figure for one pairing, with the result itself. Null when the
 * pairing is outside the actor's scope (the page answers "not found").
 */
export async function countedRecords(actor: Actor, pairingId: string, test: TestId, period: PeriodChoice, db: Db, now?: Date) {
  const pairing = await db.pairing.findUnique({
    where: { id: pairingId },
    select: {
      id: true,
      supportingId: true,
      assistedId: true,
      supporting: { select: { countyId: true, name: true } },
      assisted: { select: { countyId: true, name: true } },
    },
  });
  if (!pairing || !can(actor, 'effectTests.view', pairingResource(pairing))) return null;
  const ev = await evaluatePairings(actor, { pairingIds: [pairingId], period, today: now }, db);
  const effects = ev.pairings[0];
  const result: TestResult | null = effects?.results[test] ?? null;
  const w = result?.window;
  if (!w) return { ev, effects, result, records: [] as CountedRecord[], inspection: null };
  const from = zonedToInstant(w.from, '00:00', ev.timeZone);
  const to = zonedToInstant(addDays(w.to, 1), '00:00', ev.timeZone);
  const dates = { gte: dateOnly(w.from), lte: dateOnly(w.to) };
  // A closed period lists the records its frozen result counted, whatever has changed since.
  const closed = TESTS[test].period === 'SEMESTER' ? ev.closed.semester : ev.closed.year;
  const frozen = closed ? ((await frozenCounted(db, closed.key, pairingId, test)) ?? []) : null;
  const only = <W>(live: W): W | { id: { in: string[] } } => (frozen ? { id: { in: frozen } } : live);
  const counted: Prisma.ActivityWhereInput = {
    pairingId,
    status: 'DONE',
    startsAt: { gte: from, lt: to },
    confirmation: ev.confirmedOnly ? 'CONFIRMED' : { not: 'DISPUTED' },
    // A late correction counts once a bureau admin has approved it (decision 020).
    OR: [{ lateCorrection: null }, { lateCorrection: 'APPROVED' }],
  };
  let records: CountedRecord[] = [];
  if (test === 'S1' || test === 'S2' || test === 'S3' || test === 'S4' || test === 'S5') {
    const rule = test === 'S5' ? null : COUNTED_TYPES[test];
    const rows = await db.activity.findMany({
      where: only({ ...counted, ...(rule ? { type: { in: [...rule.types] }, direction: rule.direction } : {}) }),
      orderBy: { startsAt: 'asc' },
      select: {
        id: true,
        title: true,
        startsAt: true,
        confirmation: true,
        classHours: true,
        plan: true,
        measures: true,
        record: true,
        summary: true,
      },
    });
    records = rows.map((a) => {
      const missing = (['plan', 'measures', 'record', 'summary'] as const).filter((k) => a[k].trim() === '');
      return {
        id: a.id,
        kind: 'activity',
        title: a.title,
        date: a.startsAt.toISOString(),
        href: `/activities/${a.id}`,
        unconfirmed: a.confirmation !== 'CONFIRMED',
        hours: a.classHours == null ? null : Number(a.classHours),
        note: test === 'S5' && missing.length ? missing.join(',') : undefined,
      };
    });
  } else if (test === 'A2') {
    const rows = await db.lessonRecord.findMany({
      where: only({
        kindergartenId: pairing.assistedId,
        heldOn: dates,
        rating: { not: null },
        teacher: { kindergartenId: pairing.assistedId, role: 'TEACHER', active: true },
      }),
      orderBy: [{ teacherId: 'asc' }, { heldOn: 'desc' }, { evaluatedAt: 'desc' }],
      distinct: ['teacherId'],
      select: { id: true, title: true, heldOn: true, rating: true, teacher: { select: { name: true } } },
    });
    records = rows.map((l) => ({
      id: l.id,
      kind: 'lesson',
      title: `${l.teacher.name} · ${l.title}`,
      date: isoOf(l.heldOn),
      href: `/lessons/${l.id}`,
      unconfirmed: false,
      note: l.rating ?? undefined,
    }));
  } else if (test === 'A3' || test === 'A4' || test === 'A5') {
    const rows = await db.programmeRecord.findMany({
      where: only({ heldOn: dates, programme: { pairingId, kind: PROGRAMME_TEST[test], academicYear: period.semester.academicYear } }),
      orderBy: { heldOn: 'asc' },
      select: { id: true, title: true, heldOn: true, programmeId: true },
    });
    records = rows.map((r) => ({
      id: r.id,
      kind: 'programmeRecord',
      title: r.title,
      date: isoOf(r.heldOn),
      href: `/programmes/${r.programmeId}`,
      unconfirmed: false,
    }));
  } else if (test === 'A6') {
    const rows = await db.paper.findMany({
      where: only({ kindergartenId: pairing.assistedId, date: dates, level: { in: [...PAPER_LEVELS] } }),
      orderBy: { date: 'asc' },
      select: { id: true, title: true, date: true, confirmedAt: true, level: true },
    });
    records = rows.map((p) => ({
      id: p.id,
      kind: 'paper',
      title: p.title,
      date: isoOf(p.date),
      // The list is the papers' only page; each paper is an anchor in it.
      href: `/papers#paper-${p.id}`,
      unconfirmed: p.confirmedAt == null,
      note: p.level,
    }));
  } else if (test === 'A1') {
    const rows = await db.assessment.findMany({
      where: only({ pairingId, test: 'A1', assessedOn: dates }),
      orderBy: { assessedOn: 'desc' },
    });
    records = rows.map((a) => ({
      id: a.id,
      kind: 'assessment',
      title: a.notes || a.evidence,
      date: isoOf(a.assessedOn),
      href: null,
      unconfirmed: false,
      note: `${a.source}:${a.outcome}`,
    }));
  }
  // A1 decided by a recorded inspection (named by the result, live or frozen): the drill-down shows it.
  const decidedBy = test === 'A1' && result?.figure.kind === 'assessment' ? result.figure.inspectionId : undefined;
  const inspection = decidedBy ? await a1Inspection(actor, decidedBy, db) : null;
  return { ev, effects, result, records, inspection };
}
