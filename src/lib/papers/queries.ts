import 'server-only';
import type { Db } from '@/lib/db';
import { can, paperWhere, type Actor } from '@/lib/authz';
import { paperResource } from './commands';

export async function listPapers(actor: Actor, db: Db) {
  const rows = await db.paper.findMany({
    where: paperWhere(actor),
    orderBy: [{ date: 'desc' }],
    take: 200,
    include: {
      author: { select: { name: true } },
      kindergarten: { select: { name: true, countyId: true } },
      confirmedBy: { select: { name: true } },
      // The certificate: the director confirms against it, the bureau checks it later.
      evidence: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, originalName: true } },
    },
  });
  return rows.map((p) => ({
    files: p.evidence.map((f) => ({ id: f.id, name: f.originalName })),
    id: p.id,
    title: p.title,
    venue: p.venue,
    kind: p.kind,
    level: p.level,
    award: p.award,
    date: p.date,
    version: p.version,
    author: p.author.name,
    kindergarten: p.kindergarten.name,
    confirmedBy: p.confirmedBy?.name ?? null,
    confirmedAt: p.confirmedAt,
    canConfirm: !p.confirmedAt && actor.id !== p.authorId && can(actor, 'paper.confirm', paperResource(p)),
    canEdit: !p.confirmedAt && can(actor, 'paper.update', { ownerId: p.authorId }),
  }));
}

export async function getPaper(actor: Actor, id: string, db: Db) {
  const p = await db.paper.findUnique({ where: { id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return null;
  return { ...p, canEdit: !p.confirmedAt && can(actor, 'paper.update', { ownerId: p.authorId }) };
}
