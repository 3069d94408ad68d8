import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listBulletins } from '@/lib/bulletins/queries';
import { countPendingLateCorrections } from '@/lib/periods/queries';
import { PageHeader } from '@/components/ui/page-header';
import { periodName } from '@/components/bulletins/period-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('bulletins.title');

const link = 'inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm';

/** Published bulletins for everyone in the city; the city's drafts and its closing tools for the city. */
export default async function BulletinsPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'bulletin.view')) return denyAccess(user, { entityType: 'Bulletin', path: '/bulletins' });
  const t = await getTranslations('bulletins');
  const format = await getFormatter();
  const [rows, pendingLate] = await Promise.all([listBulletins(user, db), countPendingLateCorrections(user, db)]);
  return (
    <>
      <PageHeader title={t('title')}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(user, 'bulletin.manage') && (
            <Link
              href="/bulletins/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {t('new')}
            </Link>
          )}
          {hasPermission(user, 'period.close') && (
            <Link href="/bulletins/periods" className={link}>
              {t('links.periods')}
            </Link>
          )}
          {hasPermission(user, 'lateCorrection.review') && (
            <Link href="/bulletins/late-corrections" className={link}>
              {t('links.lateCorrections')}
              {pendingLate > 0 && <span className="ml-1 rounded-full bg-amber-600 px-2 text-xs text-white">{pendingLate}</span>}
            </Link>
          )}
        </div>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="bulletin-list">
          {rows.map((b) => (
            <li key={b.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <Link href={`/bulletins/${b.id}`} className="font-medium text-brand-800 underline">
                {b.title}
              </Link>
              <p className="text-sm text-stone-700">
                {periodName(t, b.closedPeriod)} ·{' '}
                {b.status === 'PUBLISHED' && b.publishedAt
                  ? t('publishedOn', { date: format.dateTime(b.publishedAt, { dateStyle: 'medium' }) })
                  : t('draftUpdated', { date: format.dateTime(b.updatedAt, { dateStyle: 'medium' }) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
