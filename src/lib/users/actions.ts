'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { requireUser, type SessionUser } from '@/lib/session';
import { can, userResource } from '@/lib/authz';
import { hashPassword } from '@/lib/auth/hash';
import { generateOneTimePassword } from './one-time-password';
import type { ActionState } from '@/lib/action-state';

const UserRef = z.object({ userId: z.string().min(1).max(64) });
const USER_AUTHZ_SELECT = {
  id: true, name: true, role: true, regionId: true, kindergartenId: true, active: true,
  kindergarten: { select: { countyId: true } },
} as const;

async function loadTarget(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: USER_AUTHZ_SELECT });
}

/** Out of scope or missing: the same answer either way, and the attempt is audited. */
async function refuse(actor: SessionUser, userId: string, message: string): Promise<ActionState> {
  await db.$transaction((tx) =>
    writeAudit(tx, { actor, action: 'access.denied', entityType: 'User', entityId: userId, countyId: actor.countyId, kindergartenId: actor.kindergartenId }),
  );
  return { status: 'error', message };
}

/** Issues a one-time password (shown once to the admin) and ends the user's sessions. */
export async function resetPassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const parsed = UserRef.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { status: 'error', message: t('errors.notFound') };
  const target = await loadTarget(parsed.data.userId);
  const resource = target && userResource(target);
  if (!target || !resource || !can(actor, 'user.resetPassword', resource)) return refuse(actor, parsed.data.userId, t('errors.notFound'));

  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null },
    });
    await writeAudit(tx, {
      actor, action: 'user.passwordReset', entityType: 'User', entityId: target.id,
      countyId: resource.countyId, kindergartenId: target.kindergartenId,
    });
  });
  revalidatePath('/users');
  return { status: 'ok', message: t('users.resetDone', { name: target.name, password }), values: { userId: target.id } };
}

const ActiveInput = UserRef.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function setUserActive(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const parsed = ActiveInput.safeParse({ userId: formData.get('userId'), active: formData.get('active') });
  if (!parsed.success) return { status: 'error', message: t('errors.notFound') };
  const target = await loadTarget(parsed.data.userId);
  const resource = target && userResource(target);
  if (!target || !resource || !can(actor, 'user.setActive', resource)) return refuse(actor, parsed.data.userId, t('errors.notFound'));
  const { active } = parsed.data;
  if (target.active !== active) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: { active } });
      await writeAudit(tx, {
        actor, action: active ? 'user.activated' : 'user.deactivated', entityType: 'User', entityId: target.id,
        countyId: resource.countyId, kindergartenId: target.kindergartenId,
        before: { active: target.active }, after: { active },
      });
    });
  }
  revalidatePath('/users');
  return { status: 'ok', message: t(active ? 'users.activated' : 'users.deactivated', { name: target.name }), values: { userId: target.id } };
}
