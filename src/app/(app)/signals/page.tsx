import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { countyWhere, hasPermission, scopeRuleFor } from '@/lib/authz';
import { firstValues } from '@/lib/schema-fields';
import { listSignals, SIGNAL_LIST_LIMIT } from '@/lib/signals/queries';
import { SignalFilters } from '@/lib/signals/schemas';
import { SIGNAL_KINDS } from '@/lib/signals/rules';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { SignalDetail, SignalKindBadge } from '@/components/spot-checks/signal-detail';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('spotChecks.signals.title');

/** Reasons for the bureau to look at records in its scope, by kind and period; each links to the records involved. */
export default async function SignalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'signals.view')) return denyAccess(user, { entityType: 'Activity', path: '/signals' });
  const f = SignalFilters.parse(firstValues(await searchParams));
  const [found, counties] = await Promise.all([
    listSignals(user, f, db),
    db.region.findMany({
      where: countyWhere(user, 'signals.view'),
      select: { id: true, name: true, nameEn: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  if (!found) return denyAccess(user, { entityType: 'Activity', path: '/signals' });
  const t = await getTranslations('spotChecks.signals');
  const format = await getFormatter();
  const locale = await getLocale();
  const cityWide = scopeRuleFor(user, 'signals.view') === 'city';
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';
  const link = (kind?: string) => {
    const q = new URLSearchParams({
      from: found.from,
      to: found.to,
      ...(f.countyId ? { countyId: f.countyId } : {}),
      ...(kind ? { kind } : {}),
    });
    return `/signals?${q}`;
  };
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href="/spot-checks" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('toSpotChecks')}
        </Link>
      </PageHeader>
      <p className="mb-3 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      <form role="search" aria-label={t('list.filter')} className="mb-3 grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
        <select name="kind" defaultValue={f.kind ?? ''} aria-label={t('list.kind')} className={select}>
          <option value="">{t('list.allKinds')}</option>
          {SIGNAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        {cityWide && counties.length > 1 && (
          <select name="countyId" defaultValue={f.countyId ?? ''} aria-label={t('list.county')} className={select}>
            <option value="">{t('list.allCounties')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {regionName(c, locale)}
              </option>
            ))}
          </select>
        )}
        <label className="flex flex-col text-xs text-stone-700">
          {t('list.from')}
          <input type="date" name="from" defaultValue={found.from} className={select} />
        </label>
        <label className="flex flex-col text-xs text-stone-700">
          {t('list.to')}
          <input type="date" name="to" defaultValue={found.to} className={select} />
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('list.filter')}
        </button>
      </form>
      <p className="mb-2 text-sm text-stone-700" data-testid="signal-summary">
        {t('list.records', { count: found.records })} · {t('list.period', { from: found.from, to: found.to })}
      </p>
      <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t('list.kind')}>
        {SIGNAL_KINDS.map((k) => (
          <li key={k}>
            <Link
              href={link(f.kind === k ? undefined : k)}
              aria-current={f.kind === k ? 'true' : undefined}
              className={`inline-flex min-h-11 items-center rounded-full border px-3 ${f.kind === k ? 'border-amber-700 bg-amber-100 text-amber-950' : 'border-stone-300 bg-white text-stone-800'}`}
            >
              {t(`kinds.${k}`)} <span className="ml-1 tabular-nums">{found.counts[k]}</span>
            </Link>
          </li>
        ))}
      </ul>
      {found.rows.length === 0 ? (
        <p className="text-sm text-stone-700">{t('list.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="signals">
          {found.rows.map((s) => (
            <li key={`${s.activityId}-${s.kind}`}>
              <Card>
                <div className="mb-1 flex flex-wrap items-center gap-2">
                  <SignalKindBadge kind={s.kind} />
                  <Link href={`/activities/${s.activity.id}`} className="font-medium text-brand-800 underline">
                    {s.activity.title}
                  </Link>
                </div>
                <p className="mb-1 text-xs text-stone-600">
                  {format.dateTime(s.activity.startsAt, { dateStyle: 'medium' })} ·{' '}
                  <Link href={`/pairings/${s.activity.pairingId}`} className="underline">
                    {s.activity.pairingLabel}
                  </Link>
                </p>
                <SignalDetail signal={s} settings={found.settings} />
              </Card>
            </li>
          ))}
        </ul>
      )}
      {found.truncated && (
        <p className="mt-2 text-sm text-stone-700">{t('list.truncated', { limit: SIGNAL_LIST_LIMIT, total: found.total })}</p>
      )}
    </>
  );
}
