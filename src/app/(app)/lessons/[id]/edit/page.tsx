import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getLesson } from '@/lib/lessons/queries';
import { saveLessonAction } from '@/lib/lessons/actions';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { lessonFields } from '@/components/lessons/lesson-fields';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.lessons.editTitle');

export default async function EditLessonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const l = await getLesson(user, id, db);
  if (!l || !l.canEdit) return denyAccess(user, { entityType: 'LessonRecord', entityId: id, path: `/lessons/${id}/edit` });
  const t = await getTranslations('teaching');
  const values = {
    id: l.id,
    version: String(l.version),
    heldOn: isoOf(l.heldOn),
    className: l.className,
    domain: l.domain,
    title: l.title,
    plan: l.plan,
    reflection: l.reflection,
  };
  return (
    <>
      <PageHeader title={t('lessons.editTitle')} />
      <RecordForm
        draftKey={`lesson:${id}`}
        action={saveLessonAction}
        fields={lessonFields(t, values)}
        submitLabel={t('save')}
        pendingLabel={t('saving')}
      />
    </>
  );
}
