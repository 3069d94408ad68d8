import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { countyWhere, hasPermission, scopeRuleFor } from '@/lib/authz';
import { listSpotChecks } from '@/lib/spot-checks/queries';
import { addDays } from '@/lib/cycles/periods';
import { cityToday } from '@/lib/time/today';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { DrawForm } from '@/components/spot-checks/draw-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('spotChecks.title');

/** The bureau's spot checks (抽查): draw a new sample, and the samples drawn so far in its scope. */
export default async function SpotChecksPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'spotCheck.manage')) return denyAccess(user, { entityType: 'SpotCheck', path: '/spot-checks' });
  const t = await getTranslations('spotChecks');
  const format = await getFormatter();
  const locale = await getLocale();
  const [checks, counties, today] = await Promise.all([
    listSpotChecks(user, db),
    db.region.findMany({
      where: countyWhere(user, 'spotCheck.manage'),
      select: { id: true, name: true, nameEn: true },
      orderBy: { code: 'asc' },
    }),
    cityToday(db),
  ]);
  const countyName = new Map(counties.map((c) => [c.id, regionName(c, locale)]));
  const cityWide = scopeRuleFor(user, 'spotCheck.manage') === 'city';
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href="/signals" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('signals.title')}
        </Link>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      <Card className="mb-4 max-w-3xl">
        <h2 className="mb-2 font-semibold">{t('draw.title')}</h2>
        <DrawForm
          counties={counties.map((c) => ({ id: c.id, name: regionName(c, locale) }))}
          fixedCountyId={cityWide ? null : user.countyId}
          defaults={{ periodFrom: addDays(today, -90), periodTo: today, sampleSize: 10 }}
        />
      </Card>
      <h2 className="mb-2 font-semibold">{t('list.title')}</h2>
      {checks.length === 0 ? (
        <p className="text-sm text-stone-700">{t('list.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="spot-checks">
          {checks.map((c) => (
            <li key={c.id}>
              <Card>
                <Link href={`/spot-checks/${c.id}`} className="font-medium text-brand-800 underline">
                  {c.countyId ? (countyName.get(c.countyId) ?? '') : t('list.scopeCity')} ·{' '}
                  {t('list.period', { from: c.periodFrom, to: c.periodTo })}
                </Link>
                <p className="mt-1 text-sm text-stone-700">
                  {t('list.progress', { checked: c.checked, total: c.items })}
                  {c.questioned > 0 && ` · ${t('list.questioned', { count: c.questioned })}`}
                </p>
                <p className="text-xs text-stone-600">
                  {t('list.drawnBy', { name: c.createdBy, date: format.dateTime(c.createdAt, { dateStyle: 'medium' }) })} ·{' '}
                  {t('detail.seed')}: <span className="font-mono">{c.seed}</span>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
