import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { saveLessonAction } from '@/lib/lessons/actions';
import { db } from '@/lib/db';
import { cityToday } from '@/lib/time/today';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { lessonFields } from '@/components/lessons/lesson-fields';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.lessons.new');

export default async function NewLessonPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'lesson.create') || !user.kindergartenId) await denyAccess(user, { entityType: 'Page', path: '/lessons/new' });
  const t = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('lessons.new')} />
      <RecordForm
        draftKey="lesson:new"
        action={saveLessonAction}
        fields={lessonFields(t, { heldOn: await cityToday(db) })}
        submitLabel={t('save')}
        pendingLabel={t('saving')}
      />
    </>
  );
}
