import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { requestPairingOptions } from '@/lib/activities/queries';
import { PageHeader } from '@/components/ui/page-header';
import { RequestForm } from '@/components/activities/request-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('activities.requests.new');

export default async function NewRequestPage() {
  const user = await requireUser();
  const pairings = await requestPairingOptions(user, db);
  if (pairings.length === 0) await denyAccess(user, { entityType: 'Page', path: '/requests/new' });
  const t = await getTranslations('activities.requests');
  return (
    <>
      <PageHeader title={t('new')} />
      <p className="mb-4 text-sm text-stone-700">{t('intro')}</p>
      <RequestForm pairings={pairings} />
    </>
  );
}
