import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, userResource, type Action, type ActorWithName } from '@/lib/authz';
import { hashPassword } from '@/lib/auth/hash';
import { fail, ok, type Result } from '@/lib/result';
import { requiredId } from '@/lib/schema-fields';
import { generateOneTimePassword } from './one-time-password';

const UserRef = z.object({ userId: requiredId });
const ActiveInput = UserRef.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true') });

const USER_AUTHZ_SELECT = {
  id: true,
  name: true,
  role: true,
  regionId: true,
  kindergartenId: true,
  active: true,
  kindergarten: { select: { countyId: true } },
} as const;

/** The account, when the actor may do this to it; missing or out of scope is the same answer. */
async function loadTarget(db: Db, actor: ActorWithName, action: Action, userId: string) {
  const target = await db.user.findUnique({ where: { id: userId }, select: USER_AUTHZ_SELECT });
  const resource = target && userResource(target);
  return target && resource && can(actor, action, resource) ? { target, resource } : null;
}

/** Issues a one-time password (returned once, to be shown to the admin) and unlocks the account. */
export async function resetPassword(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
): Promise<Result<{ id: string; name: string; password: string }>> {
  const parsed = UserRef.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const found = await loadTarget(db, actor, 'user.resetPassword', parsed.data.userId);
  if (!found) return fail('notFound');
  const { target, resource } = found;
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'user.passwordReset',
      entityType: 'User',
      entityId: target.id,
      countyId: resource.countyId,
      kindergartenId: target.kindergartenId,
    });
  });
  return ok({ id: target.id, name: target.name, password });
}

/** A deactivated account cannot sign in; what the person recorded stays. */
export async function setUserActive(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
): Promise<Result<{ id: string; name: string; active: boolean }>> {
  const parsed = ActiveInput.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const found = await loadTarget(db, actor, 'user.setActive', parsed.data.userId);
  if (!found) return fail('notFound');
  const { target, resource } = found;
  const { active } = parsed.data;
  if (target.active !== active) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: { active } });
      await writeAudit(tx, {
        actor,
        action: active ? 'user.activated' : 'user.deactivated',
        entityType: 'User',
        entityId: target.id,
        countyId: resource.countyId,
        kindergartenId: target.kindergartenId,
        before: { active: target.active },
        after: { active },
      });
    });
  }
  return ok({ id: target.id, name: target.name, active });
}
