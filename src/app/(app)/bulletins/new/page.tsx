import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listClosedPeriods } from '@/lib/periods/queries';
import { PageHeader } from '@/components/ui/page-header';
import { BulletinForm } from '@/components/bulletins/bulletin-form';
import { periodName } from '@/components/bulletins/period-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('bulletins.new');

export default async function NewBulletinPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'bulletin.manage')) return denyAccess(user, { entityType: 'Bulletin', path: '/bulletins/new' });
  const t = await getTranslations('bulletins');
  const periods = await listClosedPeriods(db);
  const { period } = await searchParams;
  return (
    <>
      <Link href="/bulletins" className="text-sm text-brand-800 underline">
        ← {t('links.back')}
      </Link>
      <PageHeader title={t('new')} />
      {periods.length === 0 ? (
        <p>
          {t('noClosedPeriod')}{' '}
          <Link href="/bulletins/periods" className="text-brand-800 underline">
            {t('links.periods')}
          </Link>
        </p>
      ) : (
        <BulletinForm
          periods={periods.map((p) => ({
            value: p.id,
            label: `${periodName(t, p)} · ${t('periodDays', { from: p.startsOn, to: p.endsOn })}`,
          }))}
          initial={{ closedPeriodId: periods.find((p) => p.id === period)?.id }}
        />
      )}
    </>
  );
}
