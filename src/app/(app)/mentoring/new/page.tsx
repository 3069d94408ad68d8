import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { mentorPairOptions } from '@/lib/teaching/queries';
import { instantToZoned } from '@/lib/activities/time';
import { PageHeader } from '@/components/ui/page-header';
import { MentorPairForm } from '@/components/teaching/mentor-pair-form';

export default async function NewMentorPairPage() {
  const user = await requireUser();
  const pairings = await mentorPairOptions(user, db);
  if (pairings.length === 0) await denyAccess(user, { entityType: 'Page', path: '/mentoring/new' });
  const t = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('mentoring.new')} />
      <MentorPairForm pairings={pairings} today={instantToZoned(new Date()).date} />
    </>
  );
}
