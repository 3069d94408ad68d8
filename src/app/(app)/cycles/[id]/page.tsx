import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { getCurrentPeriod, getCycle } from '@/lib/cycles/queries';
import { cycleHasEnded } from '@/lib/cycles/periods';
import { Card, PageHeader } from '@/components/ui/page-header';
import { academicYearName, cycleName } from '@/components/cycles/current-period';
import { SemestersForm } from '@/components/cycles/cycle-forms';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('cycles.title');

export default async function CyclePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  if (!hasPermission(user, 'cycle.manage')) await denyAccess(user, { entityType: 'Cycle', entityId: id, path: `/cycles/${id}` });
  const { done } = await searchParams;
  const [cycle, period] = await Promise.all([getCycle(id), getCurrentPeriod()]);
  if (!cycle) notFound();
  const t = await getTranslations('cycles');
  const ended = cycleHasEnded(cycle, period.today);
  return (
    <>
      <PageHeader title={t('editTitle', { name: cycleName(t, cycle.startYear) })}>
        <Link href="/cycles" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </PageHeader>
      {done && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {done === 'created' ? t('createdOk') : t('savedOk')}
        </p>
      )}
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{ended ? t('readOnly') : t('editHelp')}</p>
      <Card className="max-w-3xl">
        <SemestersForm
          cycleId={cycle.id}
          readOnly={ended}
          semesters={cycle.semesters.map((s) => ({ ...s, yearLabel: academicYearName(t, s.academicYear) }))}
        />
      </Card>
    </>
  );
}
