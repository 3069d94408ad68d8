import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/session';
import { navFor } from '@/lib/navigation';
import { signOutAction } from '@/lib/auth/actions';
import { DraftOwnerProvider } from '@/components/form/draft-owner';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { LocaleSwitchFor as LocaleSwitch } from './locale-switch-for';
import { hasPermission } from '@/lib/authz';
import { NotificationsLinkFallback, UnreadNotificationsLink } from '@/components/notifications/unread-link';

export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations();
  const items = navFor(user).map((i) => ({ href: i.href, label: i.labelKey ? t(i.labelKey) : t(`nav.${i.key}`) }));
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('app.skip')}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-3 pt-2 sm:px-4">
          {/* Smaller name and gaps on a phone: the English labels then fit beside it on one line at 360 px. */}
          <p className="text-base font-bold sm:text-lg">{t('app.name')}</p>
          <div className="flex items-center gap-1 sm:gap-2">
            <span className="hidden text-sm sm:inline">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            {hasPermission(user, 'notification.view') && (
              <Suspense fallback={<NotificationsLinkFallback label={t('notifications.title')} />}>
                <UnreadNotificationsLink user={user} />
              </Suspense>
            )}
            <Suspense>
              <LocaleSwitch />
            </Suspense>
            <SignOutButton action={signOutAction} label={t('nav.signOut')} />
          </div>
        </div>
        <nav aria-label={t('nav.menu')} className="mx-auto max-w-6xl px-2 pb-1 sm:px-3">
          <NavLinks items={items} moreLabel={t('nav.scrollHint')} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4 sm:py-6">
        <DraftOwnerProvider userId={user.id}>{children}</DraftOwnerProvider>
      </main>
    </>
  );
}
