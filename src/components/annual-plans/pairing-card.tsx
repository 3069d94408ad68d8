import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { pairingAnnualPlanStatus } from '@/lib/annual-plans/queries';
import { Card } from '@/components/ui/page-header';
import { ReviewStateBadge } from './state-badge';

/** The pairing's plans and summaries per academic year, overdue ones flagged. */
export async function PairingAnnualPlansCard({ user, pairingId }: { user: Actor; pairingId: string }) {
  const rows = await pairingAnnualPlanStatus(user, pairingId, db);
  if (rows.length === 0) return null;
  const t = await getTranslations('teaching');
  const years = [...new Set(rows.map((r) => r.academicYear))];
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('annualPlans.homeTitle')}</h2>
      <ul className="flex flex-col gap-2 text-sm" data-testid="pairing-annual-plans">
        {years.map((y) => (
          <li key={y} className="flex flex-wrap items-center gap-2">
            <Link href={`/annual-plans/${pairingId}/${y}`} className="min-w-36 text-brand-800 underline">
              {t('programmes.yearLabel', { year: String(y), next: String(y + 1) })}
            </Link>
            {rows
              .filter((r) => r.academicYear === y)
              .map((r) => (
                <span key={r.kind} className="inline-flex items-center gap-1">
                  {t(`annualPlans.kindName.${r.kind}`)}
                  <ReviewStateBadge state={r.state} label={t(`annualPlans.stateName.${r.state}`)} />
                  <span className="text-xs text-stone-600">{t('annualPlans.dueOnText', { date: r.dueOn })}</span>
                </span>
              ))}
          </li>
        ))}
      </ul>
    </Card>
  );
}
