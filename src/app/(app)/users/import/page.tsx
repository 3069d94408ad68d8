import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { previewStaffImportAction } from '@/lib/staff/actions';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ImportUploadForm } from '@/components/kindergartens/import-upload-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('staff.import.title');

export default async function StaffImportPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'user.import')) return denyAccess(user, { entityType: 'Page', path: '/users/import' });
  const t = await getTranslations('staff');
  return (
    <>
      <Link href="/users" className="mb-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        {t('back')}
      </Link>
      <PageHeader title={t('import.title')} />
      <p className="mb-4 max-w-3xl text-stone-700">{t('import.intro')}</p>
      <Card className="mb-4 max-w-3xl">
        <a href="/users/import/template" download className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {t('import.template')}
        </a>
        <p className="text-sm text-stone-600">{t('import.templateHelp')}</p>
      </Card>
      <ImportUploadForm action={previewStaffImportAction} help={t('import.fileHelp')} />
    </>
  );
}
