import 'server-only';
import type { Db } from '@/lib/db';
import { currentMentorPairWhere, pairingWhere, type Actor } from '@/lib/authz';
import { cityTodayDate } from '@/lib/time/today';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate, zonedToInstant } from '@/lib/time/zoned';
import { evaluatePairings, resolvePeriod, type Evaluation } from './evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { addDays } from '@/lib/cycles/periods';

// The reads behind the home page's cards (components/effect-tests/home-cards.tsx), which only render.

/** The semester holding today (else the latest one ended), judged for the user's pairings. */
export async function currentEvaluation(user: Actor, db: Db, now = new Date()): Promise<Evaluation | null> {
  const [cycles, tz] = await Promise.all([listCycles(db), cityTimeZone(db)]);
  const period = resolvePeriod(cycles, undefined, localDate(now, tz));
  return period ? evaluatePairings(user, { period }, db) : null;
}

/**
 * What the user's kindergarten received as the assisted side in the evaluated semester. The class
 * hours are S2's own figure from the same evaluation (sent teaching, in the pairing's semester
 * window, never a disputed record, pending ones only when the city counts them), so the card and
 * the S2 line cannot disagree. The activities and donations are counted in the database by the
 * same rules over the same window: done, towards the assisted side, not disputed.
 */
export async function receivedInSemester(user: Actor, ev: Evaluation, db: Db) {
  const mine = ev.pairings.filter((p) => p.assisted.id === user.kindergartenId);
  if (!user.kindergartenId || mine.length === 0) return null;
  let have = 0;
  let need = 0;
  const ids: string[] = [];
  const from: string[] = [];
  const to: string[] = [];
  for (const p of mine) {
    const s2 = p.results.S2;
    if (s2.figure.kind !== 'hours' || !s2.window) continue;
    have += s2.figure.have;
    need += s2.figure.need;
    ids.push(p.id);
    from.push(zonedToInstant(s2.window.from, '00:00', ev.timeZone).toISOString());
    to.push(zonedToInstant(addDays(s2.window.to, 1), '00:00', ev.timeZone).toISOString());
  }
  if (ids.length === 0) return null;
  const [row] = await db.$queryRaw<{ activities: number; donations: number; value: string | null }[]>`
    WITH received AS (
      SELECT a.id, a.type FROM unnest(${ids}::text[], ${from}::timestamptz[], ${to}::timestamptz[]) AS w(pid, wfrom, wto)
      JOIN "Activity" a ON a."pairingId" = w.pid AND a."startsAt" >= w.wfrom AND a."startsAt" < w.wto
      WHERE a.status = 'DONE' AND a.direction = 'TO_ASSISTED' AND a.confirmation <> 'DISPUTED'
        AND (a.confirmation = 'CONFIRMED' OR NOT ${ev.confirmedOnly})
    )
    SELECT (SELECT COUNT(*) FROM received)::int AS activities,
      (SELECT COUNT(*) FROM received WHERE type = 'DONATION')::int AS donations,
      (SELECT SUM(l."estimatedValue") FROM "DonationLine" l JOIN received r ON r.id = l."activityId" WHERE r.type = 'DONATION') AS value`;
  return {
    activities: row?.activities ?? 0,
    hours: { have, need },
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
