import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { createPaperAction } from '@/lib/teaching/actions';
import { PAPER_KINDS, PAPER_LEVELS } from '@/lib/teaching/schemas';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/teaching/record-form';

export default async function NewPaperPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'paper.create') || !user.kindergartenId) await denyAccess(user, { entityType: 'Page', path: '/papers/new' });
  const t = await getTranslations('teaching.papers');
  const ts = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('new')} />
      <RecordForm action={createPaperAction} submitLabel={ts('save')} pendingLabel={ts('saving')} fields={[
        { name: 'title', label: t('titleField'), kind: 'text', required: true },
        { name: 'kind', label: t('kind'), kind: 'select', required: true, defaultValue: 'PUBLISHED', options: PAPER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
        { name: 'venue', label: t('venue'), kind: 'text', required: true },
        { name: 'level', label: t('level'), kind: 'select', required: true, placeholder: '—', options: PAPER_LEVELS.map((k) => ({ value: k, label: t(`levels.${k}`) })) },
        { name: 'award', label: t('award'), kind: 'text', help: t('awardHelp') },
        { name: 'date', label: t('date'), kind: 'date', required: true },
      ]} />
    </>
  );
}
