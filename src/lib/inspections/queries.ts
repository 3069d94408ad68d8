import 'server-only';
import { runningOn } from '@/lib/pairings/record-window';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import {
  can,
  countyWhere,
  hasPermission,
  inspectionWhere,
  kindergartenResource,
  kindergartenWhere,
  PAIRING_SCOPE,
  pairingWhere,
  type Actor,
} from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { listBody, pageOf } from '@/lib/api/params';
import { loadInspection, mayEditInspection, mayViewInspection } from './commands';
import { a1Outcome, isFinding, suggestGrade, unjudged } from './rules';
import type { InspectionApiQuery, InspectionFilters } from './schemas';

// ---- The checklist template ----

export async function listChecklist(db: Db) {
  return db.checklistTemplateItem.findMany({ orderBy: { position: 'asc' } });
}

// ---- Lists ----

const KG = { select: { id: true, name: true, countyId: true } } as const;
const SUBJECT = {
  kindergarten: KG,
  pairing: { select: { id: true, supporting: KG, assisted: KG } },
} as const;

/** Inspections involving a kindergarten of the county (either side of a pairing). */
function involvingCounty(countyId: string): Prisma.InspectionWhereInput {
  return { OR: [{ kindergarten: { countyId } }, { pairing: { supporting: { countyId } } }, { pairing: { assisted: { countyId } } }] };
}

function listWhere(
  actor: Actor,
  f: Partial<InspectionFilters & { pairingId: string; kindergartenId: string }>,
): Prisma.InspectionWhereInput {
  return {
    AND: [
      inspectionWhere(actor),
      f.countyId ? involvingCounty(f.countyId) : {},
      f.pairingId ? { pairingId: f.pairingId } : {},
      f.kindergartenId
        ? {
            OR: [
              { kindergartenId: f.kindergartenId },
              { pairing: { supportingId: f.kindergartenId } },
              { pairing: { assistedId: f.kindergartenId } },
            ],
          }
        : {},
      f.status ? { status: f.status } : {},
      f.grade ? { grade: f.grade } : {},
      f.from || f.to ? { inspectedOn: { ...(f.from ? { gte: dateOnly(f.from) } : {}), ...(f.to ? { lte: dateOnly(f.to) } : {}) } } : {},
    ],
  };
}

export const INSPECTIONS_PAGE_SIZE = 100;

/** The /inspections list: scoped (drafts only for the bureau), filtered, newest first, with each one's findings counted. */
export async function listInspections(actor: Actor, filters: InspectionFilters, db: Db) {
  if (!hasPermission(actor, 'inspection.view')) return { rows: [], total: 0 };
  const where = listWhere(actor, filters);
  const [rows, total] = await Promise.all([
    db.inspection.findMany({
      where,
      orderBy: [{ inspectedOn: 'desc' }, { createdAt: 'desc' }],
      take: INSPECTIONS_PAGE_SIZE,
      select: {
        id: true,
        inspectedOn: true,
        announced: true,
        status: true,
        grade: true,
        ...SUBJECT,
        _count: { select: { items: { where: { result: { in: ['FAILS', 'PARTLY'] } } } } },
      },
    }),
    db.inspection.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      inspectedOn: isoOf(r.inspectedOn),
      announced: r.announced,
      status: r.status,
      grade: r.grade,
      subject: subjectOf(r),
      findings: r._count.items,
    })),
    total,
  };
}

type SubjectRow = {
  kindergarten: { id: string; name: string; countyId: string } | null;
  pairing: {
    id: string;
    supporting: { id: string; name: string; countyId: string };
    assisted: { id: string; name: string; countyId: string };
  } | null;
};
function subjectOf(r: SubjectRow) {
  const kindergartens = r.pairing ? [r.pairing.supporting, r.pairing.assisted] : r.kindergarten ? [r.kindergarten] : [];
  return { pairingId: r.pairing?.id ?? null, label: kindergartens.map((k) => k.name).join(' → '), kindergartens };
}

/** Counties for the list's filter: every county for the city, the admin's own for a county admin, none for directors. */
export async function inspectionCounties(actor: Actor, db: Db) {
  return db.region.findMany({
    where: countyWhere(actor, 'inspection.view'),
    select: { id: true, name: true, nameEn: true },
    orderBy: { code: 'asc' },
  });
}

/** The pairing page's card: its recorded inspections (drafts stay with the bureau's list). */
export async function pairingInspections(actor: Actor, pairingId: string, db: Db) {
  if (!hasPermission(actor, 'inspection.view')) return [];
  const rows = await db.inspection.findMany({
    where: { AND: [inspectionWhere(actor), { pairingId, status: 'RECORDED' }] },
    orderBy: [{ inspectedOn: 'desc' }, { recordedAt: 'desc' }],
    select: { id: true, inspectedOn: true, grade: true, announced: true },
    take: 20,
  });
  return rows.map((r) => ({ ...r, inspectedOn: isoOf(r.inspectedOn) }));
}

// ---- Starting one ----

/** Pairings running today whose two kindergartens the actor may inspect. */
export async function inspectablePairings(actor: Actor, db: Db, now = new Date()) {
  if (!hasPermission(actor, 'inspection.record')) return [];
  const today = dateOnly(await cityToday(db, now));
  const rows = await db.pairing.findMany({
    where: {
      AND: [pairingWhere(actor, 'inspection.record'), runningOn(today)],
    },
    select: PAIRING_SCOPE,
    orderBy: [{ supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
    take: 1000,
  });
  return rows
    .filter((p) =>
      [
        { id: p.supportingId, countyId: p.supporting.countyId },
        { id: p.assistedId, countyId: p.assisted.countyId },
      ].every((k) => can(actor, 'inspection.record', kindergartenResource(k))),
    )
    .map((p) => ({ id: p.id, label: `${p.supporting.name} → ${p.assisted.name}` }));
}

export async function inspectableKindergartens(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'inspection.record')) return [];
  return db.kindergarten.findMany({
    where: { AND: [kindergartenWhere(actor, 'inspection.record'), { active: true }] },
    select: { id: true, name: true },
    orderBy: { code: 'asc' },
  });
}

// ---- One inspection ----

/** Null when missing or outside the actor's scope (drafts are the bureau's): the page answers 404. */
export async function getInspection(actor: Actor, id: string, db: Db) {
  const i = await loadInspection(db, id);
  if (!i || !mayViewInspection(actor, i)) return null;
  const [items, office, createdBy] = await Promise.all([
    db.inspectionItem.findMany({
      where: { inspectionId: id },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        position: true,
        title: true,
        titleEn: true,
        countsForA1: true,
        result: true,
        note: true,
        version: true,
        evidence: {
          where: { deletedAt: null },
          orderBy: [{ kind: 'desc' }, { createdAt: 'asc' }],
          select: { id: true, originalName: true, kind: true, size: true, createdAt: true, uploadedBy: { select: { name: true } } },
        },
        rectifications: {
          select: { id: true, status: true, deadline: true, kindergartenId: true, kindergarten: { select: { countyId: true } } },
        },
      },
    }),
    i.officeCountyId ? db.region.findUnique({ where: { id: i.officeCountyId }, select: { name: true, nameEn: true } }) : null,
    db.user.findUnique({ where: { id: i.createdById }, select: { name: true } }),
  ]);
  const canEdit = i.status === 'DRAFT' && mayEditInspection(actor, i);
  const kindergartens = i.pairing
    ? [
        { id: i.pairing.supportingId, name: i.pairing.supporting.name, countyId: i.pairing.supporting.countyId },
        { id: i.pairing.assistedId, name: i.pairing.assisted.name, countyId: i.pairing.assisted.countyId },
      ]
    : i.kindergarten
      ? [i.kindergarten]
      : [];
  return {
    id: i.id,
    status: i.status,
    version: i.version,
    pairingId: i.pairingId,
    kindergartens,
    label: kindergartens.map((k) => k.name).join(' → '),
    inspectedOn: isoOf(i.inspectedOn),
    announced: i.announced,
    inspectors: i.inspectors,
    grade: i.grade,
    summary: i.summary,
    recordedAt: i.recordedAt,
    office,
    createdBy: createdBy?.name ?? '',
    canEdit,
    // Rectifications follow a recorded inspection's findings (the rectifications pages decide the rest).
    canOpenRectification: i.status === 'RECORDED' && kindergartens.some((k) => can(actor, 'rectification.open', kindergartenResource(k))),
    unjudged: unjudged(items),
    a1: a1Outcome(items),
    suggestedGrade: suggestGrade(items),
    items: items.map((it) => ({
      ...it,
      finding: isFinding(it.result),
      evidence: it.evidence.map((f) => ({
        id: f.id,
        name: f.originalName,
        kind: f.kind,
        size: f.size,
        createdAt: f.createdAt.toISOString(),
        uploadedBy: f.uploadedBy.name,
        // The inspectors take their photos off while the inspection is a draft; afterwards they are its record.
        canDelete: canEdit,
      })),
      rectifications: it.rectifications
        .filter((r) => can(actor, 'rectification.view', kindergartenResource({ id: r.kindergartenId, countyId: r.kindergarten.countyId })))
        .map((r) => ({ id: r.id, status: r.status, deadline: isoOf(r.deadline) })),
    })),
  };
}
export type InspectionView = NonNullable<Awaited<ReturnType<typeof getInspection>>>;

// ---- GET /api/v1/inspections ----

/** Scoped like the pages (drafts only for the bureau); items with their rectifications (those the caller may see). */
export async function apiListInspections(actor: Actor, q: InspectionApiQuery, db: Db) {
  const where = listWhere(actor, {
    countyId: q.county,
    pairingId: q.pairing,
    kindergartenId: q.kindergarten,
    status: q.status,
    grade: q.grade,
    from: q.from,
    to: q.to,
  });
  const [rows, total] = await Promise.all([
    db.inspection.findMany({
      where,
      orderBy: [{ inspectedOn: 'desc' }, { id: 'desc' }],
      ...pageOf(q),
      select: {
        id: true,
        status: true,
        pairingId: true,
        kindergartenId: true,
        officeCountyId: true,
        inspectedOn: true,
        announced: true,
        inspectors: true,
        grade: true,
        summary: true,
        recordedAt: true,
        createdAt: true,
        updatedAt: true,
        ...SUBJECT,
        items: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            position: true,
            title: true,
            titleEn: true,
            countsForA1: true,
            result: true,
            note: true,
            rectifications: {
              orderBy: { createdAt: 'asc' },
              select: { id: true, status: true, deadline: true, kindergartenId: true, kindergarten: { select: { countyId: true } } },
            },
          },
        },
      },
    }),
    db.inspection.count({ where }),
  ]);
  const data = rows.map((r) => ({
    id: r.id,
    status: r.status,
    pairingId: r.pairingId,
    kindergartenId: r.kindergartenId,
    kindergartens: subjectOf(r).kindergartens.map((k) => ({ id: k.id, name: k.name, countyId: k.countyId })),
    officeCountyId: r.officeCountyId,
    inspectedOn: isoOf(r.inspectedOn),
    announced: r.announced,
    inspectors: r.inspectors,
    grade: r.grade,
    summary: r.summary,
    a1: a1Outcome(r.items),
    recordedAt: r.recordedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    items: r.items.map((it) => ({
      id: it.id,
      position: it.position,
      title: it.title,
      titleEn: it.titleEn,
      countsForA1: it.countsForA1,
      result: it.result,
      note: it.note,
      finding: isFinding(it.result),
      rectifications: it.rectifications
        .filter((x) => can(actor, 'rectification.view', kindergartenResource({ id: x.kindergartenId, countyId: x.kindergarten.countyId })))
        .map((x) => ({ id: x.id, status: x.status, deadline: isoOf(x.deadline) })),
    })),
  }));
  return listBody(data, q, total);
}

/** For A1's drill-down: the inspection that decided it, with its A1 items; null when the actor may not read it. */
export async function a1Inspection(actor: Actor, id: string, db: Db) {
  const i = await loadInspection(db, id);
  if (!i || !mayViewInspection(actor, i)) return null;
  const items = await db.inspectionItem.findMany({
    where: { inspectionId: id, countsForA1: true },
    orderBy: { position: 'asc' },
    select: { id: true, title: true, titleEn: true, result: true, note: true },
  });
  return {
    id: i.id,
    inspectedOn: isoOf(i.inspectedOn),
    grade: i.grade,
    announced: i.announced,
    a1: a1Outcome(items.map((it) => ({ ...it, countsForA1: true }))),
    items,
  };
}
