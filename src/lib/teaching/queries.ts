import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { can, hasPermission, lessonWhere, PAIRING_SCOPE, pairingResource, pairingWhere, paperWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { cityToday, lessonResource, loadLesson, loadMentorPair, mentorPairResource, paperResource } from './commands';

export async function listLessons(actor: Actor, db: Db, opts: { teacherId?: string } = {}) {
  const rows = await db.lessonRecord.findMany({
    where: { AND: [lessonWhere(actor, await cityToday(db)), opts.teacherId ? { teacherId: opts.teacherId } : {}] },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true, heldOn: true, className: true, domain: true, title: true, rating: true, teacherId: true,
      teacher: { select: { name: true } }, kindergarten: { select: { name: true } },
    },
  });
  return rows.map((l) => ({ ...l, teacher: l.teacher.name, kindergarten: l.kindergarten.name, mine: l.teacherId === actor.id }));
}

export async function getLesson(actor: Actor, id: string, db: Db) {
  const found = await loadLesson(db, id);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return null;
  const l = found.lesson;
  const asEvaluator = { countyIds: [l.kindergarten.countyId], kindergartenIds: [l.kindergartenId], ownerIds: found.mentorIds };
  return {
    ...l, teacher: l.teacher.name, kindergarten: l.kindergarten.name, evaluatedBy: l.evaluatedBy?.name ?? null,
    canEdit: !l.rating && can(actor, 'lesson.update', { ownerId: l.teacherId }),
    canEvaluate: actor.id !== l.teacherId && can(actor, 'lesson.evaluate', asEvaluator),
  };
}

export async function listMentorPairs(actor: Actor, db: Db) {
  const rows = await db.mentorPair.findMany({
    where: { pairing: pairingWhere(actor, 'mentor.view') },
    orderBy: [{ startsOn: 'desc' }],
    take: 200,
    include: {
      pairing: { select: PAIRING_SCOPE }, mentor: { select: { name: true } }, apprentice: { select: { name: true } },
      _count: { select: { sessions: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id, pairing: pairingLabel(p.pairing), mentor: p.mentor.name, apprentice: p.apprentice.name, startsOn: p.startsOn, endsOn: p.endsOn,
    sessions: p._count.sessions, mine: p.mentorId === actor.id || p.apprenticeId === actor.id,
  }));
}

export async function getMentorPair(actor: Actor, id: string, db: Db) {
  const p = await loadMentorPair(db, id);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return null;
  const [people, sessions, lessons] = await Promise.all([
    db.user.findMany({ where: { id: { in: [p.mentorId, p.apprenticeId] } }, select: { id: true, name: true } }),
    db.mentorSession.findMany({ where: { mentorPairId: p.id }, orderBy: { heldOn: 'desc' }, include: { createdBy: { select: { name: true } } } }),
    // The apprentice's lessons, as far as the viewer may see them: the one-on-one file shows progress.
    db.lessonRecord.findMany({
      where: { AND: [lessonWhere(actor, await cityToday(db)), { teacherId: p.apprenticeId }] }, orderBy: { heldOn: 'desc' }, take: 20,
      select: { id: true, heldOn: true, title: true, rating: true },
    }),
  ]);
  const name = (id: string) => people.find((x) => x.id === id)?.name ?? '';
  return {
    id: p.id, pairing: pairingLabel(p.pairing), mentor: name(p.mentorId), apprentice: name(p.apprenticeId), goals: p.goals,
    startsOn: p.startsOn, endsOn: p.endsOn, sessions: sessions.map((s) => ({ ...s, createdBy: s.createdBy.name })), lessons,
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
    select: { ...PAIRING_SCOPE, supporting: { select: { countyId: true, name: true, users: staff } }, assisted: { select: { countyId: true, name: true, users: staff } } },
  });
  return rows.filter((p) => can(actor, 'mentor.manage', pairingResource(p))).map((p) => ({
    id: p.id, label: pairingLabel(p), mentors: p.supporting.users, apprentices: p.assisted.users,
  }));
}

export async function listPapers(actor: Actor, db: Db) {
  const rows = await db.paper.findMany({
    where: paperWhere(actor), orderBy: [{ date: 'desc' }], take: 200,
    include: {
      author: { select: { name: true } }, kindergarten: { select: { name: true, countyId: true } }, confirmedBy: { select: { name: true } },
      // The certificate: the director confirms against it, the bureau checks it later.
      evidence: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, originalName: true } },
    },
  });
  return rows.map((p) => ({
    files: p.evidence.map((f) => ({ id: f.id, name: f.originalName })),
    id: p.id, title: p.title, venue: p.venue, kind: p.kind, level: p.level, award: p.award, date: p.date, version: p.version,
    author: p.author.name, kindergarten: p.kindergarten.name, confirmedBy: p.confirmedBy?.name ?? null, confirmedAt: p.confirmedAt,
    canConfirm: !p.confirmedAt && actor.id !== p.authorId && can(actor, 'paper.confirm', paperResource(p)),
    canEdit: !p.confirmedAt && can(actor, 'paper.update', { ownerId: p.authorId }),
  }));
}

export async function getPaper(actor: Actor, id: string, db: Db) {
  const p = await db.paper.findUnique({ where: { id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return null;
  return { ...p, canEdit: !p.confirmedAt && can(actor, 'paper.update', { ownerId: p.authorId }) };
}

export async function listProgrammes(actor: Actor, db: Db) {
  const rows = await db.programme.findMany({
    where: { pairing: pairingWhere(actor, 'programme.view') }, orderBy: [{ academicYear: 'desc' }, { kind: 'asc' }], take: 200,
    include: { pairing: { select: PAIRING_SCOPE }, _count: { select: { records: true } } },
  });
  return rows.map((p) => ({ id: p.id, kind: p.kind, academicYear: p.academicYear, title: p.title, pairing: pairingLabel(p.pairing), records: p._count.records, hasResults: !!p.results.trim() }));
}

export async function getProgramme(actor: Actor, id: string, db: Db) {
  const p = await db.programme.findUnique({
    where: { id },
    include: { pairing: { select: PAIRING_SCOPE }, records: { orderBy: { heldOn: 'desc' }, include: { createdBy: { select: { name: true } } } } },
  });
  if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return null;
  return {
    ...p, pairingLabel: pairingLabel(p.pairing), records: p.records.map((r) => ({ ...r, createdBy: r.createdBy.name })),
    canManage: can(actor, 'programme.manage', pairingResource(p.pairing)),
    canRecord: can(actor, 'programme.record', pairingResource(p.pairing)),
  };
}

/** Pairings in scope for a permission, labelled; the pairings a user may create programmes or plans for. */
export async function pairingsFor(actor: Actor, action: 'programme.manage' | 'annualPlan.view', db: Db) {
  if (!hasPermission(actor, action)) return [];
  const rows = await db.pairing.findMany({
    where: pairingWhere(actor, action), select: { ...PAIRING_SCOPE, cycle: { select: { startYear: true } } },
    orderBy: [{ cycle: { startYear: 'desc' } }, { supporting: { name: 'asc' } }], take: 500,
  });
  return rows.filter((p) => can(actor, action, pairingResource(p))).map((p) => ({ id: p.id, label: pairingLabel(p), startYear: p.cycle.startYear }));
}

export async function getAnnualPlan(actor: Actor, pairingId: string, academicYear: number, db: Db) {
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return null;
  const plan = await db.annualPlan.findUnique({
    where: { pairingId_academicYear: { pairingId, academicYear } },
    include: { planSubmittedBy: { select: { name: true } }, summarySubmittedBy: { select: { name: true } }, updatedBy: { select: { name: true } } },
  });
  return { pairing: { id: pairing.id, label: pairingLabel(pairing) }, plan, canEdit: can(actor, 'annualPlan.edit', pairingResource(pairing)) };
}

export async function listAnnualPlans(actor: Actor, db: Db) {
  return db.annualPlan.findMany({
    where: { pairing: pairingWhere(actor, 'annualPlan.view') },
    select: { pairingId: true, academicYear: true, planSubmittedAt: true, summarySubmittedAt: true },
  });
}
