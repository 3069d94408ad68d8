/**
 * Evidence files: receiving an upload (type by content, size limits, SHA-256, storage under a
 * random key, one row + audit entry), deciding who may see a file (whoever may see its record),
 * and removing a file from its record (audited; the row stays for the audit trail).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Db, Tx } from '@/lib/db';
import { can, pairingResource, pairingWhere, rectificationResource, type Action, type Actor, type Resource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, versioned, type Result } from '@/lib/result';
import { requiredId, requiredLine } from '@/lib/schema-fields';
import type { FileStorage } from '@/lib/storage';
import { inspectionOfficeResource, inspectionResource, inspectionViewAction, PAIRING_SCOPE, type ActorWithName } from '@/lib/authz';
import { lessonResource } from '@/lib/lessons/commands';
import { paperResource } from '@/lib/papers/commands';
import { mentorsOf } from '@/lib/mentoring/current';
import { fingerprintPhoto } from '@/lib/signals/fingerprint';
import { cityTimeZone } from '@/lib/time/city-zone';
import { detectFile, MAX_UPLOAD_BYTES, type Refusal } from './detect';
import { downloadName } from './names';
import { afterLostRace, idempotencyKeyField, recordKey, repeatedSave } from '@/lib/idempotency';

export const TARGETS = ['activity', 'lesson', 'paper', 'programme', 'annualPlan', 'rectification', 'inspectionItem'] as const;
export type Target = (typeof TARGETS)[number];
export const LINK_FIELD = {
  activity: 'activityId',
  lesson: 'lessonRecordId',
  paper: 'paperId',
  programme: 'programmeId',
  annualPlan: 'annualPlanId',
  rectification: 'rectificationId',
  inspectionItem: 'inspectionItemId',
} as const;
/** What a refused upload is recorded against. */
export const TARGET_ENTITY = {
  activity: 'Activity',
  lesson: 'LessonRecord',
  paper: 'Paper',
  programme: 'Programme',
  annualPlan: 'AnnualPlan',
  rectification: 'Rectification',
  inspectionItem: 'Inspection',
} as const;

/** A record files hang off, as the permission checks see it. */
type Parent = {
  target: Target;
  id: string;
  view: { action: Action; resource: Resource };
  /** Kindergartens that may add files; the file belongs to the uploader's one among them. */
  kindergartenIds: string[];
  countyOf: (kindergartenId: string) => string;
  /** Fixed once the other side vouched for it (confirmed activity, rated lesson, confirmed paper). */
  locked: boolean;
  path: string;
  /** A further condition on adding files (an annual plan's documents are the directors'). */
  attachAlso?: Action;
  /**
   * Files the bureau adds, not a kindergarten (an inspection's photos, taken by the inspectors): who may
   * add and remove them (the action on every resource), and the kindergarten they are filed under.
   */
  byBureau?: { action: Action; resources: Resource[]; kindergartenId: string };
};

export async function loadParent(db: Db, target: Target, id: string): Promise<Parent | null> {
  switch (target) {
    case 'activity': {
      const a = await db.activity.findUnique({
        where: { id },
        select: { id: true, status: true, confirmation: true, pairing: { select: PAIRING_SCOPE } },
      });
      if (!a) return null;
      const p = a.pairing;
      return {
        target,
        id,
        view: { action: 'activity.view', resource: pairingResource(p) },
        kindergartenIds: [p.supportingId, p.assistedId],
        countyOf: (k) => (k === p.supportingId ? p.supporting.countyId : p.assisted.countyId),
        locked: a.status === 'CANCELLED' || (a.status === 'DONE' && a.confirmation === 'CONFIRMED'),
        path: `/activities/${id}`,
      };
    }
    case 'lesson': {
      const l = await db.lessonRecord.findUnique({
        where: { id },
        select: { id: true, teacherId: true, kindergartenId: true, rating: true, kindergarten: { select: { countyId: true } } },
      });
      if (!l) return null;
      return {
        target,
        id,
        view: { action: 'lesson.view', resource: lessonResource(l, await mentorsOf(db, l.teacherId)) },
        kindergartenIds: [l.kindergartenId],
        countyOf: () => l.kindergarten.countyId,
        locked: l.rating != null,
        path: `/lessons/${id}`,
      };
    }
    case 'paper': {
      const p = await db.paper.findUnique({
        where: { id },
        select: { id: true, authorId: true, kindergartenId: true, confirmedAt: true, kindergarten: { select: { countyId: true } } },
      });
      if (!p) return null;
      return {
        target,
        id,
        view: { action: 'paper.view', resource: paperResource(p) },
        kindergartenIds: [p.kindergartenId],
        countyOf: () => p.kindergarten.countyId,
        locked: p.confirmedAt != null,
        path: `/papers`,
      };
    }
    case 'programme': {
      const p = await db.programme.findUnique({ where: { id }, select: { id: true, pairing: { select: PAIRING_SCOPE } } });
      if (!p) return null;
      const pr = p.pairing;
      return {
        target,
        id,
        view: { action: 'programme.view', resource: pairingResource(pr) },
        kindergartenIds: [pr.supportingId, pr.assistedId],
        countyOf: (k) => (k === pr.supportingId ? pr.supporting.countyId : pr.assisted.countyId),
        locked: false,
        path: `/programmes/${id}`,
      };
    }
    case 'annualPlan': {
      const a = await db.annualPlan.findUnique({
        where: { id },
        select: { id: true, academicYear: true, summarySubmittedAt: true, pairing: { select: PAIRING_SCOPE } },
      });
      if (!a) return null;
      const pr = a.pairing;
      return {
        target,
        id,
        view: { action: 'annualPlan.view', resource: pairingResource(pr) },
        kindergartenIds: [pr.supportingId, pr.assistedId],
        countyOf: (k) => (k === pr.supportingId ? pr.supporting.countyId : pr.assisted.countyId),
        locked: a.summarySubmittedAt != null,
        path: `/annual-plans/${pr.id}/${a.academicYear}`,
        attachAlso: 'annualPlan.edit',
      };
    }
    case 'inspectionItem': {
      const it = await db.inspectionItem.findUnique({
        where: { id },
        select: {
          inspection: {
            select: {
              id: true,
              status: true,
              officeCountyId: true,
              kindergarten: { select: { id: true, countyId: true } },
              pairing: { select: PAIRING_SCOPE },
            },
          },
        },
      });
      if (!it) return null;
      const i = it.inspection;
      const kgs = i.pairing
        ? [
            { id: i.pairing.supportingId, countyId: i.pairing.supporting.countyId },
            { id: i.pairing.assistedId, countyId: i.pairing.assisted.countyId },
          ]
        : i.kindergarten
          ? [i.kindergarten]
          : [];
      // Filed under the assisted (or only) kindergarten inspected.
      const filedUnder = kgs.at(-1);
      if (!filedUnder) return null;
      return {
        target,
        id,
        view: { action: inspectionViewAction(i.status), resource: inspectionResource(i) },
        kindergartenIds: kgs.map((k) => k.id),
        countyOf: (k) => (kgs.find((x) => x.id === k) ?? filedUnder).countyId,
        // Taken on the spot while the inspection is a draft; once recorded, they are its record.
        locked: i.status !== 'DRAFT',
        path: `/inspections/${i.id}`,
        byBureau: {
          action: 'inspection.record',
          resources: [inspectionResource(i), inspectionOfficeResource(i)],
          kindergartenId: filedUnder.id,
        },
      };
    }
    case 'rectification': {
      const r = await db.rectification.findUnique({
        where: { id },
        select: { id: true, status: true, kindergartenId: true, officeCountyId: true, kindergarten: { select: { countyId: true } } },
      });
      if (!r) return null;
      return {
        target,
        id,
        view: { action: 'rectification.view', resource: rectificationResource(r) },
        kindergartenIds: [r.kindergartenId],
        countyOf: () => r.kindergarten.countyId,
        // The evidence of an answer stays as it was sent; after a return the director adds to it.
        locked: r.status !== 'OPEN' && r.status !== 'RETURNED',
        path: `/rectifications/${id}`,
        attachAlso: 'rectification.answer',
      };
    }
  }
}

type FileRow = {
  id: string;
  kindergartenId: string;
  uploadedById: string;
  activityId: string | null;
  lessonRecordId: string | null;
  paperId: string | null;
  programmeId: string | null;
  annualPlanId: string | null;
  rectificationId: string | null;
  inspectionItemId: string | null;
};
export function parentOf(f: FileRow): { target: Target; id: string } | null {
  if (f.activityId) return { target: 'activity', id: f.activityId };
  if (f.lessonRecordId) return { target: 'lesson', id: f.lessonRecordId };
  if (f.paperId) return { target: 'paper', id: f.paperId };
  if (f.programmeId) return { target: 'programme', id: f.programmeId };
  if (f.annualPlanId) return { target: 'annualPlan', id: f.annualPlanId };
  if (f.rectificationId) return { target: 'rectification', id: f.rectificationId };
  if (f.inspectionItemId) return { target: 'inspectionItem', id: f.inspectionItemId };
  return null;
}

/** A file is visible exactly when its record is. Deleted files stay reachable for who saw the record (the audit trail points at them). */
export async function canViewFile(actor: Actor, f: FileRow, db: Db) {
  const ref = parentOf(f);
  if (!ref) return false;
  const parent = await loadParent(db, ref.target, ref.id);
  return !!parent && can(actor, parent.view.action, parent.view.resource);
}

export function fileResource(f: FileRow, countyId: string): Resource {
  return { countyIds: [countyId], kindergartenIds: [f.kindergartenId], ownerId: f.uploadedById };
}

export function mayAttach(actor: Actor, parent: Parent, kindergartenId: string) {
  const bureau = parent.byBureau;
  if (bureau) return kindergartenId === bureau.kindergartenId && bureau.resources.every((r) => can(actor, bureau.action, r));
  return (
    can(actor, 'evidence.attach', { countyIds: [parent.countyOf(kindergartenId)], kindergartenIds: [kindergartenId] }) &&
    (!parent.attachAlso || can(actor, parent.attachAlso, parent.view.resource))
  );
}

export const UploadInput = z.object({
  target: z.enum(TARGETS),
  id: requiredId,
  // No controls or direction overrides: 'gnp.exe' must not be shown as 'exe.png'.
  name: requiredLine(200),
  /** Made on the device per file: a repeated send of the same photo stores it once. */
  key: idempotencyKeyField,
  /** A photo's EXIF capture time, read by the browser before scaling dropped it; checked in fingerprintPhoto (decision 019). */
  capturedAt: z.string().max(40).optional().catch(undefined),
});

export type UploadResult = Result<{ id: string; kind: 'PHOTO' | 'DOCUMENT'; duplicates: number }>;

/** The bytes themselves are not accepted (type, size, cut short): the message says which way. */
const refused = (reason: Refusal | 'incomplete') => fail('invalid', { message: `evidence.errors.${reason}` });

/**
 * Past the limit, the rest of a body is still read and dropped, up to this much: stopping early
 * destroys the connection while the client may still be sending, and it may then report "network
 * error" instead of reading our "at most 20 MB".
 */
const DRAIN_BYTES = 4 * MAX_UPLOAD_BYTES;

/** Writes the body to a temporary file while counting and hashing; keeps nothing past the limit. */
async function spool(body: AsyncIterable<Uint8Array>, dir: string) {
  const file = path.join(dir, 'upload');
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > MAX_UPLOAD_BYTES) {
        tooLarge = true;
        if (size > DRAIN_BYTES) break;
        continue;
      }
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  return { file, size, tooLarge, sha256: hash.digest('hex') };
}

export async function uploadEvidence(
  actor: ActorWithName,
  raw: unknown,
  body: AsyncIterable<Uint8Array>,
  db: Db,
  storage: FileStorage,
  /** The length the client declared (Content-Length), when it did. */
  { declaredSize }: { declaredSize?: number } = {},
): Promise<UploadResult> {
  const parsed = parseInput(UploadInput, raw);
  if (!parsed.ok) return parsed;
  const { target, id } = parsed.value;
  const parent = await loadParent(db, target, id);
  if (!parent || !can(actor, parent.view.action, parent.view.resource)) return fail('notFound');
  const kindergartenId = parent.byBureau?.kindergartenId ?? actor.kindergartenId;
  if (!kindergartenId || !parent.kindergartenIds.includes(kindergartenId) || !mayAttach(actor, parent, kindergartenId))
    return fail('notAllowed');
  if (parent.locked) return fail('wrongState');

  const dir = await mkdtemp(path.join(tmpdir(), 'hih-upload-'));
  try {
    const s = await spool(body, dir);
    if (s.tooLarge) return refused('tooLarge');
    // Fewer bytes than announced: something on the way (a proxy's buffer, a dropped connection)
    // cut the file. Storing it would keep a broken file, with the hash of the broken one, as if whole.
    if (declaredSize != null && s.size !== declaredSize) return refused('incomplete');
    // Sent again after the answer was lost: the first upload stands (the bytes just read are dropped).
    const repeat = await repeatedSave(db, actor, parsed.value.key, 'EvidenceFile');
    if (repeat) return repeat.ok ? repeatedUpload(db, repeat.value.id) : repeat;
    const detected = await detectFile(s.file, s.size, parsed.value.name);
    if ('refused' in detected) return refused(detected.refused);
    const name = downloadName(parsed.value.name, detected.ext);
    // The perceptual hash and capture date the bureau's signals compare (decision 019).
    const print =
      detected.kind === 'PHOTO'
        ? await fingerprintPhoto(s.file, { clientCaptureText: parsed.value.capturedAt, timeZone: await cityTimeZone(db) })
        : null;
    // Random, unguessable, and free of anything the user typed.
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    await storage.putFile(storageKey, s.file, detected.mimeType);
    try {
      const row = await db.$transaction(async (tx) => {
        const f = await tx.evidenceFile.create({
          data: {
            storageKey,
            originalName: name,
            mimeType: detected.mimeType,
            size: s.size,
            sha256: s.sha256,
            kind: detected.kind,
            uploadedById: actor.id,
            kindergartenId,
            [LINK_FIELD[target]]: id,
            phash: print?.phash ?? null,
            capturedAt: print?.capturedAt ?? null,
          },
        });
        await writeAudit(tx, {
          actor,
          action: 'evidence.uploaded',
          entityType: 'EvidenceFile',
          entityId: f.id,
          countyId: parent.countyOf(kindergartenId),
          kindergartenId,
          after: {
            name,
            kind: f.kind,
            mimeType: f.mimeType,
            size: f.size,
            sha256: f.sha256,
            ...(print && { phash: f.phash, capturedAt: f.capturedAt }),
            [LINK_FIELD[target]]: id,
          },
        });
        await touchActivity(tx, target, id);
        await recordKey(tx, actor, parsed.value.key, 'EvidenceFile', f.id);
        return f;
      });
      // Counted only where the uploader may see the duplicates list ('evidence.duplicates': admins,
      // in their scope): directors and teachers get 0, never a hint of a photo in another county's
      // records, nor a cue to re-encode their own (docs/decisions/008).
      const duplicates =
        row.kind === 'PHOTO' && target === 'activity'
          ? await db.evidenceFile.count({
              where: {
                sha256: row.sha256,
                kind: 'PHOTO',
                deletedAt: null,
                activityId: { not: null, notIn: [id] },
                activity: { pairing: pairingWhere(actor, 'evidence.duplicates') },
              },
            })
          : 0;
      return ok({ id: row.id, kind: row.kind, duplicates });
    } catch (e) {
      await storage.remove(storageKey).catch(() => {});
      const raced = await afterLostRace(e, db, actor, parsed.value.key, 'EvidenceFile');
      if (raced) return raced.ok ? repeatedUpload(db, raced.value.id) : raced;
      throw e;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function repeatedUpload(db: Db, id: string): Promise<UploadResult> {
  const f = await db.evidenceFile.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true } });
  return ok({ id: f.id, kind: f.kind, duplicates: 0 });
}

/**
 * An activity's photos are part of what the other side confirms: adding or removing one moves the
 * activity's version on, so a confirmation of the page as it was is refused as out of date.
 * (A paper's certificate is uploaded on the author's edit page, whose form holds the version: it is
 * checked by the confirming director beside the paper in the list instead.)
 */
async function touchActivity(tx: Tx, target: Target, id: string) {
  if (target === 'activity') await tx.activity.update({ where: { id }, data: { version: { increment: 1 } } });
}

export const DeleteInput = z.object({ id: requiredId });

/** Takes a file off its record. The row and the bytes stay: the audit entry refers to them. */
export async function deleteEvidence(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now = new Date(),
): Promise<Result<{ id: string; path: string }>> {
  // A malformed id names no file.
  const parsed = parseInput(DeleteInput, raw);
  if (!parsed.ok) return fail('notFound');
  const f = await db.evidenceFile.findUnique({ where: { id: parsed.value.id } });
  if (!f || f.deletedAt) return fail('notFound');
  const ref = parentOf(f);
  const parent = ref && (await loadParent(db, ref.target, ref.id));
  if (!parent || !can(actor, parent.view.action, parent.view.resource)) return fail('notFound');
  const countyId = parent.countyOf(f.kindergartenId);
  const mayDelete = parent.byBureau ? mayAttach(actor, parent, f.kindergartenId) : can(actor, 'evidence.delete', fileResource(f, countyId));
  if (!mayDelete) return fail('notAllowed');
  if (parent.locked) return fail('wrongState');
  // Removed in between by someone else: one removal, one audit entry.
  return versioned(
    () =>
      db.$transaction(async (tx) => {
        await tx.evidenceFile.update({ where: { id: f.id, deletedAt: null }, data: { deletedAt: now } });
        await writeAudit(tx, {
          actor,
          action: 'evidence.deleted',
          entityType: 'EvidenceFile',
          entityId: f.id,
          countyId,
          kindergartenId: f.kindergartenId,
          before: { name: f.originalName, sha256: f.sha256, [LINK_FIELD[parent.target]]: parent.id },
          after: { deletedAt: now },
        });
        await touchActivity(tx, parent.target, parent.id);
        return { id: f.id, path: parent.path };
      }),
    () => fail('notFound'),
  );
}

export const MAX_THUMBNAIL_BYTES = 256 * 1024;
export const thumbnailKey = (storageKey: string) => `${storageKey}-t`;

/**
 * A small JPEG the uploader's browser made of a photo it just sent, so lists and the archive page
 * do not pull 2000-px photos over a rural connection. Only the uploader, only for a photo, only a
 * JPEG under 256 KB. It has no row of its own, but it is what people look at: setting or replacing
 * it is an evidence change like any other (audited, moves an activity's version, refused once the
 * other side vouched for the record).
 */
export async function attachThumbnail(
  actor: ActorWithName,
  fileId: string,
  body: AsyncIterable<Uint8Array>,
  db: Db,
  storage: FileStorage,
): Promise<Result> {
  const f = fileId.length <= 40 ? await db.evidenceFile.findUnique({ where: { id: fileId } }) : null;
  if (!f || f.deletedAt || f.uploadedById !== actor.id) return fail('notFound');
  const ref = parentOf(f);
  const parent = ref && (await loadParent(db, ref.target, ref.id));
  if (!parent || !can(actor, parent.view.action, parent.view.resource)) return fail('notFound');
  if (f.kind !== 'PHOTO') return fail('invalid');
  if (parent.locked) return fail('wrongState');
  const dir = await mkdtemp(path.join(tmpdir(), 'hih-thumb-'));
  try {
    const file = path.join(dir, 'thumb');
    const out = createWriteStream(file, { mode: 0o600 });
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > MAX_THUMBNAIL_BYTES) break;
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
    if (size === 0 || size > MAX_THUMBNAIL_BYTES) return fail('invalid');
    const detected = await detectFile(file, size, 'thumb.jpg');
    if ('refused' in detected || detected.mimeType !== 'image/jpeg') return fail('invalid');
    const countyId = parent.countyOf(f.kindergartenId);
    // The bytes are stored last, inside the transaction: a failed write leaves no audit entry
    // and no version moved for a preview that was never replaced.
    await db.$transaction(async (tx) => {
      await writeAudit(tx, {
        actor,
        action: 'evidence.previewSaved',
        entityType: 'EvidenceFile',
        entityId: f.id,
        countyId,
        kindergartenId: f.kindergartenId,
        after: { previewSha256: hash.digest('hex'), previewSize: size, [LINK_FIELD[parent.target]]: parent.id },
      });
      await touchActivity(tx, parent.target, parent.id);
      await storage.remove(thumbnailKey(f.storageKey)).catch(() => {});
      await storage.putFile(thumbnailKey(f.storageKey), file, 'image/jpeg');
    });
    return ok({ id: f.id });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
