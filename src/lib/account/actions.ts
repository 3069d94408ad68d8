'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { getCurrentUser } from '@/lib/session';
import { runAction } from '@/lib/action';
import { LOCALE_COOKIE, LOCALE_PICKED_COOKIE, LOCALES } from '@/i18n/locales';
import { signIn } from '@/lib/auth/next-auth';
import type { ActionState } from '@/lib/action-state';
import { changeOwnPassword, setOwnLocale } from './commands';

const LocaleInput = z.object({ locale: z.enum(LOCALES), returnTo: z.string().startsWith('/').max(500).default('/') });

/**
 * Anyone may switch the language, signed in or not, so this one form action does not go through
 * runAction (which requires a user); a signed-in user's choice is stored with their account.
 */
export async function setLocale(formData: FormData) {
  const parsed = LocaleInput.safeParse({ locale: formData.get('locale'), returnTo: formData.get('returnTo') ?? undefined });
  if (!parsed.success) return;
  const { locale, returnTo } = parsed.data;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  const user = await getCurrentUser();
  // Signed out: remembered for this browser session, and stored with the account at sign-in.
  if (!user) store.set(LOCALE_PICKED_COOKIE, '1', { httpOnly: true, sameSite: 'lax', path: '/' });
  else await setOwnLocale(user, { locale }, db);
  revalidatePath('/', 'layout');
  // Only same-site paths: "//evil.example" would be protocol-relative.
  redirect(returnTo.startsWith('//') ? '/' : returnTo);
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: async (user, input) => {
      const result = await changeOwnPassword(user, input, db);
      // Keep this device signed in with a fresh session: the change ended every session.
      if (result.ok)
        await signIn('credentials', { identifier: result.value.identifier, password: String(formData.get('next')), redirect: false });
      return result;
    },
    entity: { type: 'User' },
    allowPasswordChange: true,
    // Passwords never travel back to the browser.
    values: () => ({}),
    redirect: () => '/account?changed=1',
  });
}
