import { requireUser } from '@/lib/session';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/shell/app-shell';
import { OfflineStatusLater as OfflineStatus } from '@/components/offline/offline-status-later';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations('offline');
  const raw = (k: 'offlineCopy' | 'waiting') => t.raw(k) as string;
  return (
    <AppShell user={user}>
      <OfflineStatus
        owner={user.id}
        words={{
          banner: t('banner'),
          offlineCopy: raw('offlineCopy'),
          waiting: raw('waiting'),
          waitingHelp: t('waitingHelp'),
          sendNow: t('sendNow'),
          returned: t('returned'),
          openForm: t('openForm'),
        }}
      />
      {children}
    </AppShell>
  );
}
