import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { calendarActivities } from '@/lib/activities/queries';
import { cityToday } from '@/lib/time/today';
import { PageHeader } from '@/components/ui/page-header';
import { MonthCalendar } from '@/components/activities/month-calendar';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('activities.calendar.title');

// Owned by the activities work; the pairing page links here.
export default async function PairingCalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { month: asked } = await searchParams;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked ?? '') ? asked! : (await cityToday(db)).slice(0, 7);
  const data = await calendarActivities(user, id, month, db);
  if (!data) return denyAccess(user, { entityType: 'Pairing', entityId: id, path: `/pairings/${id}/calendar` });
  const t = await getTranslations('activities');
  const newHref = data.canCreate ? `/activities/new?pairing=${id}&status=PLANNED` : null;
  return (
    <>
      <PageHeader title={t('calendar.title')}>
        {newHref && (
          <Link href={newHref} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
            + {t('calendar.plan')}
          </Link>
        )}
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">
        {data.pairing.label} ·{' '}
        <Link href={`/activities?pairing=${id}&month=${month}`} className="text-brand-800 underline">
          {t('title')}
        </Link>
      </p>
      <MonthCalendar
        month={month}
        timeZone={data.timeZone}
        items={data.activities}
        basePath={`/pairings/${id}/calendar`}
        newHref={newHref}
      />
    </>
  );
}
