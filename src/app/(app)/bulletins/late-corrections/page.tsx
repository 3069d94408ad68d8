import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { LATE_STATES, listLateCorrections, type LateState } from '@/lib/periods/queries';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { PageHeader } from '@/components/ui/page-header';
import { LateBadge } from '@/components/bulletins/late-badge';
import { LateReviewForm } from '@/components/bulletins/late-review-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('bulletins.late.title');

/** Activities entered in closed periods, for the bureau admins in scope to approve or reject. */
export default async function LateCorrectionsPage({ searchParams }: { searchParams: Promise<{ state?: string; reviewed?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'lateCorrection.review'))
    return denyAccess(user, { entityType: 'Activity', path: '/bulletins/late-corrections' });
  const sp = await searchParams;
  const state = LATE_STATES.includes(sp.state as LateState) ? (sp.state as LateState) : undefined;
  const t = await getTranslations('bulletins');
  const ta = await getTranslations('activities');
  const format = await getFormatter();
  const [rows, tz] = await Promise.all([listLateCorrections(user, state, db), cityTimeZone(db)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const tab = (s: LateState | undefined) =>
    `inline-flex min-h-11 items-center rounded-md border px-3 text-sm ${s === state ? 'border-brand-700 bg-brand-50 font-medium' : 'border-stone-300 bg-white'}`;
  return (
    <>
      <Link href="/bulletins" className="text-sm text-brand-800 underline">
        ← {t('links.back')}
      </Link>
      <PageHeader title={t('late.title')} />
      <p className="mb-3 max-w-3xl text-sm text-stone-700">{t('late.intro')}</p>
      <nav aria-label={t('late.filter')} className="mb-4 flex flex-wrap gap-2">
        <Link href="/bulletins/late-corrections" className={tab(undefined)} aria-current={state ? undefined : 'page'}>
          {t('late.all')}
        </Link>
        {LATE_STATES.map((s) => (
          <Link key={s} href={`/bulletins/late-corrections?state=${s}`} className={tab(s)} aria-current={s === state ? 'page' : undefined}>
            {t(`late.stateName.${s}`)}
          </Link>
        ))}
      </nav>
      {sp.reviewed && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {t('late.reviewedNotice')}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('late.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="late-list">
          {rows.map((r) => (
            <li key={r.id} id={`late-${r.id}`} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/activities/${r.id}`} className="font-medium text-brand-800 underline">
                  {r.title}
                </Link>
                <LateBadge state={r.state} label={t(`late.badge.${r.state}`)} />
              </p>
              <p className="text-sm text-stone-700">
                {r.pairing} · {ta(`types.${r.type}`)} · {t('late.activityDate')} {localDate(r.startsAt, tz)}
              </p>
              <p className="text-sm text-stone-600">
                {t('late.submitted', { name: r.createdBy, date: day(r.submittedAt) })}
                {r.reviewedBy && r.reviewedAt && ` · ${t('late.reviewed', { name: r.reviewedBy, date: day(r.reviewedAt) })}`}
              </p>
              {r.state === 'PENDING' && (
                <div className="mt-2">
                  <LateReviewForm id={r.id} version={r.version} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
