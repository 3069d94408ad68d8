import 'server-only';
import type { Db } from '@/lib/db';
import { currentMentorPairWhere, pairingWhere, type Actor } from '@/lib/authz';
import { cityTodayDate } from '@/lib/time/today';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate, zonedToInstant } from '@/lib/time/zoned';
import { evaluatePairings, resolvePeriod, type Evaluation } from './evaluate';
import { listCycles } from '@/lib/cycles/queries';

// The reads behind the home page's cards (components/effect-tests/home-cards.tsx), which only render.

/** The semester holding today (else the latest one ended), judged for the user's pairings. */
export async function currentEvaluation(user: Actor, db: Db, now = new Date()): Promise<Evaluation | null> {
  const [cycles, tz] = await Promise.all([listCycles(db), cityTimeZone(db)]);
  const period = resolvePeriod(cycles, undefined, localDate(now, tz));
  return period ? evaluatePairings(user, { period }, db) : null;
}

/**
 * What the user's kindergarten received as the assisted side in the evaluated semester, counted in
 * the database. One set of activities (done, towards the assisted side, since the semester began)
 * feeds every figure, so a donation it sent neither counts nor adds to the value.
 */
export async function receivedInSemester(user: Actor, ev: Evaluation, db: Db) {
  const ids = ev.pairings.filter((p) => p.assisted.id === user.kindergartenId).map((p) => p.id);
  if (!user.kindergartenId || ids.length === 0) return null;
  const since = zonedToInstant(ev.period.semester.startsOn, '00:00', ev.timeZone);
  const [row] = await db.$queryRaw<{ activities: number; hours: string | null; donations: number; value: string | null }[]>`
    WITH received AS (
      SELECT a.id, a.type, a."classHours" FROM "Activity" a
      WHERE a."pairingId" = ANY(${ids}::text[]) AND a.status = 'DONE' AND a.direction = 'TO_ASSISTED' AND a."startsAt" >= ${since}
    )
    SELECT (SELECT COUNT(*) FROM received)::int AS activities,
      (SELECT SUM("classHours") FROM received) AS hours,
      (SELECT COUNT(*) FROM received WHERE type = 'DONATION')::int AS donations,
      (SELECT SUM(l."estimatedValue") FROM "DonationLine" l JOIN received r ON r.id = l."activityId" WHERE r.type = 'DONATION') AS value`;
  return {
    activities: row?.activities ?? 0,
    hours: Number(row?.hours ?? 0),
    donations: row?.donations ?? 0,
    value: Number(row?.value ?? 0),
  };
}

/** The next planned activities, each with its date in the city. */
export async function plannedNext(user: Actor, db: Db, now = new Date()) {
  const [rows, tz] = await Promise.all([
    db.activity.findMany({
      where: { pairing: pairingWhere(user, 'activity.view'), status: 'PLANNED', startsAt: { gte: now } },
      orderBy: { startsAt: 'asc' },
      take: 5,
      select: { id: true, title: true, startsAt: true },
    }),
    cityTimeZone(db),
  ]);
  return rows.map((a) => ({ id: a.id, title: a.title, date: localDate(a.startsAt, tz) }));
}

export function openRequests(user: Actor, db: Db) {
  return db.assistanceRequest.findMany({
    where: { pairing: pairingWhere(user, 'request.view'), status: { not: 'CLOSED' } },
    orderBy: { createdAt: 'asc' },
    take: 5,
    select: { id: true, title: true, status: true },
  });
}

export function teacherLessons(user: Actor, db: Db) {
  return db.lessonRecord.findMany({
    where: { teacherId: user.id },
    orderBy: { heldOn: 'desc' },
    take: 8,
    select: { id: true, title: true, heldOn: true, rating: true },
  });
}

export async function teacherPapersAndMentoring(user: Actor, db: Db) {
  const today = await cityTodayDate(db);
  return Promise.all([
    db.paper.findMany({
      where: { authorId: user.id },
      orderBy: { date: 'desc' },
      take: 5,
      select: { id: true, title: true, level: true, confirmedAt: true },
    }),
    db.mentorPair.findMany({
      where: { AND: [{ OR: [{ mentorId: user.id }, { apprenticeId: user.id }] }, currentMentorPairWhere(today)] },
      select: {
        id: true,
        goals: true,
        mentor: { select: { name: true } },
        apprentice: { select: { name: true } },
        _count: { select: { sessions: true } },
      },
    }),
  ]);
}
