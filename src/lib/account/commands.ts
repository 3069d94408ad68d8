import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, type ActorWithName } from '@/lib/authz';
import { hashPassword, verifyPassword } from '@/lib/auth/hash';
import { checkPassword } from '@/lib/auth/password-rules';
import { identifierKey } from '@/lib/auth/credentials';
import { recordSignInFailure, signInWait } from '@/lib/auth/throttle';
import { LOCALES } from '@/i18n/locales';
import { fail, invalid, ok, type FieldErrors, type Result } from '@/lib/result';

// Each field answers for itself: a new password of 10,000 characters is 'too long', not 'the current
// password is wrong'. A current password longer than any the rules accept cannot be right.
const PasswordInput = z.object({
  current: z.string().max(1024).catch(''),
  next: z.string().catch(''),
  confirm: z.string().catch(''),
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
  const { current, next, confirm } = parsed.success ? parsed.data : { current: '', next: '', confirm: '' };
  if (!can(actor, 'account.updateOwn', { ownerId: actor.id })) return fail('notAllowed');
  const row = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, phone: true, email: true, name: true },
  });

  // A wrong current password is a guess like a wrong sign-in (someone at a desk left signed in): it is
  // counted by the same throttle, as one more client of the account ('session' in place of an address).
  const key = identifierKey(row.phone ?? row.email ?? actor.id);
  const wait = await signInWait(db, key, 'session', now);
  if (wait > 0) return invalid({ current: [{ key: 'password.errors.tryLater', values: { seconds: Math.ceil(wait / 1000) } }] });
  const errors: FieldErrors = {};
  if (!(await verifyPassword(row.passwordHash, current))) {
    await recordSignInFailure(db, key, 'session', now);
    errors.current = ['password.errors.wrongCurrent'];
  }
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
