import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db';
import { serviceRecordPeopleWhere, type Actor } from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { isoOf } from '@/lib/time/date-only';
import type { LessonRating, PaperKind, PaperLevel, Role } from '@/generated/prisma/enums';

/**
 * A person's service across cycles, from the records themselves (issue 14): what a teacher takes to a
 * title committee (seed 002: service in rural kindergartens counts). Only confirmed records count:
 * class hours the receiving side confirmed, papers the director confirmed, approved commendations.
 */
export type ServiceRecord = {
  person: {
    id: string;
    name: string;
    role: Role;
    kindergarten: string | null;
    county: string | null;
    /** Absent from prints made before the English name was kept with them (countyName falls back). */
    countyEn?: string | null;
  };
  asOf: string;
  cycles: {
    name: string;
    startYear: number;
    /** Class hours sent to the assisted kindergarten (送教), confirmed by it. */
    classHoursSent: number;
    sentActivities: number;
    /** Follow-up study (跟班学习) at the supporting kindergarten: hosted by its staff, attended by the assisted side's. */
    followUpHosted: number;
    followUpAttended: number;
    /** Post exchanges (岗位互换 / 挂职). */
    postings: number;
    /** Every other confirmed activity taken part in. */
    otherActivities: number;
  }[];
  mentoring: { as: 'MENTOR' | 'APPRENTICE'; other: string; startsOn: string; endsOn: string | null; sessions: number }[];
  lessons: Record<LessonRating, number> & { total: number; unrated: number };
  papers: { title: string; venue: string; kind: PaperKind; level: PaperLevel; award: string; date: string }[];
  commendations: { round: string; category: string }[];
};

/** The people whose record the actor may open (for a director's staff list and the bureau's search). */
export async function listServiceRecordPeople(actor: Actor, db: Db = defaultDb) {
  return db.user.findMany({
    where: { ...serviceRecordPeopleWhere(actor), active: true },
    select: { id: true, name: true, role: true, kindergarten: { select: { name: true } } },
    orderBy: [{ kindergarten: { name: 'asc' } }, { name: 'asc' }],
    take: 500,
  });
}

/** Null when the person is outside the actor's scope (the page answers 404). */
export async function getServiceRecord(actor: Actor, personId: string, db: Db = defaultDb): Promise<ServiceRecord | null> {
  const person = await db.user.findFirst({
    where: { AND: [{ id: personId }, serviceRecordPeopleWhere(actor)] },
    select: {
      id: true,
      name: true,
      role: true,
      kindergartenId: true,
      kindergarten: { select: { name: true, county: { select: { name: true, nameEn: true } } } },
    },
  });
  if (!person) return null;
  const [activities, mentorPairs, lessons, papers, nominations, today] = await Promise.all([
    db.activity.findMany({
      where: {
        status: 'DONE',
        confirmation: 'CONFIRMED',
        participants: { some: { userId: person.id } },
        // A late entry counts once the bureau approved it (a NOT IN would also drop the NULLs).
        OR: [{ lateCorrection: null }, { lateCorrection: 'APPROVED' }],
      },
      select: {
        type: true,
        direction: true,
        classHours: true,
        pairing: { select: { supportingId: true, assistedId: true, cycle: { select: { name: true, startYear: true } } } },
      },
    }),
    db.mentorPair.findMany({
      where: { OR: [{ mentorId: person.id }, { apprenticeId: person.id }] },
      select: {
        mentorId: true,
        startsOn: true,
        endsOn: true,
        mentor: { select: { name: true } },
        apprentice: { select: { name: true } },
        _count: { select: { sessions: true } },
      },
      orderBy: { startsOn: 'asc' },
    }),
    db.lessonRecord.groupBy({ by: ['rating'], where: { teacherId: person.id }, _count: { _all: true } }),
    db.paper.findMany({
      where: { authorId: person.id, confirmedAt: { not: null } },
      select: { title: true, venue: true, kind: true, level: true, award: true, date: true },
      orderBy: { date: 'asc' },
    }),
    db.nomination.findMany({
      where: { userId: person.id, status: 'APPROVED', category: { round: { status: 'PUBLISHED' } } },
      select: { category: { select: { name: true, round: { select: { title: true } } } } },
    }),
    cityToday(db),
  ]);

  const cycles = new Map<string, ServiceRecord['cycles'][number]>();
  for (const a of activities) {
    const c = a.pairing.cycle;
    const row = cycles.get(c.name) ?? {
      name: c.name,
      startYear: c.startYear,
      classHoursSent: 0,
      sentActivities: 0,
      followUpHosted: 0,
      followUpAttended: 0,
      postings: 0,
      otherActivities: 0,
    };
    cycles.set(c.name, row);
    // The side is the person's kindergarten today: teachers rarely move between paired kindergartens,
    // and the participant row does not record the side (decision 025).
    const atSupporting = person.kindergartenId === a.pairing.supportingId;
    if (a.direction === 'TO_ASSISTED' && a.classHours != null && atSupporting) {
      row.classHoursSent += Number(a.classHours);
      row.sentActivities += 1;
    } else if (a.type === 'FOLLOW_UP_STUDY') {
      if (atSupporting) row.followUpHosted += 1;
      else row.followUpAttended += 1;
    } else if (a.type === 'POST_EXCHANGE') row.postings += 1;
    else row.otherActivities += 1;
  }

  const ratingCounts = { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0, total: 0, unrated: 0 };
  for (const g of lessons) {
    ratingCounts.total += g._count._all;
    if (g.rating) ratingCounts[g.rating] += g._count._all;
    else ratingCounts.unrated += g._count._all;
  }

  return {
    person: {
      id: person.id,
      name: person.name,
      role: person.role,
      kindergarten: person.kindergarten?.name ?? null,
      county: person.kindergarten?.county.name ?? null,
      // Both names, so that a print reads right in either language long after it was made.
      countyEn: person.kindergarten?.county.nameEn ?? null,
    },
    asOf: today,
    cycles: [...cycles.values()]
      .sort((a, b) => a.startYear - b.startYear)
      .map((c) => ({ ...c, classHoursSent: Math.round(c.classHoursSent * 10) / 10 })),
    mentoring: mentorPairs.map((m) => ({
      as: m.mentorId === person.id ? 'MENTOR' : 'APPRENTICE',
      other: m.mentorId === person.id ? m.apprentice.name : m.mentor.name,
      startsOn: isoOf(m.startsOn),
      endsOn: m.endsOn ? isoOf(m.endsOn) : null,
      sessions: m._count.sessions,
    })),
    lessons: ratingCounts,
    papers: papers.map((p) => ({ ...p, date: isoOf(p.date) })),
    commendations: nominations.map((n) => ({ round: n.category.round.title, category: n.category.name })),
  };
}

/** A printed record by its code: what it said that day, and nothing else (public: /verify/[code]). */
export async function getPrintByCode(code: string, db: Db = defaultDb) {
  const print = await db.serviceRecordPrint.findUnique({ where: { code }, select: { code: true, printedAt: true, content: true } });
  return print ? { code: print.code, printedAt: print.printedAt, record: print.content as unknown as ServiceRecord } : null;
}

/** The prints of a record the caller has already been allowed to read (newest first). */
export async function listPrints(personId: string, db: Db = defaultDb) {
  return db.serviceRecordPrint.findMany({
    where: { teacherId: personId },
    select: { id: true, code: true, printedAt: true },
    orderBy: { printedAt: 'desc' },
    take: 20,
  });
}

/** A print for its PDF: only when the person is in the actor's scope. */
export async function getPrint(actor: Actor, printId: string, db: Db = defaultDb) {
  const print = await db.serviceRecordPrint.findFirst({
    where: { id: printId, teacher: serviceRecordPeopleWhere(actor) },
    select: { id: true, code: true, printedAt: true, content: true },
  });
  return print ? { id: print.id, code: print.code, printedAt: print.printedAt, record: print.content as unknown as ServiceRecord } : null;
}
