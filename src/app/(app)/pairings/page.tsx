import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { regionName } from '@/i18n/region-name';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { counties as listCounties, listPairings } from '@/lib/pairings/queries';
import { parsePairingFilters } from '@/lib/pairings/filters';
import { PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod, cycleName } from '@/components/cycles/current-period';
import { StatusBadge } from '@/components/pairings/status-badge';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('pairings.title');

export default async function PairingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = parsePairingFilters(await searchParams);
  const t = await getTranslations('pairings');
  const tc = await getTranslations('cycles');
  const locale = await getLocale();
  const format = await getFormatter();
  const isAdmin = hasPermission(user, 'pairing.create');
  const [list, counties] = await Promise.all([
    listPairings(user, { cycleId: params.cycle, countyId: params.county, q: params.q, status: params.status }),
    isAdmin ? listCounties(user) : Promise.resolve([]),
  ]);
  // Full width of its grid cell on a phone, so a long English option cannot push the page wider than the screen.
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-base sm:w-auto';
  return (
    <>
      <PageHeader title={t('title')}>
        {isAdmin && (
          <div className="flex flex-wrap gap-2">
            {hasPermission(user, 'pairing.rollover') && (
              <Link
                href="/pairings/rollover"
                className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm"
              >
                {t('rollover')}
              </Link>
            )}
            <Link
              href="/pairings/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {t('new')}
            </Link>
          </div>
        )}
      </PageHeader>
      <CurrentPeriod className="mb-4" />
      {!list.cycle ? (
        <p>{t('noCycles')}</p>
      ) : (
        <>
          <form className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end" role="search">
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="f-cycle" className="text-sm">
                {t('filterCycle')}
              </label>
              <select id="f-cycle" name="cycle" defaultValue={list.cycle.id} className={select}>
                {list.cycles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {cycleName(tc, c.startYear)}
                  </option>
                ))}
              </select>
            </div>
            {counties.length > 1 && (
              <div className="flex min-w-0 flex-col gap-1">
                <label htmlFor="f-county" className="text-sm">
                  {t('filterCounty')}
                </label>
                <select id="f-county" name="county" defaultValue={params.county ?? ''} className={select}>
                  <option value="">{t('all')}</option>
                  {counties.map((c) => (
                    <option key={c.id} value={c.id}>
                      {regionName(c, locale)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="f-status" className="text-sm">
                {t('filterStatus')}
              </label>
              <select id="f-status" name="status" defaultValue={params.status ?? ''} className={select}>
                <option value="">{t('all')}</option>
                <option value="active">{t('status.active')}</option>
                <option value="ended">{t('status.ended')}</option>
              </select>
            </div>
            <div className="col-span-2 flex min-w-0 flex-col gap-1">
              <label htmlFor="f-q" className="text-sm">
                {t('filterSearch')}
              </label>
              <input
                id="f-q"
                name="q"
                type="search"
                defaultValue={params.q ?? ''}
                className="min-h-11 w-full min-w-0 rounded-md border border-stone-400 bg-white px-3 text-base"
              />
            </div>
            <button type="submit" className="col-span-2 min-h-11 rounded-md border border-stone-400 bg-white px-4 sm:col-span-1">
              {t('filter')}
            </button>
          </form>
          <p className="mb-2 text-sm text-stone-600">{t('count', { count: list.total })}</p>
          {list.rows.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label={t('title')}>
              {list.rows.map((p) => (
                <li key={p.id}>
                  <Link
                    href={`/pairings/${p.id}`}
                    className="block rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
                  >
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0">
                        <p className="font-medium text-stone-900">
                          <span className="mr-1 text-xs text-stone-500">{t('supportingShort')}</span>
                          {p.supporting.name}
                        </p>
                        <p className="font-medium text-stone-900">
                          <span className="mr-1 text-xs text-stone-500">{t('assistedShort')}</span>
                          {p.assisted.name}
                        </p>
                      </div>
                      <StatusBadge status={p.status} label={t(`status.${p.status}`)} />
                    </div>
                    <p className="mt-1 text-sm text-stone-600">
                      {p.supporting.county.name === p.assisted.county.name
                        ? regionName(p.supporting.county, locale)
                        : `${regionName(p.supporting.county, locale)} · ${regionName(p.assisted.county, locale)}`}
                      {' · '}
                      {p.endsOn ? t('period', { from: p.startsOn, to: p.endsOn }) : t('openEnded', { from: p.startsOn })}
                      {p.leader && <> · {t('leaderIs', { name: p.leader })}</>}
                      {p.rolledOver && <> · {t('continuedTo')}</>}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {list.total > list.rows.length && (
            <p className="mt-2 text-sm text-stone-600">
              {format.number(list.rows.length)} / {format.number(list.total)}
            </p>
          )}
        </>
      )}
    </>
  );
}
