import 'server-only';
import type { Db } from '@/lib/db';
import { can, lessonWhere, type Actor } from '@/lib/authz';
import { cityTodayDate } from '@/lib/time/today';
import { evaluatorResource, lessonResource, loadLesson } from './commands';

export async function listLessons(actor: Actor, db: Db, opts: { teacherId?: string } = {}) {
  const rows = await db.lessonRecord.findMany({
    where: { AND: [lessonWhere(actor, await cityTodayDate(db)), opts.teacherId ? { teacherId: opts.teacherId } : {}] },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      heldOn: true,
      className: true,
      domain: true,
      title: true,
      rating: true,
      teacherId: true,
      teacher: { select: { name: true } },
      kindergarten: { select: { name: true } },
    },
  });
  return rows.map((l) => ({ ...l, teacher: l.teacher.name, kindergarten: l.kindergarten.name, mine: l.teacherId === actor.id }));
}

export async function getLesson(actor: Actor, id: string, db: Db) {
  const found = await loadLesson(db, id);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return null;
  const l = found.lesson;
  return {
    ...l,
    teacher: l.teacher.name,
    kindergarten: l.kindergarten.name,
    evaluatedBy: l.evaluatedBy?.name ?? null,
    canEdit: !l.rating && can(actor, 'lesson.update', { ownerId: l.teacherId }),
    canEvaluate: actor.id !== l.teacherId && can(actor, 'lesson.evaluate', evaluatorResource(l, found.mentorIds)),
  };
}
