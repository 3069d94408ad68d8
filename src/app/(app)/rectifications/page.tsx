import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { countyWhere, hasPermission } from '@/lib/authz';
import { firstValues } from '@/lib/schema-fields';
import { listRectifications, LIST_LIMIT } from '@/lib/rectifications/queries';
import { RectificationFilters } from '@/lib/rectifications/schemas';
import { shortText, STATUS_FILTERS } from '@/lib/rectifications/rules';
import { regionName } from '@/i18n/region-name';
import { PageHeader } from '@/components/ui/page-header';
import { RectificationStatusBadge } from '@/components/rectifications/status-badge';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('rectifications.title');

/** Rectifications in the viewer's scope: the city all, a county its own, a director its kindergarten's. */
export default async function RectificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user, 'rectification.view')) return denyAccess(user, { entityType: 'Rectification', path: '/rectifications' });
  const f = RectificationFilters.parse(firstValues(await searchParams));
  const t = await getTranslations('rectifications');
  const locale = await getLocale();
  const [{ rows, more }, counties] = await Promise.all([
    listRectifications(user, f, db),
    db.region.findMany({
      where: countyWhere(user, 'rectification.view'),
      select: { id: true, name: true, nameEn: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  const countyName = new Map(counties.map((c) => [c.id, regionName(c, locale)]));
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-3 text-sm text-stone-700">{t('intro')}</p>
      <form role="search" aria-label={t('filter.label')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <select name="status" defaultValue={f.status ?? ''} aria-label={t('filter.status')} className={select}>
          <option value="">{t('filter.allStates')}</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`filter.${s}`)}
            </option>
          ))}
        </select>
        {counties.length > 1 && (
          <select name="countyId" defaultValue={f.countyId ?? ''} aria-label={t('filter.county')} className={select}>
            <option value="">{t('filter.allCounties')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {regionName(c, locale)}
              </option>
            ))}
          </select>
        )}
        {hasPermission(user, 'rectification.review') && (
          <label className="col-span-2 flex min-h-11 items-center gap-2 text-sm sm:col-span-1">
            <input type="checkbox" name="office" value="mine" defaultChecked={f.office === 'mine'} className="size-5" />
            {t('filter.mine')}
          </label>
        )}
        {f.pairingId && <input type="hidden" name="pairingId" value={f.pairingId} />}
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('filter.label')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2" data-testid="rectifications">
          {rows.map((r) => (
            <li
              key={r.id}
              className={`rounded-lg border bg-white p-3 shadow-sm ${r.overdue ? 'border-red-400' : 'border-stone-200'}`}
              data-overdue={r.overdue || undefined}
            >
              <Link href={`/rectifications/${r.id}`} className="block min-h-11 break-words font-medium text-brand-800 underline">
                {shortText(r.requirement, 80)}
              </Link>
              <p className="mt-1 text-sm text-stone-700">
                {r.kindergarten.name}
                {countyName.size > 1 && ` · ${countyName.get(r.kindergarten.countyId) ?? ''}`}
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                <span className="tabular-nums text-stone-700">{t('deadlineText', { date: r.deadline })}</span>
                <RectificationStatusBadge
                  status={r.status}
                  label={t(`status.${r.status}`)}
                  overdueLabel={r.overdue ? t('overdue') : undefined}
                />
                <span className="text-xs text-stone-600">{t(`sourceKind.${r.inspectionItemId ? 'inspection' : 'spotCheck'}`)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {more && <p className="mt-3 text-sm text-stone-700">{t('more', { count: LIST_LIMIT })}</p>}
    </>
  );
}
