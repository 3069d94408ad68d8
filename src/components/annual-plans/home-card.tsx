import Link from '@/components/ui/link';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { hasPermission, type Actor } from '@/lib/authz';
import { annualPlanCounts } from '@/lib/annual-plans/queries';
import { Card } from '@/components/ui/page-header';

/**
 * What waits on annual plans: for the bureau, those to review and those overdue in its scope (each
 * figure opens the status list filtered to it); for directors, their pairings' returned and overdue parts.
 */
export function AnnualPlansHome({ user }: { user: Actor }) {
  if (user.role === 'TEACHER') return null;
  return (
    <Suspense fallback={null}>
      <AnnualPlansCard user={user} />
    </Suspense>
  );
}

async function AnnualPlansCard({ user }: { user: Actor }) {
  const counts = await annualPlanCounts(user, db);
  if (!counts) return null;
  const t = await getTranslations('teaching.annualPlans');
  const format = await getFormatter();
  const bureau = hasPermission(user, 'annualPlan.status');
  const href = (state: string) => (bureau ? `/annual-plans/status?state=${state}` : '/annual-plans');
  const figures = bureau
    ? [
        { state: 'submitted', label: t('homeSubmitted'), value: counts.submitted },
        { state: 'overdue', label: t('homeOverdue'), value: counts.overdue },
        { state: 'returned', label: t('homeReturned'), value: counts.returned },
      ]
    : [
        { state: 'returned', label: t('homeReturned'), value: counts.returned },
        { state: 'overdue', label: t('homeOverdue'), value: counts.overdue },
      ];
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('homeTitle')}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="annual-plan-home">
        {figures.map((f) => (
          <div key={f.state}>
            <dt className="text-sm text-stone-600">{f.label}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${f.state === 'overdue' && f.value > 0 ? 'text-red-800' : ''}`}>
              <Link
                href={href(f.state)}
                className="inline-flex min-h-11 min-w-11 items-center underline decoration-stone-300"
                data-testid={`annual-plan-${f.state}`}
              >
                {format.number(f.value)}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
