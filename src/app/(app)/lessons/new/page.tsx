import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { saveLessonAction } from '@/lib/teaching/actions';
import { instantToZoned } from '@/lib/activities/time';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/teaching/record-form';
import { lessonFields } from '@/components/teaching/lesson-fields';

export default async function NewLessonPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'lesson.create') || !user.kindergartenId) await denyAccess(user, { entityType: 'Page', path: '/lessons/new' });
  const t = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('lessons.new')} />
      <RecordForm draftKey="lesson:new" action={saveLessonAction} fields={lessonFields(t, { heldOn: instantToZoned(new Date()).date })} submitLabel={t('save')} pendingLabel={t('saving')} />
    </>
  );
}
