import { Suspense } from 'react';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { activityTrend, loadDashboardCached } from '@/lib/effect-tests/dashboard';
import { periodKey, TEST_IDS, type ResultStatus } from '@/lib/effect-tests/evaluate';
import { TREND_CATEGORIES } from '@/lib/effect-tests/facts';
import { dashboardQuery, FILTER_STATUSES, parseDashboardFilters, type DashboardFilters } from '@/lib/effect-tests/filters';
import type { SessionUser } from '@/lib/session';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ResultBadge } from '@/components/effect-tests/result-badge';
import { TEST_DETAIL_ID } from '@/components/effect-tests/test-result-link';
import { figureText, memoizeFormatting, semesterLabel } from '@/components/effect-tests/figure';
import { StackedBars } from '@/components/charts/stacked-bars';
import { FrozenNotice } from '@/components/bulletins/frozen-notice';
import { regionName } from '@/i18n/region-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('effectTests.title');

/**
 * Rows per page, worst first: 25 cards is already a long scroll on a phone over a weak connection,
 * and each row is eleven linked cells (measured: 50 rows cost the city page ~40 ms more to render).
 * The filters, the counts per test and the export cover every pairing.
 */
const PAGE_SIZE = 25;
const button = 'inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm';
// Full width of its grid cell on a phone, so a long English option cannot push the page wider than the screen.
const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';

export default async function EffectTestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'effectTests.view')) return denyAccess(user, { entityType: 'Page', path: '/effect-tests' });
  const raw = await searchParams;
  const f = parseDashboardFilters(raw);
  const page = Math.max(1, Number(raw.page) || 1);
  const t = await getTranslations('effectTests');
  const locale = await getLocale();
  const key = JSON.stringify(f);
  const data = await loadDashboardCached(user, key, db);
  const countyName = (c: { name: string; nameEn: string | null }) => regionName(c, locale);
  const current = data.evaluation ? periodKey(data.evaluation.period) : '';
  return (
    <>
      <PageHeader title={t('title')}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(user, 'effectTests.configure') && (
            <Link href="/effect-tests/settings" className={button}>
              {t('settings.title')}
            </Link>
          )}
          {hasPermission(user, 'effectTests.export') && (
            <a href={`/effect-tests/export${dashboardQuery(f, { period: f.period ?? current })}`} className={button} download>
              {t('export')}
            </a>
          )}
        </div>
      </PageHeader>
      <p className="mb-3 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      {data.evaluation && <FrozenNotice closed={data.evaluation.closed} />}
      <form role="search" aria-label={t('apply')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <label className="col-span-2 flex flex-col gap-1 text-sm sm:min-w-56">
          <span className="sr-only">{t('search')}</span>
          <input
            name="q"
            type="search"
            defaultValue={f.q}
            placeholder={t('search')}
            className="min-h-11 w-full min-w-0 rounded-md border border-stone-400 px-3"
          />
        </label>
        <select name="period" defaultValue={current} aria-label={t('period')} className={`${select} col-span-2 sm:col-span-1`}>
          {data.periods.map((p) => (
            <option key={periodKey(p)} value={periodKey(p)}>
              {semesterLabel(t, p.semester)}
            </option>
          ))}
        </select>
        {data.counties.length > 0 && (
          <select name="county" defaultValue={f.county ?? ''} aria-label={t('county')} className={select}>
            <option value="">{t('allCounties')}</option>
            {data.counties.map((c) => (
              <option key={c.id} value={c.id}>
                {countyName(c)}
              </option>
            ))}
          </select>
        )}
        <select name="test" defaultValue={f.test ?? ''} aria-label={t('test')} className={select}>
          <option value="">{t('allTests')}</option>
          {TEST_IDS.map((id) => (
            <option key={id} value={id}>
              {id} {t(`testName.${id}`)}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={f.status ?? ''} aria-label={t('status')} className={select}>
          <option value="">{t('anyStatus')}</option>
          {FILTER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusName.${s}`)}
            </option>
          ))}
        </select>
        <select name="sort" defaultValue={f.sort ?? 'risk'} aria-label={t('sort')} className={select}>
          <option value="risk">{t('sortRisk')}</option>
          <option value="name">{t('sortName')}</option>
        </select>
        <button type="submit" className={`${button} justify-center`}>
          {t('apply')}
        </button>
        <Link href="/effect-tests" className="inline-flex min-h-11 items-center justify-center px-2 text-sm text-brand-700 underline">
          {t('reset')}
        </Link>
      </form>
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Suspense
          fallback={
            <Card>
              <p className="text-sm text-stone-500">…</p>
            </Card>
          }
        >
          <AtRiskCard user={user} filtersKey={key} period={f.period} />
        </Suspense>
        <Suspense
          fallback={
            <Card>
              <p className="text-sm text-stone-500">…</p>
            </Card>
          }
        >
          <TrendCard user={user} filtersKey={key} />
        </Suspense>
      </div>
      <Suspense
        fallback={
          <Card>
            <p className="text-sm text-stone-500">…</p>
          </Card>
        }
      >
        <ByTestCard user={user} filtersKey={key} />
      </Suspense>
      <Suspense
        fallback={
          <Card>
            <p className="text-sm text-stone-500">…</p>
          </Card>
        }
      >
        <PairingsTable user={user} filtersKey={key} f={f} page={page} />
      </Suspense>
    </>
  );
}

/** A drill-down link; the period is named only when the page was asked for one (else the drill-down shows the current one too). */
function cellHref(pairingId: string, test: string | null, period: string | undefined) {
  const q = [test && `test=${test}`, period && `period=${encodeURIComponent(period)}`].filter(Boolean).join('&');
  return `/pairings/${pairingId}/effect-tests${q ? `?${q}` : ''}${test ? `#${TEST_DETAIL_ID}` : ''}`;
}

/**
 * One table for every screen: on a phone each row becomes a card and each cell names its test
 * (on wide screens the name is only for screen readers: the column header shows it). Cells are
 * plain links, not next/link: a page holds hundreds, and prefetching them all would flood a rural
 * connection. A link reads "S2 at risk 4 / 10 hours" on every screen, without a repeated aria-label.
 */
async function PairingsTable({ user, filtersKey, f, page }: { user: SessionUser; filtersKey: string; f: DashboardFilters; page: number }) {
  const { evaluation, rows } = await loadDashboardCached(user, filtersKey, db);
  const { t, format } = memoizeFormatting(await getTranslations('effectTests'), await getFormatter());
  const td = await getTranslations('dashboards');
  if (!evaluation)
    return (
      <Card>
        <p>{t('empty')}</p>
      </Card>
    );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const tests = f.test ? [f.test] : TEST_IDS;
  const testName = Object.fromEntries(TEST_IDS.map((id) => [id, t(`testName.${id}`)]));
  const statusName = (s: ResultStatus) => t(`statusName.${s}`);
  return (
    <section aria-labelledby="pairings-table" className="mt-4">
      <h2 id="pairings-table" className="mb-2 font-semibold">
        {td('table')} · {semesterLabel(t, evaluation.period.semester)}
      </h2>
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t('count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-stone-200 md:bg-white">
            <table className="block w-full text-left text-sm md:table" data-testid="effect-table">
              <thead className="sr-only bg-stone-100 md:not-sr-only md:table-header-group">
                <tr>
                  <th scope="col" className="p-2">
                    {t('pairing')}
                  </th>
                  {tests.map((id) => (
                    <th key={id} scope="col" className="p-2 align-bottom">
                      <abbr title={testName[id]} className="no-underline">
                        {id}
                      </abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="flex flex-col gap-2 md:table-row-group">
                {shown.map((p) => (
                  <tr
                    key={p.id}
                    className="block rounded-lg border border-stone-200 bg-white p-3 align-top md:table-row md:rounded-none md:border-0 md:border-t md:p-0"
                  >
                    <th scope="row" className="block pb-1 text-left font-normal md:table-cell md:min-w-44 md:p-2">
                      <a
                        href={cellHref(p.id, null, f.period)}
                        className="inline-flex min-h-11 items-center font-medium text-brand-800 underline-offset-2 hover:underline md:min-h-0 md:font-normal"
                      >
                        {p.supporting.name}
                      </a>
                      <span className="block text-xs text-stone-600">→ {p.assisted.name}</span>
                    </th>
                    {tests.map((id) => {
                      const r = p.results[id];
                      const fig = r.status === 'NOT_APPLICABLE' ? null : figureText(t, format, r.figure).main;
                      return (
                        <td key={id} className="fx-cell">
                          <a href={cellHref(p.id, id, f.period)} className="fx-link">
                            <abbr title={testName[id]} className="fx-id">
                              {id}
                            </abbr>
                            <ResultBadge status={r.status} label={statusName(r.status)} />
                            {/* Long figures (plans, rates, programmes) stay on the phone's card and for screen readers; the wide table keeps to short ones. */}
                            {fig && (
                              <span
                                className={
                                  r.figure.kind === 'hours' || r.figure.kind === 'months' || r.figure.kind === 'count'
                                    ? 'fx-figure'
                                    : 'fx-figure fx-figure-long'
                                }
                              >
                                {fig}
                              </span>
                            )}
                          </a>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="mt-2 flex gap-3 text-sm" aria-label={td('pages')}>
              {page > 1 && (
                <Link
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                  href={`/effect-tests${dashboardQuery(f)}${dashboardQuery(f) ? '&' : '?'}page=${page - 1}`}
                >
                  ‹ {page - 1}
                </Link>
              )}
              <span>
                {page} / {pages}
              </span>
              {page < pages && (
                <Link
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                  href={`/effect-tests${dashboardQuery(f)}${dashboardQuery(f) ? '&' : '?'}page=${page + 1}`}
                >
                  {page + 1} ›
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}

async function AtRiskCard({ user, filtersKey, period }: { user: SessionUser; filtersKey: string; period: string | undefined }) {
  const { worst } = await loadDashboardCached(user, filtersKey, db);
  const t = await getTranslations('effectTests');
  const td = await getTranslations('dashboards');
  return (
    <Card>
      <h2 className="mb-1 font-semibold">{td('atRisk')}</h2>
      <p className="mb-2 text-xs text-stone-600">{td('atRiskRule')}</p>
      {worst.length === 0 ? (
        <p className="text-sm">{td('noRisk')}</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm" data-testid="at-risk">
          {worst.map((p) => {
            const bad = TEST_IDS.filter((id) => p.results[id].status === 'MISSED' || p.results[id].status === 'AT_RISK');
            return (
              <li key={p.id}>
                <a href={cellHref(p.id, null, period)} className="inline-flex min-h-11 items-center text-brand-800 underline">
                  {p.supporting.name} → {p.assisted.name}
                </a>
                <span className="mt-1 flex flex-wrap gap-1">
                  {bad.map((id) => (
                    <a key={id} href={cellHref(p.id, id, period)} className="inline-flex min-h-11 items-center gap-1">
                      <span className="font-mono text-xs">{id}</span>
                      <ResultBadge status={p.results[id].status} label={t(`statusName.${p.results[id].status}`)} />
                    </a>
                  ))}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

async function ByTestCard({ user, filtersKey }: { user: SessionUser; filtersKey: string }) {
  const { byTest } = await loadDashboardCached(user, filtersKey, db);
  const t = await getTranslations('effectTests');
  const td = await getTranslations('dashboards');
  const format = await getFormatter();
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('byTest')}</h2>
      <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {TEST_IDS.map((id) => {
          const { missed, atRisk } = byTest[id];
          return (
            <li key={id} className="flex items-center justify-between gap-2 border-b border-stone-100">
              <Link
                href={`/effect-tests?test=${id}&status=${missed ? 'MISSED' : 'AT_RISK'}`}
                className="inline-flex min-h-11 items-center text-brand-800 underline-offset-2 hover:underline"
              >
                {id} {t(`testName.${id}`)}
              </Link>
              <span className="whitespace-nowrap tabular-nums text-stone-700">
                {td('problems', { missed: format.number(missed), atRisk: format.number(atRisk) })}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

const COLORS: Record<(typeof TREND_CATEGORIES)[number], string> = {
  SEND: '#1d4ed8',
  OBSERVATION: '#15803d',
  LECTURE: '#b45309',
  FOLLOW_UP: '#7e22ce',
  OTHER: '#78716c',
};

async function TrendCard({ user, filtersKey }: { user: SessionUser; filtersKey: string }) {
  const { evaluation, rows } = await loadDashboardCached(user, filtersKey, db);
  const td = await getTranslations('dashboards');
  const format = await getFormatter();
  if (!evaluation) return null;
  // The evaluation counted the trend over all its pairings; a status filter keeps only some.
  const trend =
    rows.length === evaluation.pairings.length
      ? evaluation.trend
      : await activityTrend(
          evaluation,
          rows.map((p) => p.id),
          db,
        );
  const months: string[] = [];
  for (let m = evaluation.period.semester.startsOn.slice(0, 7); m <= evaluation.period.semester.endsOn.slice(0, 7);) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  const values: Record<string, Record<string, number>> = {};
  for (const r of trend) (values[r.month] ??= {})[r.category] = r.n;
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('trend')}</h2>
      <StackedBars
        title={td('trend')}
        tableCaption={td('trendCaption')}
        formatNumber={(n) => format.number(n)}
        data={{
          categories: months.map((m) => ({ key: m, label: m.slice(5) })),
          series: TREND_CATEGORIES.map((c) => ({ key: c, label: td(`type.${c}`), color: COLORS[c] })),
          values,
        }}
      />
    </Card>
  );
}

export const dynamic = 'force-dynamic';
