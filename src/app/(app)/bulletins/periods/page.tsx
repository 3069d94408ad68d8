import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listPeriods } from '@/lib/periods/queries';
import { PageHeader } from '@/components/ui/page-header';
import { ClosePeriodForm } from '@/components/bulletins/close-period-form';
import { periodName } from '@/components/bulletins/period-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('bulletins.periods.title');

/** The city admin's list of semesters and academic years: closed ones, and a close button where due. */
export default async function PeriodsPage({ searchParams }: { searchParams: Promise<{ closed?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'period.close')) return denyAccess(user, { entityType: 'ClosedPeriod', path: '/bulletins/periods' });
  const t = await getTranslations('bulletins');
  const format = await getFormatter();
  const { rows, graceDays, today } = await listPeriods(user, db);
  const { closed } = await searchParams;
  const name = (r: (typeof rows)[number]) =>
    r.kind === 'SEMESTER' ? periodName(t, r) : t('periods.yearName', { year: String(r.academicYear), next: String(r.academicYear + 1) });
  return (
    <>
      <Link href="/bulletins" className="text-sm text-brand-800 underline">
        ← {t('links.back')}
      </Link>
      <PageHeader title={t('periods.title')} />
      <p className="mb-2 max-w-3xl text-sm text-stone-700">{t('periods.intro')}</p>
      <p className="mb-4 text-sm text-stone-700">{t('periods.grace', { days: graceDays, today })}</p>
      {closed && rows.some((r) => r.key === closed && r.closed) && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {name(rows.find((r) => r.key === closed)!)} · {t('periods.closedNotice')}
        </p>
      )}
      <ul className="flex flex-col gap-3" data-testid="period-list">
        {rows.map((r) => (
          <li
            key={r.key}
            id={`period-${r.key}`}
            data-testid={`period-${r.key}`}
            className={`rounded-lg border bg-white p-3 shadow-sm ${r.kind === 'ACADEMIC_YEAR' ? 'border-stone-400' : 'border-stone-200'}`}
          >
            <p className="font-medium">
              {name(r)} <span className="text-sm font-normal text-stone-600">· {t(`periods.kind.${r.kind}`)}</span>
            </p>
            <p className="mb-2 text-sm tabular-nums text-stone-700">{t('periodDays', { from: r.startsOn, to: r.endsOn })}</p>
            {r.closed ? (
              <p className="text-sm text-sky-900">
                🔒{' '}
                {t('periods.closedBy', {
                  date: format.dateTime(r.closed.closedAt, { dateStyle: 'medium' }),
                  name: r.closed.closedBy,
                  count: r.closed.results,
                })}
                {' · '}
                <Link href={`/bulletins/new`} className="text-brand-800 underline">
                  {t('new')}
                </Link>
              </p>
            ) : r.verdict.ok ? (
              <ClosePeriodForm periodKey={r.key} label={name(r)} />
            ) : (
              <p className="text-sm text-stone-600">
                {r.verdict.reason === 'semestersOpen' ? t('periods.semestersOpen') : t('periods.notYet', { date: r.verdict.closableOn })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
