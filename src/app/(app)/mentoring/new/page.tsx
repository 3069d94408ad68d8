import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { mentorPairOptions } from '@/lib/mentoring/queries';
import { cityToday } from '@/lib/time/today';
import { PageHeader } from '@/components/ui/page-header';
import { MentorPairForm } from '@/components/mentoring/mentor-pair-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.mentoring.new');

export default async function NewMentorPairPage() {
  const user = await requireUser();
  const pairings = await mentorPairOptions(user, db);
  if (pairings.length === 0) await denyAccess(user, { entityType: 'Page', path: '/mentoring/new' });
  const t = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('mentoring.new')} />
      <MentorPairForm pairings={pairings} today={await cityToday(db)} />
    </>
  );
}
