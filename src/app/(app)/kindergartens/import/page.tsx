import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { previewKindergartenImportAction } from '@/lib/kindergartens/actions';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ImportUploadForm } from '@/components/kindergartens/import-upload-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.import.title');

export default async function KindergartenImportPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'kindergarten.import')) return denyAccess(user, { entityType: 'Page', path: '/kindergartens/import' });
  const t = await getTranslations('kindergartens.import');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-stone-700">{t('intro')}</p>
      <Card className="mb-4 max-w-3xl">
        <a
          href="/kindergartens/import/template"
          download
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
        >
          {t('template')}
        </a>
        <p className="text-sm text-stone-600">{t('templateHelp')}</p>
      </Card>
      <ImportUploadForm action={previewKindergartenImportAction} />
    </>
  );
}
