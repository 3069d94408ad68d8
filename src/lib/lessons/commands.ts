/**
 * Lesson records and their evaluation: (actor, raw input, db) → Result; change + audit in one
 * transaction, the version in the update's WHERE.
 */
import type { Db } from '@/lib/db';
import { can, type ActorWithName, type Resource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, versioned, type Result } from '@/lib/result';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { mentorsOf } from '@/lib/mentoring/current';
import { EvaluateInput, LessonInput } from './schemas';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';
import { notify } from '@/lib/notifications/notify';

export function lessonResource(
  l: { teacherId: string; kindergartenId: string; kindergarten: { countyId: string } },
  mentorIds: string[],
): Resource {
  return { countyIds: [l.kindergarten.countyId], kindergartenIds: [l.kindergartenId], ownerIds: [l.teacherId, ...mentorIds] };
}

/** Who may rate a lesson: a director of its kindergarten or a current mentor; callers also refuse the teacher themself. */
export function evaluatorResource(l: { kindergartenId: string; kindergarten: { countyId: string } }, mentorIds: string[]): Resource {
  return { countyIds: [l.kindergarten.countyId], kindergartenIds: [l.kindergartenId], ownerIds: mentorIds };
}

export async function loadLesson(db: Db, id: string, now = new Date()) {
  const l = await db.lessonRecord.findUnique({
    where: { id },
    include: {
      kindergarten: { select: { countyId: true, name: true } },
      teacher: { select: { name: true } },
      evaluatedBy: { select: { name: true } },
    },
  });
  if (!l) return null;
  return { lesson: l, mentorIds: await mentorsOf(db, l.teacherId, now) };
}

/** A teacher (or director) records a lesson they gave; it can be changed until it is evaluated. */
export async function saveLesson(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(LessonInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, ...d } = parsed.value;
  const data = { ...d, heldOn: dateOnly(d.heldOn) };
  if (!id) {
    if (!actor.kindergartenId || !can(actor, 'lesson.create', { ownerId: actor.id })) return fail('notAllowed');
    // A closed period's lessons are frozen in its A2 results (decision 020).
    const closing = await checkClosing(db, { before: null, after: d.heldOn });
    if (closing.kind === 'refused') return closedRefusal(closing, 'heldOn');
    const kindergartenId = actor.kindergartenId;
    const created = await db.$transaction(async (tx) => {
      const l = await tx.lessonRecord.create({ data: { ...data, teacherId: actor.id, kindergartenId } });
      await writeAudit(tx, {
        actor,
        action: 'lesson.created',
        entityType: 'LessonRecord',
        entityId: l.id,
        countyId: actor.countyId,
        kindergartenId,
        after: d,
      });
      return l;
    });
    return ok({ id: created.id });
  }
  const found = await loadLesson(db, id);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return fail('notFound');
  const l = found.lesson;
  if (!can(actor, 'lesson.update', { ownerId: l.teacherId })) return fail('notAllowed');
  // An evaluation rates what was read: the record stays as it was.
  if (l.rating) return fail('wrongState');
  if (version !== l.version) return fail('conflict');
  const closing = await checkClosing(db, { before: isoOf(l.heldOn), after: d.heldOn });
  if (closing.kind === 'refused') return closedRefusal(closing, 'heldOn');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.lessonRecord.update({ where: { id: l.id, version: l.version }, data: { ...data, version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: 'lesson.updated',
        entityType: 'LessonRecord',
        entityId: l.id,
        countyId: l.kindergarten.countyId,
        kindergartenId: l.kindergartenId,
        before: { heldOn: l.heldOn, className: l.className, domain: l.domain, title: l.title, plan: l.plan, reflection: l.reflection },
        after: d,
      });
      return { id: l.id };
    }),
  );
}

/** A director of the teacher's kindergarten or the teacher's mentor rates the lesson; never the teacher. */
export async function evaluateLesson(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = parseInput(EvaluateInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, rating, comment } = parsed.value;
  const found = await loadLesson(db, id, now);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return fail('notFound');
  const l = found.lesson;
  if (actor.id === l.teacherId || !can(actor, 'lesson.evaluate', evaluatorResource(l, found.mentorIds))) return fail('notAllowed');
  if (version !== l.version) return fail('conflict');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.lessonRecord.update({
        where: { id: l.id, version: l.version },
        data: { rating, ratingComment: comment || null, evaluatedById: actor.id, evaluatedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'lesson.evaluated',
        entityType: 'LessonRecord',
        entityId: l.id,
        countyId: l.kindergarten.countyId,
        kindergartenId: l.kindergartenId,
        before: { rating: l.rating, comment: l.ratingComment, evaluatedById: l.evaluatedById },
        after: { rating, comment },
      });
      await notify(tx, {
        kind: 'lesson.rated',
        recipientIds: [l.teacherId],
        actorId: actor.id,
        href: `/lessons/${l.id}`,
        entityType: 'LessonRecord',
        entityId: l.id,
        values: { title: l.title, rating: { key: `teaching.ratings.${rating}` } },
      });
      return { id: l.id };
    }),
  );
}
