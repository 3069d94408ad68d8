import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { createPaperAction } from '@/lib/papers/actions';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { paperFields } from '@/components/papers/paper-fields';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.papers.new');

export default async function NewPaperPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'paper.create') || !user.kindergartenId) await denyAccess(user, { entityType: 'Page', path: '/papers/new' });
  const t = await getTranslations('teaching.papers');
  const ts = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('new')} />
      <RecordForm action={createPaperAction} submitLabel={ts('save')} pendingLabel={ts('saving')} fields={paperFields(t)} />
    </>
  );
}
