import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { countyWhere, hasPermission } from '@/lib/authz';
import { firstValues } from '@/lib/schema-fields';
import { listAnnualPlanStatus } from '@/lib/annual-plans/queries';
import { AnnualPlanStatusFilters } from '@/lib/annual-plans/schemas';
import { REVIEW_STATES } from '@/lib/annual-plans/due';
import { regionName } from '@/i18n/region-name';
import { PageHeader } from '@/components/ui/page-header';
import { ReviewStateBadge } from '@/components/annual-plans/state-badge';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.annualPlans.statusTitle');

/** The bureau's list: each pairing's plan and summary per academic year, filtered, exported. */
export default async function AnnualPlanStatusPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user, 'annualPlan.status')) return denyAccess(user, { entityType: 'AnnualPlan', path: '/annual-plans/status' });
  const raw = firstValues(await searchParams);
  const f = AnnualPlanStatusFilters.parse(raw);
  const t = await getTranslations('teaching');
  const format = await getFormatter();
  const locale = await getLocale();
  const [rows, counties, cycles] = await Promise.all([
    listAnnualPlanStatus(user, f, db),
    db.region.findMany({
      where: countyWhere(user, 'annualPlan.status'),
      select: { id: true, name: true, nameEn: true },
      orderBy: { code: 'asc' },
    }),
    db.cycle.findMany({ select: { startYear: true }, orderBy: { startYear: 'desc' } }),
  ]);
  const years = [...new Set(cycles.flatMap((c) => [c.startYear + 1, c.startYear]))].sort((a, b) => b - a);
  const countyName = new Map(counties.map((c) => [c.id, regionName(c, locale)]));
  const query = new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v == null ? [] : [[k, String(v)]]))).toString();
  // Full width of its grid cell on a phone, so a long English option cannot push the page wider than the screen.
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';
  const yearLabel = (y: number) => t('programmes.yearLabel', { year: String(y), next: String(y + 1) });
  return (
    <>
      <Link href="/annual-plans" className="text-sm text-brand-800 underline">
        ← {t('annualPlans.title')}
      </Link>
      <PageHeader title={t('annualPlans.statusTitle')}>
        <a
          href={`/annual-plans/status/export${query ? `?${query}` : ''}`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >
          {t('annualPlans.export')}
        </a>
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">{t('annualPlans.statusIntro')}</p>
      <form role="search" aria-label={t('annualPlans.filter')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <select name="year" defaultValue={f.year ? String(f.year) : ''} aria-label={t('annualPlans.year')} className={select}>
          <option value="">{t('annualPlans.allYears')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {yearLabel(y)}
            </option>
          ))}
        </select>
        <select name="kind" defaultValue={f.kind ?? ''} aria-label={t('annualPlans.kind')} className={select}>
          <option value="">{t('annualPlans.allKinds')}</option>
          {(['PLAN', 'SUMMARY'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`annualPlans.kindName.${k}`)}
            </option>
          ))}
        </select>
        <select name="state" defaultValue={f.state ?? ''} aria-label={t('annualPlans.status')} className={select}>
          <option value="">{t('annualPlans.allStates')}</option>
          {REVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`annualPlans.stateName.${s}`)}
            </option>
          ))}
        </select>
        {counties.length > 1 && (
          <select name="countyId" defaultValue={f.countyId ?? ''} aria-label={t('annualPlans.county')} className={select}>
            <option value="">{t('annualPlans.allCounties')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {regionName(c, locale)}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('annualPlans.filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('annualPlans.noRows')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="annual-plan-status">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th className="p-2">{t('annualPlans.pairing')}</th>
                <th className="p-2">{t('annualPlans.county')}</th>
                <th className="p-2">{t('annualPlans.year')}</th>
                <th className="p-2">{t('annualPlans.kind')}</th>
                <th className="p-2">{t('annualPlans.dueOn')}</th>
                <th className="p-2">{t('annualPlans.status')}</th>
                <th className="p-2">{t('annualPlans.lastSubmitted')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.pairingId}-${r.academicYear}-${r.kind}`} className="border-b border-stone-200">
                  <td className="p-2">
                    <Link href={`/annual-plans/${r.pairingId}/${r.academicYear}#review-${r.kind}`} className="text-brand-800 underline">
                      {r.label}
                    </Link>
                  </td>
                  <td className="p-2">{countyName.get(r.countyId) ?? ''}</td>
                  <td className="p-2">{yearLabel(r.academicYear)}</td>
                  <td className="p-2">{t(`annualPlans.kindName.${r.kind}`)}</td>
                  <td className="p-2 tabular-nums">{r.dueOn}</td>
                  <td className="p-2">
                    <ReviewStateBadge state={r.state} label={t(`annualPlans.stateName.${r.state}`)} />
                  </td>
                  <td className="p-2">{r.lastSubmittedAt ? format.dateTime(r.lastSubmittedAt, { dateStyle: 'medium' }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
