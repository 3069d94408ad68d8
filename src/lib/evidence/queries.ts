import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { can, scopeRuleFor, type Actor } from '@/lib/authz';
import { fileResource, LINK_FIELD, loadParent, mayAttach, type Target } from './commands';

export type EvidenceItem = {
  id: string;
  name: string;
  kind: 'PHOTO' | 'DOCUMENT';
  mimeType: string;
  size: number;
  createdAt: Date;
  uploadedBy: string;
  canDelete: boolean;
};

/** The files of one record, for its page; empty when the record is out of scope. */
export async function listEvidence(actor: Actor, target: Target, id: string, db: Db) {
  const parent = await loadParent(db, target, id);
  if (!parent || !can(actor, parent.view.action, parent.view.resource)) return null;
  const rows = await db.evidenceFile.findMany({
    where: { [LINK_FIELD[target]]: id, deletedAt: null },
    orderBy: [{ kind: 'desc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      originalName: true,
      kind: true,
      mimeType: true,
      size: true,
      createdAt: true,
      kindergartenId: true,
      uploadedById: true,
      activityId: true,
      lessonRecordId: true,
      paperId: true,
      programmeId: true,
      annualPlanId: true,
      rectificationId: true,
      inspectionItemId: true,
      uploadedBy: { select: { name: true } },
    },
  });
  // The bureau's files (an inspection's photos) are added under the kindergarten the record names, not the actor's own.
  const attachAs = parent.byBureau?.kindergartenId ?? actor.kindergartenId;
  const canAttach = !parent.locked && !!attachAs && parent.kindergartenIds.includes(attachAs) && mayAttach(actor, parent, attachAs);
  const items: EvidenceItem[] = rows.map((f) => ({
    id: f.id,
    name: f.originalName,
    kind: f.kind,
    mimeType: f.mimeType,
    size: f.size,
    createdAt: f.createdAt,
    uploadedBy: f.uploadedBy.name,
    canDelete:
      !parent.locked &&
      (parent.byBureau
        ? mayAttach(actor, parent, f.kindergartenId)
        : can(actor, 'evidence.delete', fileResource(f, parent.countyOf(f.kindergartenId)))),
  }));
  return { items, canAttach, locked: parent.locked };
}

/** SQL condition: the activity's pairing lies in the admin's scope (the same rule as pairingWhere). */
function pairingScopeSql(actor: Actor, alias: string) {
  const rule = scopeRuleFor(actor, 'evidence.duplicates');
  if (rule === 'city') return Prisma.sql`TRUE`;
  if (rule === 'county' && actor.countyId) {
    return Prisma.sql`EXISTS (SELECT 1 FROM "Pairing" p JOIN "Kindergarten" s ON s.id = p."supportingId" JOIN "Kindergarten" a ON a.id = p."assistedId"
      WHERE p.id = ${Prisma.raw(alias)}."pairingId" AND (s."countyId" = ${actor.countyId} OR a."countyId" = ${actor.countyId}))`;
  }
  return Prisma.sql`FALSE`;
}

type PairRow = {
  sha256: string;
  id1: string;
  a1: string;
  t1: string;
  at1: Date;
  id2: string;
  a2: string;
  t2: string;
  at2: Date;
};

/**
 * Pairs of photo files with the same SHA-256 on two different activities, both in the admin's
 * scope. Directors do not get this list (see docs/decisions/008).
 */
export async function listDuplicatePhotos(actor: Actor, db: Db, limit = 200) {
  if (!scopeRuleFor(actor, 'evidence.duplicates')) return [];
  const rows = await db.$queryRaw<PairRow[]>`
    SELECT f1.sha256, f1.id AS id1, x1.id AS a1, x1.title AS t1, f1."createdAt" AS at1,
           f2.id AS id2, x2.id AS a2, x2.title AS t2, f2."createdAt" AS at2
    FROM "EvidenceFile" f1
    JOIN "EvidenceFile" f2 ON f2.sha256 = f1.sha256 AND f2.id > f1.id AND f2."activityId" <> f1."activityId"
    JOIN "Activity" x1 ON x1.id = f1."activityId"
    JOIN "Activity" x2 ON x2.id = f2."activityId"
    WHERE f1.kind = 'PHOTO' AND f2.kind = 'PHOTO' AND f1."deletedAt" IS NULL AND f2."deletedAt" IS NULL
      AND ${pairingScopeSql(actor, 'x1')} AND ${pairingScopeSql(actor, 'x2')}
    ORDER BY GREATEST(f1."createdAt", f2."createdAt") DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    sha256: r.sha256,
    first: { fileId: r.id1, activityId: r.a1, title: r.t1, at: r.at1 },
    second: { fileId: r.id2, activityId: r.a2, title: r.t2, at: r.at2 },
  }));
}

/** For an activity's page: other activities (in the admin's scope) that carry one of its photos. */
export async function duplicatesForActivity(actor: Actor, activityId: string, db: Db) {
  if (!scopeRuleFor(actor, 'evidence.duplicates')) return [];
  const rows = await db.$queryRaw<{ fileId: string; otherActivityId: string; otherTitle: string }[]>`
    SELECT DISTINCT f1.id AS "fileId", x2.id AS "otherActivityId", x2.title AS "otherTitle"
    FROM "EvidenceFile" f1
    JOIN "EvidenceFile" f2 ON f2.sha256 = f1.sha256 AND f2."activityId" IS NOT NULL AND f2."activityId" <> f1."activityId"
    JOIN "Activity" x2 ON x2.id = f2."activityId"
    WHERE f1."activityId" = ${activityId} AND f1.kind = 'PHOTO' AND f2.kind = 'PHOTO' AND f1."deletedAt" IS NULL AND f2."deletedAt" IS NULL
      AND ${pairingScopeSql(actor, 'x2')}
    ORDER BY x2.title`;
  return rows;
}
