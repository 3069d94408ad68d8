import 'server-only';
import type { Db } from '@/lib/db';
import type { Role } from '@/generated/prisma/enums';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, ROLES, type Action, type Actor, type ActorWithName, type Resource } from '@/lib/authz';
import { hashPassword } from '@/lib/auth/hash';
import { fail, invalid, ok, parseInput, type FieldErrors, type Result } from '@/lib/result';
import { generateOneTimePassword } from '@/lib/users/one-time-password';
import { StaffInput } from './schemas';

export type NewAccount = { id: string; name: string; login: string; password: string };

/**
 * The roles the actor may create, asked of the permission table with the actor's own scope:
 * the city admin creates county admins, directors and teachers; a county admin directors and
 * teachers; a director teachers.
 */
export function creatableRoles(actor: Actor, action: Action = 'user.create'): Role[] {
  return ROLES.filter((role) =>
    can(actor, action, { role, countyId: actor.countyId, kindergartenIds: actor.kindergartenId ? [actor.kindergartenId] : [] }),
  );
}

type Placement = { resource: Resource; kindergartenId: string | null; regionId: string | null } | { error: FieldErrors };

/** Where the new account belongs, from the database: a kindergarten (directors, teachers) or a county (county admins). */
export async function placeAccount(
  db: Db,
  actor: Actor,
  action: Action,
  role: Role,
  kindergartenId: string,
  regionId: string,
): Promise<Placement> {
  if (role === 'COUNTY_ADMIN') {
    const county = regionId ? await db.region.findFirst({ where: { id: regionId, kind: 'COUNTY' }, select: { id: true } }) : null;
    if (!county) return { error: { regionId: ['staff.errors.countyRequired'] } };
    const resource = { countyId: county.id, role };
    return can(actor, action, resource)
      ? { resource, kindergartenId: null, regionId: county.id }
      : { error: { regionId: ['staff.errors.outOfScope'] } };
  }
  if (role === 'CITY_ADMIN') return { error: { role: ['staff.errors.roleNotAllowed'] } };
  const id = kindergartenId || actor.kindergartenId || '';
  const kg = id ? await db.kindergarten.findUnique({ where: { id }, select: { id: true, countyId: true, active: true } }) : null;
  if (!kg) return { error: { kindergartenId: ['staff.errors.kindergartenRequired'] } };
  const resource = { countyId: kg.countyId, kindergartenIds: [kg.id], role };
  if (!can(actor, action, resource)) return { error: { kindergartenId: ['staff.errors.outOfScope'] } };
  if (!kg.active) return { error: { kindergartenId: ['staff.errors.kindergartenInactive'] } };
  return { resource, kindergartenId: kg.id, regionId: null };
}

/** Creates one account with a one-time password, returned once to show to the creator. */
export async function createStaffAccount(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<NewAccount>> {
  if (!hasPermission(actor, 'user.create')) return fail('notFound');
  const parsed = parseInput(StaffInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (!creatableRoles(actor).includes(input.role)) return invalid({ role: ['staff.errors.roleNotAllowed'] });
  const place = await placeAccount(db, actor, 'user.create', input.role, input.kindergartenId, input.regionId);
  if ('error' in place) return invalid(place.error);

  const taken: FieldErrors = {};
  if (input.phone && (await db.user.findUnique({ where: { phone: input.phone }, select: { id: true } })))
    taken.phone = ['staff.errors.phoneTaken'];
  if (input.email && (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })))
    taken.email = ['staff.errors.emailTaken'];
  if (Object.keys(taken).length) return invalid(taken);

  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const data = {
    name: input.name,
    phone: input.phone || null,
    email: input.email || null,
    role: input.role,
    kindergartenId: place.kindergartenId,
    regionId: place.regionId,
  };
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { ...data, passwordHash, mustChangePassword: true, createdById: actor.id },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor,
        action: 'user.created',
        entityType: 'User',
        entityId: created.id,
        countyId: place.resource.countyId ?? null,
        kindergartenId: place.kindergartenId,
        after: data,
      });
      return created;
    });
    return ok({ id: user.id, name: input.name, login: input.phone || input.email, password });
  } catch (e) {
    // Someone took the phone or e-mail between the check and the insert.
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') {
      const field = input.phone ? 'phone' : 'email';
      return invalid({ [field]: [`staff.errors.${field}Taken`] });
    }
    throw e;
  }
}
