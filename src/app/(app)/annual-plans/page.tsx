import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listAnnualPlans } from '@/lib/annual-plans/queries';
import { pairingsFor } from '@/lib/programmes/queries';
import { PageHeader } from '@/components/ui/page-header';
import { Icon } from '@/components/activities/badges';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.annualPlans.title');

export default async function AnnualPlansPage() {
  const user = await requireUser();
  const t = await getTranslations('teaching');
  const [pairings, plans] = await Promise.all([pairingsFor(user, 'annualPlan.view', db), listAnnualPlans(user, db)]);
  const state = (pairingId: string, year: number) => {
    const p = plans.find((x) => x.pairingId === pairingId && x.academicYear === year);
    if (!p) return { icon: 'dot' as const, label: t('annualPlans.notStarted') };
    // The part furthest along speaks: the summary once handed in, else the plan.
    const [kind, status] = p.summaryStatus !== 'DRAFT' ? (['SUMMARY', p.summaryStatus] as const) : (['PLAN', p.planStatus] as const);
    if (status === 'DRAFT') return { icon: 'clock' as const, label: t('annualPlans.draft') };
    const word = t(`annualPlans.stateName.${status === 'SUBMITTED' ? 'submitted' : status === 'RETURNED' ? 'returned' : 'filed'}`);
    return {
      icon: status === 'FILED' && kind === 'SUMMARY' ? ('check' as const) : ('half' as const),
      label: `${t(`annualPlans.kindName.${kind}`)} · ${word}`,
    };
  };
  return (
    <>
      <PageHeader title={t('annualPlans.title')}>
        {hasPermission(user, 'annualPlan.status') && (
          <Link href="/annual-plans/status" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t('annualPlans.statusLink')}
          </Link>
        )}
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">{t('annualPlans.dueHelp')}</p>
      {pairings.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {pairings.map((p) => (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <p className="mb-2 font-medium">{p.label}</p>
              <ul className="flex flex-col gap-1">
                {[p.startYear, p.startYear + 1].map((year) => {
                  const s = state(p.id, year);
                  return (
                    <li key={year}>
                      <Link
                        href={`/annual-plans/${p.id}/${year}`}
                        className="flex min-h-11 items-center justify-between gap-2 rounded-md border border-stone-200 px-3 hover:border-brand-600"
                      >
                        <span>{t('programmes.yearLabel', { year: String(year), next: String(year + 1) })}</span>
                        <span className="inline-flex items-center gap-1 text-sm text-stone-700">
                          <Icon name={s.icon} className="size-3.5" />
                          {s.label}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
