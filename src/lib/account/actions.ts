'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { getCurrentUser, requireUser } from '@/lib/session';
import { can } from '@/lib/authz';
import { LOCALE_COOKIE, LOCALE_PICKED_COOKIE, LOCALES } from '@/i18n/locales';
import { hashPassword, verifyPassword } from '@/lib/auth/hash';
import { checkPassword } from '@/lib/auth/password-rules';
import { signIn } from '@/lib/auth/next-auth';
import type { ActionState } from '@/lib/action-state';

const LocaleInput = z.object({ locale: z.enum(LOCALES), returnTo: z.string().startsWith('/').max(500).default('/') });

/** Anyone may switch the language; a signed-in user's choice is stored with their account. */
export async function setLocale(formData: FormData) {
  const parsed = LocaleInput.safeParse({ locale: formData.get('locale'), returnTo: formData.get('returnTo') ?? undefined });
  if (!parsed.success) return;
  const { locale, returnTo } = parsed.data;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  const user = await getCurrentUser();
  // Signed out: remembered for this browser session, and stored with the account at sign-in.
  if (!user) store.set(LOCALE_PICKED_COOKIE, '1', { httpOnly: true, sameSite: 'lax', path: '/' });
  if (user && user.locale !== locale && can(user, 'account.updateOwn', { ownerId: user.id })) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale } });
      await writeAudit(tx, {
        actor: user, action: 'user.localeChanged', entityType: 'User', entityId: user.id,
        countyId: user.countyId, kindergartenId: user.kindergartenId, before: { locale: user.locale }, after: { locale },
      });
    });
  }
  revalidatePath('/', 'layout');
  // Only same-site paths: "//evil.example" would be protocol-relative.
  redirect(returnTo.startsWith('//') ? '/' : returnTo);
}

const PasswordInput = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().max(1024),
  confirm: z.string().max(1024),
});

export async function changePassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations('password.errors');
  const tf = await getTranslations('form');
  const parsed = PasswordInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'error', message: tf('fixErrors'), fieldErrors: { current: [t('wrongCurrent')] } };
  const { current, next, confirm } = parsed.data;

  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, phone: true, email: true, name: true, securityStamp: true } });
  if (!can(user, 'account.updateOwn', { ownerId: user.id })) return { status: 'error', message: tf('unexpected') };
  const fieldErrors: Record<string, string[]> = {};
  if (!(await verifyPassword(row.passwordHash, current))) fieldErrors.current = [t('wrongCurrent')];
  const problem = checkPassword(next, [row.phone, row.email, row.email?.split('@')[0], row.name].filter((v): v is string => !!v));
  if (problem) fieldErrors.next = [t(problem)];
  else if (next === current) fieldErrors.next = [t('same')];
  if (next !== confirm) fieldErrors.confirm = [t('mismatch')];
  if (Object.keys(fieldErrors).length) return { status: 'error', message: tf('fixErrors'), fieldErrors };

  const passwordHash = await hashPassword(next);
  // A new security stamp ends every other session (a stolen cookie dies with the old password).
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false },
    });
    await writeAudit(tx, {
      actor: user, action: 'user.passwordChanged', entityType: 'User', entityId: user.id,
      countyId: user.countyId, kindergartenId: user.kindergartenId,
    });
    await tx.userSession.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: new Date(), endReason: 'changed' } });
  });
  // Keep this device signed in with a fresh session.
  await signIn('credentials', { identifier: row.phone ?? row.email ?? '', password: next, redirect: false });
  redirect('/account?changed=1');
}
