/**
 * Teachers' papers and awards: (actor, raw input, db) → Result; change + audit in one
 * transaction, the version in the update's WHERE.
 */
import type { Db } from '@/lib/db';
import { can, type ActorWithName, type Resource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, versioned, type Result } from '@/lib/result';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { PaperInput, PaperRef, PaperUpdateInput } from './schemas';
import { checkClosing, closedRefusal } from '@/lib/periods/guard';

export function paperResource(p: { authorId: string; kindergartenId: string; kindergarten: { countyId: string } }): Resource {
  return { countyIds: [p.kindergarten.countyId], kindergartenIds: [p.kindergartenId], ownerId: p.authorId };
}

/** A teacher enters their own paper or award; it counts for A6 once their director confirms it. */
export async function createPaper(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(PaperInput, raw);
  if (!parsed.ok) return parsed;
  if (!actor.kindergartenId || !can(actor, 'paper.create', { ownerId: actor.id })) return fail('notAllowed');
  const d = parsed.value;
  // A closed academic year's papers are frozen in its A6 result (decision 020).
  const closing = await checkClosing(db, { before: null, after: d.date });
  if (closing.kind === 'refused') return closedRefusal(closing, 'date');
  const kindergartenId = actor.kindergartenId;
  const created = await db.$transaction(async (tx) => {
    const p = await tx.paper.create({ data: { ...d, date: dateOnly(d.date), authorId: actor.id, kindergartenId } });
    await writeAudit(tx, {
      actor,
      action: 'paper.created',
      entityType: 'Paper',
      entityId: p.id,
      countyId: actor.countyId,
      kindergartenId,
      after: d,
    });
    return p;
  });
  return ok({ id: created.id });
}

/** The author corrects their entry until the director has confirmed it. */
export async function updatePaper(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  const parsed = parseInput(PaperUpdateInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, ...d } = parsed.value;
  const p = await db.paper.findUnique({ where: { id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return fail('notFound');
  if (!can(actor, 'paper.update', { ownerId: p.authorId })) return fail('notAllowed');
  if (p.confirmedAt) return fail('wrongState');
  if (p.version !== version) return fail('conflict');
  const closing = await checkClosing(db, { before: isoOf(p.date), after: d.date });
  if (closing.kind === 'refused') return closedRefusal(closing, 'date');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.paper.update({ where: { id, version: p.version }, data: { ...d, date: dateOnly(d.date), version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: 'paper.updated',
        entityType: 'Paper',
        entityId: id,
        countyId: p.kindergarten.countyId,
        kindergartenId: p.kindergartenId,
        before: { title: p.title, venue: p.venue, kind: p.kind, level: p.level, award: p.award, date: p.date },
        after: d,
      });
      return { id };
    }),
  );
}

export async function confirmPaper(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = PaperRef.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const p = await db.paper.findUnique({ where: { id: parsed.data.id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return fail('notFound');
  // A director who wrote the paper needs another director (a deputy) to confirm it.
  if (actor.id === p.authorId || !can(actor, 'paper.confirm', paperResource(p))) return fail('notAllowed');
  if (p.confirmedAt) return fail('wrongState');
  // One confirms what one read: a correction since the list was shown must be read first.
  if (p.version !== parsed.data.version) return fail('conflict');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.paper.update({
        where: { id: p.id, version: p.version },
        data: { confirmedById: actor.id, confirmedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: 'paper.confirmed',
        entityType: 'Paper',
        entityId: p.id,
        countyId: p.kindergarten.countyId,
        kindergartenId: p.kindergartenId,
        after: { confirmedAt: now },
      });
      return { id: p.id };
    }),
  );
}
