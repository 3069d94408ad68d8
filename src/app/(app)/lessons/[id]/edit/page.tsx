import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getLesson } from '@/lib/teaching/queries';
import { saveLessonAction } from '@/lib/teaching/actions';
import { dateOnlyString } from '@/lib/activities/time';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/teaching/record-form';
import { lessonFields } from '@/components/teaching/lesson-fields';

export default async function EditLessonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const l = await getLesson(user, id, db);
  if (!l || !l.canEdit) return denyAccess(user, { entityType: 'LessonRecord', entityId: id, path: `/lessons/${id}/edit` });
  const t = await getTranslations('teaching');
  const values = { id: l.id, version: String(l.version), heldOn: dateOnlyString(l.heldOn), className: l.className, domain: l.domain, title: l.title, plan: l.plan, reflection: l.reflection };
  return (
    <>
      <PageHeader title={t('lessons.editTitle')} />
      <RecordForm draftKey={`lesson:${id}`} action={saveLessonAction} fields={lessonFields(t, values)} submitLabel={t('save')} pendingLabel={t('saving')} />
    </>
  );
}
