import 'server-only';
import type { Db } from '@/lib/db';
import { can, hasPermission, lessonWhere, PAIRING_SCOPE, pairingResource, pairingWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { cityTodayDate } from '@/lib/time/today';
import { loadMentorPair, mentorPairResource } from './commands';

export async function listMentorPairs(actor: Actor, db: Db) {
  const rows = await db.mentorPair.findMany({
    where: { pairing: pairingWhere(actor, 'mentor.view') },
    orderBy: [{ startsOn: 'desc' }],
    take: 200,
    include: {
      pairing: { select: PAIRING_SCOPE },
      mentor: { select: { name: true } },
      apprentice: { select: { name: true } },
      _count: { select: { sessions: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    pairing: pairingLabel(p.pairing),
    mentor: p.mentor.name,
    apprentice: p.apprentice.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    sessions: p._count.sessions,
    mine: p.mentorId === actor.id || p.apprenticeId === actor.id,
  }));
}

export async function getMentorPair(actor: Actor, id: string, db: Db) {
  const p = await loadMentorPair(db, id);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return null;
  const [people, sessions, lessons] = await Promise.all([
    db.user.findMany({ where: { id: { in: [p.mentorId, p.apprenticeId] } }, select: { id: true, name: true } }),
    db.mentorSession.findMany({
      where: { mentorPairId: p.id },
      orderBy: { heldOn: 'desc' },
      include: { createdBy: { select: { name: true } } },
    }),
    // The apprentice's lessons, as far as the viewer may see them: the one-on-one file shows progress.
    db.lessonRecord.findMany({
      where: { AND: [lessonWhere(actor, await cityTodayDate(db)), { teacherId: p.apprenticeId }] },
      orderBy: { heldOn: 'desc' },
      take: 20,
      select: { id: true, heldOn: true, title: true, rating: true },
    }),
  ]);
  const name = (id: string) => people.find((x) => x.id === id)?.name ?? '';
  return {
    id: p.id,
    pairing: pairingLabel(p.pairing),
    mentor: name(p.mentorId),
    apprentice: name(p.apprenticeId),
    goals: p.goals,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    sessions: sessions.map((s) => ({ ...s, createdBy: s.createdBy.name })),
    lessons,
    version: p.version,
    canLog: can(actor, 'mentor.logSession', mentorPairResource(p)),
    canManage: can(actor, 'mentor.manage', pairingResource(p.pairing)),
  };
}

/** Pairings where the actor may form master–apprentice pairs, with the teachers of each side. */
export async function mentorPairOptions(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'mentor.manage')) return [];
  const staff = { where: { active: true }, select: { id: true, name: true, role: true }, orderBy: { name: 'asc' as const } };
  const rows = await db.pairing.findMany({
    where: { AND: [pairingWhere(actor, 'mentor.manage'), { endsOn: null }] },
    select: {
      ...PAIRING_SCOPE,
      supporting: { select: { countyId: true, name: true, users: staff } },
      assisted: { select: { countyId: true, name: true, users: staff } },
    },
  });
  return rows
    .filter((p) => can(actor, 'mentor.manage', pairingResource(p)))
    .map((p) => ({
      id: p.id,
      label: pairingLabel(p),
      mentors: p.supporting.users,
      apprentices: p.assisted.users,
    }));
}
