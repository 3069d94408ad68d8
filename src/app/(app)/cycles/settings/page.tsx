import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { getCity } from '@/lib/cycles/city';
import { Card, PageHeader } from '@/components/ui/page-header';
import { SettingsForm } from '@/components/cycles/cycle-forms';

export default async function SettingsPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'settings.manage')) await denyAccess(user, { entityType: 'CitySetting', path: '/cycles/settings' });
  const t = await getTranslations('cycles');
  const city = await getCity(db, user.regionId);
  return (
    <>
      <PageHeader title={t('settings.title')}>
        <Link href="/cycles" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </PageHeader>
      <Card className="max-w-2xl">
        <SettingsForm maxAssisted={city.maxAssistedPerSupporter} />
      </Card>
    </>
  );
}
