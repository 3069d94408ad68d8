import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { countAwaitingConfirmation, listActivities, listPairingOptions, ACTIVITIES_PAGE_SIZE } from '@/lib/activities/queries';
import { ActivityFilters } from '@/lib/activities/schemas';
import { ACTIVITY_TYPES } from '@/lib/activities/rules';
import { PageHeader } from '@/components/ui/page-header';
import { ActivityBadges, Icon } from '@/components/activities/badges';
import { LateBadge } from '@/components/bulletins/late-badge';
import { whenText } from '@/components/activities/format';
import { cityTimeZone } from '@/lib/time/city-zone';
import { titled } from '@/i18n/page-title';
import { ConfirmSelectedForm } from '@/components/activities/confirm-selected';
import { confirmActivitiesAction } from '@/lib/activities/actions';

export const generateMetadata = titled('activities.title');

/** Only a page with rows this director may confirm becomes a form ("confirm selected"). */
function MaybeConfirmForm({ on, children }: { on: boolean; children: React.ReactNode }) {
  return on ? <ConfirmSelectedForm action={confirmActivitiesAction}>{children}</ConfirmSelectedForm> : <>{children}</>;
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const filters = ActivityFilters.parse(await searchParams);
  const t = await getTranslations('activities');
  const tl = await getTranslations('bulletins.late');
  const [{ rows, total, page }, pairings, toConfirm, timeZone] = await Promise.all([
    listActivities(user, filters, db),
    listPairingOptions(user, db),
    countAwaitingConfirmation(user, db),
    cityTimeZone(db),
  ]);
  const query = (p: number) =>
    new URLSearchParams(Object.entries({ ...filters, page: String(p) }).filter((e): e is [string, string] => !!e[1])).toString();
  // With one pairing in view, its calendar is one tap away.
  const calendarPairing = filters.pairing ?? (pairings.length === 1 ? pairings[0].value : null);
  // min-w-0: a long English option (a pairing's two names) must not push the page wider than the screen.
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-base';
  const te = await getTranslations('evidence');
  return (
    <>
      <PageHeader title={t('title')}>
        <div className="flex flex-wrap gap-2">
          <Link href="/requests" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm">
            {t('requestsLink')}
          </Link>
          {calendarPairing && (
            <Link
              href={`/pairings/${calendarPairing}/calendar`}
              className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm"
            >
              {t('calendarLink')}
            </Link>
          )}
          {hasPermission(user, 'evidence.duplicates') && (
            <Link
              href="/evidence/duplicates"
              className="inline-flex min-h-11 items-center rounded-md border border-amber-700 bg-white px-3 text-sm text-amber-900"
            >
              {te('duplicates.link')}
            </Link>
          )}
          {/* Every page of what the filters select, not only this page (page is left out). */}
          <a
            href={`/activities/export?${new URLSearchParams(Object.entries({ ...filters, page: undefined }).filter((e): e is [string, string] => !!e[1])).toString()}`}
            className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm"
            download
          >
            {t('export.link')}
          </a>
          {hasPermission(user, 'activity.create') && (
            <Link
              href="/activities/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              + {t('new')}
            </Link>
          )}
        </div>
      </PageHeader>
      {toConfirm > 0 && !filters.toConfirm && (
        <Link
          href="/activities?toConfirm=1"
          className="mb-3 flex min-h-11 items-center gap-2 rounded-lg border border-amber-700 bg-amber-50 px-3 text-sm font-medium text-amber-900"
        >
          <Icon name="clock" />
          {t('toConfirm', { count: toConfirm })}
        </Link>
      )}
      {filters.toConfirm && <p className="mb-3 font-medium">{t('toConfirmTitle')}</p>}
      <details className="mb-4 rounded-lg border border-stone-200 bg-white p-3" open={Object.values(filters).some(Boolean) || undefined}>
        <summary className="min-h-8 cursor-pointer text-sm font-medium">{t('filters.label')}</summary>
        <form className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label={t('filters.label')}>
          {pairings.length > 1 && (
            <label className="col-span-2 flex min-w-0 flex-col gap-1 text-sm sm:col-span-3 lg:col-span-2">
              {t('filters.pairing')}
              <select name="pairing" defaultValue={filters.pairing ?? ''} className={select}>
                <option value="">{t('filters.all')}</option>
                {pairings.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="col-span-2 flex min-w-0 flex-col gap-1 text-sm sm:col-span-1">
            {t('filters.type')}
            <select name="type" defaultValue={filters.type ?? ''} className={select}>
              <option value="">{t('filters.all')}</option>
              {ACTIVITY_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`types.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            {t('filters.status')}
            <select name="status" defaultValue={filters.status ?? ''} className={select}>
              <option value="">{t('filters.all')}</option>
              {(['PLANNED', 'DONE', 'CANCELLED'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`statuses.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            {t('filters.confirmation')}
            <select name="confirmation" defaultValue={filters.confirmation ?? ''} className={select}>
              <option value="">{t('filters.all')}</option>
              {(['PENDING', 'CONFIRMED', 'DISPUTED'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`confirmations.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            {t('filters.month')}
            <input type="month" name="month" defaultValue={filters.month ?? ''} className={select} />
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className="min-h-11 flex-1 rounded-md bg-brand-700 px-3 text-sm text-white">
              {t('filters.apply')}
            </button>
            <Link href="/activities" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm">
              {t('filters.clear')}
            </Link>
          </div>
        </form>
      </details>
      <p className="mb-2 text-sm text-stone-600">{t('count', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <MaybeConfirmForm on={rows.some((a) => a.confirmable)}>
          <ul className="grid gap-2 lg:grid-cols-2">
            {rows.map((a) => (
              <li key={a.id} className="flex items-stretch gap-1">
                {a.confirmable && (
                  <label className="flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center justify-center rounded-lg border border-amber-700 bg-amber-50">
                    <input
                      type="checkbox"
                      name="items"
                      value={`${a.id}:${a.version}`}
                      aria-label={t('bulk.select', { title: a.title })}
                      className="h-5 w-5 accent-brand-700"
                    />
                  </label>
                )}
                <Link
                  href={`/activities/${a.id}`}
                  className="flex h-full min-w-0 flex-1 flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
                >
                  <span className="text-xs text-stone-600">
                    {t(`types.${a.type}`)} · {whenText(a.startsAt, null, timeZone)}
                  </span>
                  <span className="font-medium text-stone-900">{a.title}</span>
                  <span className="text-sm text-stone-600">
                    {a.pairing}
                    {a.location ? ` · ${a.location}` : ''}
                    {a.classHours != null ? ` · ${t('fields.classHours')} ${a.classHours}` : ''}
                  </span>
                  <ActivityBadges
                    status={a.status}
                    confirmation={a.confirmation}
                    incomplete={a.incomplete}
                    donation={a.donation}
                    received={a.received}
                  />
                  {a.lateCorrection && <LateBadge state={a.lateCorrection} label={tl(`badge.${a.lateCorrection}`)} />}
                </Link>
              </li>
            ))}
          </ul>
        </MaybeConfirmForm>
      )}
      {(page > 1 || page * ACTIVITIES_PAGE_SIZE < total) && (
        <nav className="mt-4 flex justify-between" aria-label={t('more')}>
          {page > 1 ? (
            <Link href={`/activities?${query(page - 1)}`} className="min-h-11 rounded-md border px-3 py-2 text-sm">
              {t('prev')}
            </Link>
          ) : (
            <span />
          )}
          {page * ACTIVITIES_PAGE_SIZE < total && (
            <Link href={`/activities?${query(page + 1)}`} className="min-h-11 rounded-md border px-3 py-2 text-sm">
              {t('next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
