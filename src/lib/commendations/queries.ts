import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { CommendationCategoryKind, InspectionGrade } from '@/generated/prisma/enums';
import { db as defaultDb, type Db } from '@/lib/db';
import { commendationRoundWhere, hasPermission, scopeRuleFor, type Actor } from '@/lib/authz';
import { cityTodayDate } from '@/lib/time/today';
import { scorePairing, scorePerson, shortlist, type PersonStats, type Scored } from './rules';

export async function listRounds(actor: Actor, db: Db = defaultDb) {
  return db.commendationRound.findMany({
    where: commendationRoundWhere(actor),
    select: { id: true, title: true, status: true, publishedAt: true, cycle: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
}

export type Nominee = { kind: 'pairing' | 'kindergarten' | 'user'; id: string; name: string; detail: string; countyId: string };

/** A round with what the actor may see of its nominations: the city all; a county its own; everyone the approved, once published. */
export async function getRound(actor: Actor, id: string, db: Db = defaultDb) {
  const round = await db.commendationRound.findFirst({
    where: { AND: [{ id }, commendationRoundWhere(actor)] },
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      version: true,
      publishedAt: true,
      cycleId: true,
      cycle: { select: { name: true } },
      categories: {
        orderBy: { kind: 'asc' },
        select: {
          id: true,
          kind: true,
          name: true,
          quotaPerCounty: true,
          nominations: {
            where: nominationWhere(actor),
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              countyId: true,
              pairingId: true,
              kindergartenId: true,
              userId: true,
              fromShortlist: true,
              reason: true,
              status: true,
            },
          },
        },
      },
    },
  });
  if (!round) return null;
  const all = round.categories.flatMap((c) => c.nominations);
  const names = await nomineeNames(db, all);
  const counties = new Map(
    (await db.region.findMany({ where: { kind: 'COUNTY' }, select: { id: true, name: true, nameEn: true } })).map(
      (r) => [r.id, r] as const,
    ),
  );
  return {
    ...round,
    categories: round.categories.map((c) => ({
      ...c,
      nominations: c.nominations.map((n) => ({
        ...n,
        county: counties.get(n.countyId) ?? { name: '', nameEn: null },
        nominee: names.get(n.pairingId ?? n.kindergartenId ?? n.userId ?? '') ?? { name: '—', detail: '' },
      })),
    })),
    counties: [...counties.values()],
  };

  function nominationWhere(a: Actor): Prisma.NominationWhereInput {
    if (hasPermission(a, 'commendation.manage')) return {};
    const published = { status: 'APPROVED' as const, category: { round: { status: 'PUBLISHED' as const } } };
    if (scopeRuleFor(a, 'commendation.nominate') === 'county') return { OR: [{ countyId: a.countyId ?? '' }, published] };
    return published;
  }
}

async function nomineeNames(db: Db, rows: { pairingId: string | null; kindergartenId: string | null; userId: string | null }[]) {
  const ids = (k: 'pairingId' | 'kindergartenId' | 'userId') => rows.map((r) => r[k]).filter((x): x is string => x != null);
  const [pairings, kindergartens, users] = await Promise.all([
    db.pairing.findMany({
      where: { id: { in: ids('pairingId') } },
      select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } } },
    }),
    db.kindergarten.findMany({ where: { id: { in: ids('kindergartenId') } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids('userId') } }, select: { id: true, name: true, kindergarten: { select: { name: true } } } }),
  ]);
  const out = new Map<string, { name: string; detail: string }>();
  for (const p of pairings) out.set(p.id, { name: `${p.supporting.name} — ${p.assisted.name}`, detail: '' });
  for (const k of kindergartens) out.set(k.id, { name: k.name, detail: '' });
  for (const u of users) out.set(u.id, { name: u.name, detail: u.kindergarten?.name ?? '' });
  return out;
}

export type Candidate = { id: string; name: string; detail: string; scored: Scored };

/** The cycle's first and last day (its semesters' span). */
async function cycleWindow(db: Db, cycleId: string) {
  const s = await db.semester.aggregate({ where: { cycleId }, _min: { startsOn: true }, _max: { endsOn: true } });
  return { from: s._min.startsOn ?? new Date(0), to: s._max.endsOn ?? new Date(0) };
}

/** Per pairing of the cycle: closed semesters with every test met, the latest grade, overdue corrections. */
async function pairingStats(db: Db, cycleId: string, countyId: string) {
  const pairings = await db.pairing.findMany({
    where: { cycleId, OR: [{ supporting: { countyId } }, { assisted: { countyId } }] },
    select: {
      id: true,
      supportingId: true,
      assistedId: true,
      supporting: { select: { name: true } },
      assisted: { select: { name: true } },
    },
  });
  const ids = pairings.map((p) => p.id);
  const today = await cityTodayDate(db);
  const [frozen, inspections, overdue] = await Promise.all([
    db.frozenResult.findMany({
      where: { pairingId: { in: ids }, closedPeriod: { kind: 'SEMESTER' } },
      select: { pairingId: true, closedPeriodId: true, status: true },
    }),
    db.inspection.findMany({
      where: { pairingId: { in: ids }, status: 'RECORDED', grade: { not: null } },
      select: { pairingId: true, grade: true },
      orderBy: [{ inspectedOn: 'desc' }, { recordedAt: 'desc' }],
    }),
    db.rectification.groupBy({
      by: ['pairingId'],
      where: { pairingId: { in: ids }, status: { in: ['OPEN', 'RETURNED'] }, deadline: { lt: today } },
      _count: { _all: true },
    }),
  ]);
  const semesters = new Map<string, Map<string, boolean>>();
  for (const f of frozen) {
    const per = semesters.get(f.pairingId) ?? new Map<string, boolean>();
    semesters.set(f.pairingId, per);
    per.set(f.closedPeriodId, (per.get(f.closedPeriodId) ?? true) && f.status === 'MET');
  }
  const grade = new Map<string, InspectionGrade>();
  for (const i of inspections) if (i.pairingId && !grade.has(i.pairingId) && i.grade) grade.set(i.pairingId, i.grade);
  const overdueBy = new Map(overdue.map((o) => [o.pairingId, o._count._all] as const));
  return pairings.map((p) => {
    const per = [...(semesters.get(p.id)?.values() ?? [])];
    const scored = scorePairing({
      semestersClosed: per.length,
      semestersAllMet: per.filter(Boolean).length,
      latestGrade: grade.get(p.id) ?? null,
      overdueRectifications: overdueBy.get(p.id) ?? 0,
    });
    return { ...p, scored };
  });
}

/** Per person (teachers or directors of the county's kindergartens): what they did for the pairings in the cycle. */
async function personStats(db: Db, cycleId: string, countyId: string, role: 'TEACHER' | 'DIRECTOR') {
  const people = await db.user.findMany({
    where: { role, active: true, kindergarten: { countyId } },
    select: { id: true, name: true, kindergarten: { select: { name: true } } },
  });
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const { from, to } = await cycleWindow(db, cycleId);
  const [hours, sessions, lessons, papers] = await Promise.all([
    // Same rule as the service record: confirmed, done, sent to the assisted side by someone of the supporting side.
    db.$queryRaw<{ userId: string; hours: number }[]>`
      SELECT p."userId", SUM(a."classHours")::float8 AS hours
      FROM "ActivityParticipant" p
      JOIN "Activity" a ON a.id = p."activityId"
      JOIN "Pairing" pr ON pr.id = a."pairingId"
      JOIN "User" u ON u.id = p."userId"
      WHERE pr."cycleId" = ${cycleId} AND p."userId" IN (${Prisma.join(ids)})
        AND a.status = 'DONE' AND a.confirmation = 'CONFIRMED' AND a.direction = 'TO_ASSISTED'
        AND a."classHours" IS NOT NULL AND u."kindergartenId" = pr."supportingId"
        AND (a."lateCorrection" IS NULL OR a."lateCorrection" = 'APPROVED')
      GROUP BY p."userId"`,
    db.mentorSession.groupBy({
      by: ['mentorPairId'],
      where: { mentorPair: { mentorId: { in: ids }, pairing: { cycleId } } },
      _count: { _all: true },
    }),
    db.lessonRecord.groupBy({
      by: ['teacherId'],
      where: { teacherId: { in: ids }, rating: 'EXCELLENT', heldOn: { gte: from, lte: to } },
      _count: { _all: true },
    }),
    db.paper.groupBy({
      by: ['authorId'],
      where: {
        authorId: { in: ids },
        confirmedAt: { not: null },
        level: { in: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] },
        date: { gte: from, lte: to },
      },
      _count: { _all: true },
    }),
  ]);
  const pairMentor = new Map(
    (
      await db.mentorPair.findMany({ where: { id: { in: sessions.map((s) => s.mentorPairId) } }, select: { id: true, mentorId: true } })
    ).map((m) => [m.id, m.mentorId] as const),
  );
  const stats = new Map<string, PersonStats>(ids.map((id) => [id, { hoursSent: 0, mentorSessions: 0, excellentLessons: 0, papers: 0 }]));
  for (const h of hours) stats.get(h.userId)!.hoursSent = Math.round(Number(h.hours) * 10) / 10;
  for (const s of sessions) {
    const mentor = pairMentor.get(s.mentorPairId);
    if (mentor) stats.get(mentor)!.mentorSessions += s._count._all;
  }
  for (const l of lessons) stats.get(l.teacherId)!.excellentLessons = l._count._all;
  for (const p of papers) stats.get(p.authorId)!.papers = p._count._all;
  return people.map((p) => ({ id: p.id, name: p.name, detail: p.kindergarten?.name ?? '', scored: scorePerson(stats.get(p.id)!) }));
}

/** The shortlist of a category for one county, computed from the records now. */
export async function shortlistFor(kind: CommendationCategoryKind, cycleId: string, countyId: string, quota: number, db: Db = defaultDb) {
  return shortlist(await candidatesFor(kind, cycleId, countyId, db), quota);
}

/** Everyone a county could put forward in a category, scored (a nomination off the shortlist needs a written reason). */
export async function candidatesFor(
  kind: CommendationCategoryKind,
  cycleId: string,
  countyId: string,
  db: Db = defaultDb,
): Promise<Candidate[]> {
  switch (kind) {
    case 'PAIRING':
      return (await pairingStats(db, cycleId, countyId)).map((p) => ({
        id: p.id,
        name: `${p.supporting.name} — ${p.assisted.name}`,
        detail: '',
        scored: p.scored,
      }));
    case 'KINDERGARTEN': {
      // A kindergarten is as good as its best pairing of the cycle, on either side (the county's own only).
      const rows = await pairingStats(db, cycleId, countyId);
      const kgs = await db.kindergarten.findMany({
        where: { countyId, id: { in: rows.flatMap((r) => [r.supportingId, r.assistedId]) } },
        select: { id: true, name: true },
      });
      return kgs.map((k) => {
        const best = rows
          .filter((r) => r.supportingId === k.id || r.assistedId === k.id)
          .sort((a, b) => Number(b.scored.eligible) - Number(a.scored.eligible) || b.scored.score - a.scored.score)[0];
        return { id: k.id, name: k.name, detail: '', scored: best.scored };
      });
    }
    case 'TEACHER':
    case 'DIRECTOR':
      return personStats(db, cycleId, countyId, kind);
  }
}

/** An approved nomination of a published round, for its certificate (published lists are public in the city). */
export async function getCertificate(id: string, db: Db = defaultDb) {
  const n = await db.nomination.findFirst({
    where: { id, status: 'APPROVED', category: { round: { status: 'PUBLISHED' } } },
    select: {
      id: true,
      pairingId: true,
      kindergartenId: true,
      userId: true,
      category: { select: { name: true, round: { select: { publishedAt: true, cycle: { select: { name: true } } } } } },
    },
  });
  if (!n) return null;
  const nominee = (await nomineeNames(db, [n])).get(n.pairingId ?? n.kindergartenId ?? n.userId ?? '') ?? { name: '—', detail: '' };
  const city = await db.region.findFirst({ where: { kind: 'CITY' }, select: { name: true } });
  return {
    ...nominee,
    category: n.category.name,
    cycle: n.category.round.cycle.name,
    city: city?.name ?? '',
    publishedAt: n.category.round.publishedAt!,
  };
}
