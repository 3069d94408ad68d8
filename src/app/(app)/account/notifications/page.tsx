import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getOwnPreferences } from '@/lib/notification-settings/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { PreferencesForm } from '@/components/notification-settings/preferences-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('notifications.preferences.title');

export default async function NotificationPreferencesPage() {
  const user = await requireUser();
  const [t, prefs] = await Promise.all([getTranslations('notifications.preferences'), getOwnPreferences(user, db)]);
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href="/account" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </PageHeader>
      <p className="mb-2 max-w-prose text-stone-700">{t('intro')}</p>
      {!prefs.mailConfigured ? (
        <p className="mb-4 max-w-prose text-sm text-stone-600">{t('mailOff')}</p>
      ) : (
        !prefs.hasEmail && <p className="mb-4 max-w-prose text-sm text-stone-600">{t('noEmail')}</p>
      )}
      <Card className="max-w-2xl">
        <PreferencesForm groups={prefs.groups} />
      </Card>
    </>
  );
}
