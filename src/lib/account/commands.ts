import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, type ActorWithName } from '@/lib/authz';
import { hashPassword, verifyPassword } from '@/lib/auth/hash';
import { checkPassword } from '@/lib/auth/password-rules';
import { LOCALES } from '@/i18n/locales';
import { fail, invalid, ok, type FieldErrors, type Result } from '@/lib/result';

const PasswordInput = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().max(1024),
  confirm: z.string().max(1024),
});

/**
 * Changes the actor's own password. A new password ends every session of the account (a stolen
 * cookie dies with the old password); the caller signs this device in again with the identifier.
 */
export async function changeOwnPassword(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now = new Date(),
): Promise<Result<{ id: string; identifier: string }>> {
  const parsed = PasswordInput.safeParse(raw);
  // Whatever was malformed, the form can only say the current password is not right.
  if (!parsed.success) return invalid({ current: ['password.errors.wrongCurrent'] });
  const { current, next, confirm } = parsed.data;
  if (!can(actor, 'account.updateOwn', { ownerId: actor.id })) return fail('notAllowed');
  const row = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, phone: true, email: true, name: true },
  });

  const errors: FieldErrors = {};
  if (!(await verifyPassword(row.passwordHash, current))) errors.current = ['password.errors.wrongCurrent'];
  const problem = checkPassword(
    next,
    [row.phone, row.email, row.email?.split('@')[0], row.name].filter((v): v is string => !!v),
  );
  if (problem) errors.next = [`password.errors.${problem}`];
  else if (next === current) errors.next = ['password.errors.same'];
  if (next !== confirm) errors.confirm = ['password.errors.mismatch'];
  if (Object.keys(errors).length) return invalid(errors);

  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    await writeAudit(tx, {
      actor,
      action: 'user.passwordChanged',
      entityType: 'User',
      entityId: actor.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
    });
    await tx.userSession.updateMany({ where: { userId: actor.id, endedAt: null }, data: { endedAt: now, endReason: 'changed' } });
  });
  return ok({ id: actor.id, identifier: row.phone ?? row.email ?? '' });
}

const LocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Stores the language a signed-in user picked with their account. */
export async function setOwnLocale(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<{ id: string }>> {
  const parsed = LocaleInput.safeParse(raw);
  if (!parsed.success) return invalid({ locale: ['form.errors.invalid'] });
  const { locale } = parsed.data;
  if (!can(actor, 'account.updateOwn', { ownerId: actor.id })) return fail('notAllowed');
  const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
  if (row.locale === locale) return ok({ id: actor.id });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { locale } });
    await writeAudit(tx, {
      actor,
      action: 'user.localeChanged',
      entityType: 'User',
      entityId: actor.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      before: { locale: row.locale },
      after: { locale },
    });
  });
  return ok({ id: actor.id });
}
