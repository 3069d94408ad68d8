'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requiredLine } from '@/lib/schema-fields';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { auth, signIn, signOut } from './next-auth';
import { identifierKey, normalizeIdentifier } from './credentials';
import { signInWait } from './throttle';
import { clientAddress } from '@/lib/net/client-address';
import { signOutSession } from './sessions';
import { LOCALE_COOKIE, LOCALE_PICKED_COOKIE, toLocale } from '@/i18n/locales';
import { HOME_PATH } from '@/lib/navigation';
import type { ActionState } from '@/lib/action-state';

const SignInInput = z.object({
  // No NUL or controls: the identifier is looked up in PostgreSQL, which refuses NUL (a 500).
  identifier: requiredLine(200),
  password: z.string().min(1).max(1024),
});

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations('login');
  const values = { identifier: String(formData.get('identifier') ?? '') };
  const parsed = SignInInput.safeParse({ identifier: formData.get('identifier'), password: formData.get('password') });
  // Both filled but unusable (a NUL, a control character): as wrong as any other failed sign-in.
  const filled = !!formData.get('identifier') && !!formData.get('password');
  if (!parsed.success) return { status: 'error', message: filled ? t('failed') : t('required'), values };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      // Auth.js passes no detail out of authorize(); the throttle answers the same for any account.
      const wait = await signInWait(db, identifierKey(parsed.data.identifier), clientAddress(await headers()));
      const message = wait > 0 ? t('throttled', { seconds: Math.ceil(wait / 1000) }) : t('failed');
      return { status: 'error', message, values };
    }
    throw error;
  }
  // The language is remembered per user. A language picked on the sign-in page is the one the user
  // just chose, so it is stored; otherwise (a cookie left by whoever used this browser before, or
  // none) the account's own language applies.
  const store = await cookies();
  const picked = store.get(LOCALE_PICKED_COOKIE) ? store.get(LOCALE_COOKIE)?.value : undefined;
  store.delete(LOCALE_PICKED_COOKIE);
  const user = await db.user.findFirst({
    where: normalizeIdentifier(parsed.data.identifier),
    select: { id: true, name: true, locale: true, role: true },
  });
  if (user && picked && toLocale(picked) !== user.locale) {
    const locale = toLocale(picked);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale } });
      await writeAudit(tx, {
        actor: user,
        action: 'user.localeChanged',
        entityType: 'User',
        entityId: user.id,
        before: { locale: user.locale },
        after: { locale },
      });
    });
  }
  store.set(LOCALE_COOKIE, toLocale(picked ?? user?.locale), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  // Straight to the role's home, not to `/` and its redirect: one round trip less on a slow network.
  redirect(user ? HOME_PATH[user.role] : '/');
}

export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await signOutSession(session.sid);
  await signOut({ redirectTo: '/login' });
}
