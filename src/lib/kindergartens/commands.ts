import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, kindergartenResource, type Actor, type ActorWithName } from '@/lib/authz';
import { diffFields } from '@/lib/conflict';
import { fail, invalid, ok, parseInput, versioned, type Failure, type Result } from '@/lib/result';
import {
  KindergartenActiveInput,
  KindergartenCreateInput,
  KindergartenProfileInput,
  KindergartenRef,
  KindergartenUpdateInput,
  KINDERGARTEN_FIELDS,
  PROFILE_FIELDS,
} from './schemas';
import type { KindergartenFilters } from './filters';
import { listKindergartensForExport } from './queries';

/**
 * The kindergarten registry's writes: (actor, raw input, db) → Result, called by the server
 * actions, the tests and the import alike. Error messages are catalogue keys.
 */

/** A kindergarten's registry fields: what an import compares and a save audits. */
export const REGISTRY_SELECT = {
  id: true,
  code: true,
  name: true,
  countyId: true,
  area: true,
  level: true,
  address: true,
  contactName: true,
  contactPhone: true,
  classCount: true,
  childCount: true,
  teacherCount: true,
  staffCount: true,
} as const;

const RECORD_SELECT = { ...REGISTRY_SELECT, active: true, version: true } as const;

function isUniqueViolation(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

const codeTakenError = () => invalid({ code: ['kindergartens.errors.codeTaken'] });

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

export async function createKindergarten(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  if (!hasPermission(actor, 'kindergarten.create')) return fail('notFound');
  const parsed = parseInput(KindergartenCreateInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (!(await countyInScope(db, actor, 'kindergarten.create', input.countyId)))
    return invalid({ countyId: ['kindergartens.errors.countyOutOfScope'] });
  if (await codeTaken(db, input.code)) return codeTakenError();
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.kindergarten.create({ data: input, select: RECORD_SELECT });
      await writeAudit(tx, {
        actor,
        action: 'kindergarten.created',
        entityType: 'Kindergarten',
        entityId: row.id,
        countyId: row.countyId,
        kindergartenId: row.id,
        after: input,
      });
      return row;
    });
    return ok({ id: created.id });
  } catch (e) {
    if (isUniqueViolation(e)) return codeTakenError();
    throw e;
  }
}

/**
 * Admins change everything (`mode: 'full'`); a director only the profile (counts, address,
 * contact): the profile schema does not even read level, county, code or area, so a crafted form
 * cannot change them. The save names the version it was based on; a newer version refuses it.
 */
export async function updateKindergarten(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<{ id: string; version: number }>> {
  const ref = KindergartenRef.safeParse(raw);
  if (!ref.success) return fail('notFound');
  const { id, mode } = ref.data;
  const action = mode === 'full' ? 'kindergarten.update' : 'kindergarten.updateProfile';
  const row = await db.kindergarten.findUnique({ where: { id }, select: RECORD_SELECT });
  if (!row || !can(actor, action, kindergartenResource(row))) return fail('notFound');

  const parsed = mode === 'full' ? parseInput(KindergartenUpdateInput, raw) : parseInput(KindergartenProfileInput, raw);
  if (!parsed.ok) return parsed;
  const { version, ...input } = parsed.value;
  const fields = mode === 'full' ? KINDERGARTEN_FIELDS : PROFILE_FIELDS;
  const data = Object.fromEntries(fields.map((f) => [f, (input as Record<string, unknown>)[f]])) as Partial<typeof row>;

  if (mode === 'full' && data.countyId !== row.countyId && !(await countyInScope(db, actor, 'kindergarten.update', data.countyId!))) {
    return invalid({ countyId: ['kindergartens.errors.countyOutOfScope'] });
  }
  if (mode === 'full' && data.code !== row.code && (await codeTaken(db, data.code!, row.id))) return codeTakenError();

  // Someone saved first: what is stored now, field by field against what was submitted, and who saved it.
  const conflict = async (): Promise<Failure> => {
    const now = await db.kindergarten.findUniqueOrThrow({ where: { id }, select: RECORD_SELECT });
    const last = await db.auditEntry.findFirst({
      where: { entityType: 'Kindergarten', entityId: id },
      orderBy: { id: 'desc' },
      select: { actorName: true, at: true },
    });
    const shown = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f] == null ? '' : String(r[f])]));
    return fail('conflict', {
      conflict: {
        version: now.version,
        changes: diffFields(fields, shown(data), shown(now)),
        updatedBy: last?.actorName ?? null,
        updatedAt: last?.at.toISOString() ?? null,
      },
    });
  };
  if (version !== row.version) return conflict();

  const change = diff(row, data);
  if (!change.changed) return ok({ id, version: row.version });
  try {
    return await versioned(
      () =>
        db.$transaction(async (tx) => {
          await tx.kindergarten.update({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
          await writeAudit(tx, {
            actor,
            action: mode === 'full' ? 'kindergarten.updated' : 'kindergarten.profileUpdated',
            entityType: 'Kindergarten',
            entityId: id,
            countyId: data.countyId ?? row.countyId,
            kindergartenId: id,
            before: change.before,
            after: change.after,
          });
          return { id, version: version + 1 };
        }),
      conflict,
    );
  } catch (e) {
    if (isUniqueViolation(e)) return codeTakenError();
    throw e;
  }
}

/** Deactivation hides a kindergarten from lists and new pairings; its records and accounts stay. */
export async function setKindergartenActive(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<{ id: string; active: boolean }>> {
  const parsed = KindergartenActiveInput.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const { id, active } = parsed.data;
  const row = await db.kindergarten.findUnique({ where: { id }, select: { id: true, countyId: true, active: true, version: true } });
  if (!row || !can(actor, 'kindergarten.setActive', kindergartenResource(row))) return fail('notFound');
  if (row.active === active) return ok({ id, active });
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.kindergarten.update({ where: { id, version: row.version }, data: { active, version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: active ? 'kindergarten.activated' : 'kindergarten.deactivated',
        entityType: 'Kindergarten',
        entityId: id,
        countyId: row.countyId,
        kindergartenId: id,
        before: { active: row.active },
        after: { active },
      });
      return { id, active };
    }),
  );
}

/**
 * The filtered list for the .xlsx export. It holds personal data (contact names and phone
 * numbers), so every export is recorded, with its filters and size, before the file is handed out.
 */
export async function exportKindergartens(actor: ActorWithName, filters: KindergartenFilters, db: Db) {
  const rows = await listKindergartensForExport(actor, filters, db);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'kindergarten.exported',
      entityType: 'Kindergarten',
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      after: { filters: { ...filters, page: undefined }, rows: rows.length },
    }),
  );
  return rows;
}
