import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { firstValues } from '@/lib/schema-fields';
import { inspectionCounties, listInspections } from '@/lib/inspections/queries';
import { InspectionFilters } from '@/lib/inspections/schemas';
import { INSPECTION_GRADES } from '@/lib/inspections/rules';
import { regionName } from '@/i18n/region-name';
import { PageHeader } from '@/components/ui/page-header';
import { GradeBadge, InspectionStatusBadge } from '@/components/inspections/badges';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('inspections.title');

/** The inspections in scope: all for the city, the county's for its admin, recorded ones of their kindergarten for a director. */
export default async function InspectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'inspection.view')) return denyAccess(user, { entityType: 'Inspection', path: '/inspections' });
  const f = InspectionFilters.parse(firstValues(await searchParams));
  const t = await getTranslations('inspections');
  const locale = await getLocale();
  const bureau = hasPermission(user, 'inspection.record');
  const [{ rows, total }, counties] = await Promise.all([listInspections(user, f, db), inspectionCounties(user, db)]);
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';
  return (
    <>
      <PageHeader title={t('title')}>
        <div className="flex flex-wrap gap-3">
          {hasPermission(user, 'checklist.manage') && (
            <Link href="/inspections/checklist" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t('checklist.title')}
            </Link>
          )}
          {bureau && (
            <Link
              href="/inspections/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {t('start.button')}
            </Link>
          )}
        </div>
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">{bureau ? t('list.introBureau') : t('list.introDirector')}</p>
      <form role="search" aria-label={t('list.filter')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        {counties.length > 1 && (
          <select name="countyId" defaultValue={f.countyId ?? ''} aria-label={t('list.county')} className={select}>
            <option value="">{t('list.allCounties')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {regionName(c, locale)}
              </option>
            ))}
          </select>
        )}
        {bureau && (
          <select name="status" defaultValue={f.status ?? ''} aria-label={t('list.status')} className={select}>
            <option value="">{t('list.allStatuses')}</option>
            {(['DRAFT', 'RECORDED'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        )}
        <select name="grade" defaultValue={f.grade ?? ''} aria-label={t('list.grade')} className={select}>
          <option value="">{t('list.allGrades')}</option>
          {INSPECTION_GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`grade.${g}`)}
            </option>
          ))}
        </select>
        <label className="flex flex-col text-xs text-stone-700">
          {t('list.from')}
          <input type="date" name="from" defaultValue={f.from ?? ''} className={select} />
        </label>
        <label className="flex flex-col text-xs text-stone-700">
          {t('list.to')}
          <input type="date" name="to" defaultValue={f.to ?? ''} className={select} />
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('list.filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <>
          {total > rows.length && <p className="mb-2 text-sm text-stone-600">{t('list.more', { shown: rows.length, total })}</p>}
          <ul className="flex flex-col gap-2" data-testid="inspections">
            {rows.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/inspections/${r.id}`}
                  className="flex min-h-11 flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
                >
                  <span className="font-medium text-brand-800 underline">{r.subject.label}</span>
                  <span className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
                    <span className="tabular-nums">{r.inspectedOn}</span>
                    <span>{r.announced ? t('announced.yes') : t('announced.no')}</span>
                    {bureau && <InspectionStatusBadge status={r.status} label={t(`status.${r.status}`)} />}
                    {r.grade && <GradeBadge grade={r.grade} label={t(`grade.${r.grade}`)} />}
                    {r.findings > 0 && <span className="text-amber-900">{t('list.findings', { count: r.findings })}</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
