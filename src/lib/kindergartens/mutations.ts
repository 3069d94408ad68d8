import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, kindergartenResource, type Actor } from '@/lib/authz';
import { diffFields, type FieldChange } from '@/lib/conflict';
import {
  KindergartenCreateInput, KindergartenProfileInput, KindergartenUpdateInput,
  KINDERGARTEN_FIELDS, PROFILE_FIELDS,
} from './schemas';

/**
 * The kindergarten registry's writes as plain functions of (db, actor, input), so that tests call
 * them directly; the server actions only add the session, translations and redirects.
 * Error messages are catalogue keys, translated by the caller.
 */
export type Editor = Actor & { name: string };
export type FieldErrorKeys = Record<string, string[]>;
export type MutationResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'notFound' }
  | { ok: false; kind: 'invalid'; fieldErrors: FieldErrorKeys }
  | { ok: false; kind: 'conflict'; conflict: KindergartenConflict };

/** Someone saved first: what is stored now, field by field against what was submitted, and who saved it. */
export type KindergartenConflict = { version: number; changes: FieldChange[]; updatedBy: string | null; updatedAt: string | null };

const NOT_FOUND = { ok: false, kind: 'notFound' } as const;
const invalid = (fieldErrors: FieldErrorKeys) => ({ ok: false, kind: 'invalid', fieldErrors }) as const;
const zodKeys = (error: z.ZodError) => z.flattenError(error).fieldErrors as FieldErrorKeys;

const RECORD_SELECT = {
  id: true, code: true, name: true, countyId: true, area: true, level: true, address: true, contactName: true, contactPhone: true,
  classCount: true, childCount: true, teacherCount: true, staffCount: true, active: true, version: true,
} as const;

function isUniqueViolation(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

/** Only what changed goes into the audit entry: easier to read than two whole records. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/** Codes differing only in case are the same code (people retype them by hand). */
async function codeTaken(db: Db, code: string, exceptId?: string) {
  const other = await db.kindergarten.findFirst({
    where: { code: { equals: code, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return other != null;
}

async function countyInScope(db: Db, actor: Actor, action: 'kindergarten.create' | 'kindergarten.update', countyId: string) {
  const county = await db.region.findFirst({ where: { id: countyId, kind: 'COUNTY' }, select: { id: true } });
  return county != null && can(actor, action, { countyId: county.id });
}

export async function createKindergarten(db: Db, actor: Editor, values: Record<string, string>): Promise<MutationResult<{ id: string }>> {
  if (!hasPermission(actor, 'kindergarten.create')) return NOT_FOUND;
  const parsed = KindergartenCreateInput.safeParse(values);
  if (!parsed.success) return invalid(zodKeys(parsed.error));
  const input = parsed.data;
  if (!(await countyInScope(db, actor, 'kindergarten.create', input.countyId))) return invalid({ countyId: ['kindergartens.errors.countyOutOfScope'] });
  if (await codeTaken(db, input.code)) return invalid({ code: ['kindergartens.errors.codeTaken'] });
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.kindergarten.create({ data: input, select: RECORD_SELECT });
      await writeAudit(tx, {
        actor, action: 'kindergarten.created', entityType: 'Kindergarten', entityId: row.id,
        countyId: row.countyId, kindergartenId: row.id, after: input,
      });
      return row;
    });
    return { ok: true, value: { id: created.id } };
  } catch (e) {
    if (isUniqueViolation(e)) return invalid({ code: ['kindergartens.errors.codeTaken'] });
    throw e;
  }
}

type UpdateKind = 'full' | 'profile';

/**
 * Admins change everything; a director only the profile (counts, address, contact): the profile
 * schema does not even read level, county, code or area, so a crafted form cannot change them.
 * The save names the version it was based on; a newer version in the database refuses it.
 */
export async function updateKindergarten(
  db: Db, actor: Editor, id: string, values: Record<string, string>, kind: UpdateKind,
): Promise<MutationResult<{ id: string; version: number }>> {
  const action = kind === 'full' ? 'kindergarten.update' : 'kindergarten.updateProfile';
  const row = await db.kindergarten.findUnique({ where: { id }, select: RECORD_SELECT });
  if (!row || !can(actor, action, kindergartenResource(row))) return NOT_FOUND;

  const parsed = kind === 'full' ? KindergartenUpdateInput.safeParse(values) : KindergartenProfileInput.safeParse(values);
  if (!parsed.success) return invalid(zodKeys(parsed.error));
  const { version, ...input } = parsed.data;
  const fields = kind === 'full' ? KINDERGARTEN_FIELDS : PROFILE_FIELDS;
  const data = Object.fromEntries(fields.map((f) => [f, (input as Record<string, unknown>)[f]])) as Partial<typeof row>;

  if (kind === 'full' && data.countyId !== row.countyId && !(await countyInScope(db, actor, 'kindergarten.update', data.countyId!))) {
    return invalid({ countyId: ['kindergartens.errors.countyOutOfScope'] });
  }
  if (kind === 'full' && data.code !== row.code && (await codeTaken(db, data.code!, row.id))) {
    return invalid({ code: ['kindergartens.errors.codeTaken'] });
  }
  const conflict = async () => {
    const now = await db.kindergarten.findUniqueOrThrow({ where: { id }, select: RECORD_SELECT });
    const last = await db.auditEntry.findFirst({ where: { entityType: 'Kindergarten', entityId: id }, orderBy: { id: 'desc' }, select: { actorName: true, at: true } });
    const shown = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f] == null ? '' : String(r[f])]));
    const value: KindergartenConflict = { version: now.version, changes: diffFields(fields, shown(data), shown(now)), updatedBy: last?.actorName ?? null, updatedAt: last?.at.toISOString() ?? null };
    return { ok: false, kind: 'conflict', conflict: value } as const;
  };
  if (version !== row.version) return conflict();

  const change = diff(row, data);
  if (!change.changed) return { ok: true, value: { id, version: row.version } };
  try {
    const result = await db.$transaction(async (tx) => {
      // The version in the WHERE makes the check and the write one step: a concurrent save loses.
      const { count } = await tx.kindergarten.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) return null;
      await writeAudit(tx, {
        actor, action: kind === 'full' ? 'kindergarten.updated' : 'kindergarten.profileUpdated', entityType: 'Kindergarten', entityId: id,
        countyId: data.countyId ?? row.countyId, kindergartenId: id, before: change.before, after: change.after,
      });
      return { id, version: version + 1 };
    });
    return result ? { ok: true, value: result } : await conflict();
  } catch (e) {
    if (isUniqueViolation(e)) return invalid({ code: ['kindergartens.errors.codeTaken'] });
    throw e;
  }
}

/** Deactivation hides a kindergarten from lists and new pairings; its records and accounts stay. */
export async function setKindergartenActive(db: Db, actor: Editor, id: string, active: boolean): Promise<MutationResult<{ id: string }>> {
  const row = await db.kindergarten.findUnique({ where: { id }, select: { id: true, countyId: true, active: true } });
  if (!row || !can(actor, 'kindergarten.setActive', kindergartenResource(row))) return NOT_FOUND;
  if (row.active !== active) {
    await db.$transaction(async (tx) => {
      await tx.kindergarten.update({ where: { id }, data: { active, version: { increment: 1 } } });
      await writeAudit(tx, {
        actor, action: active ? 'kindergarten.activated' : 'kindergarten.deactivated', entityType: 'Kindergarten', entityId: id,
        countyId: row.countyId, kindergartenId: id, before: { active: row.active }, after: { active },
      });
    });
  }
  return { ok: true, value: { id } };
}
