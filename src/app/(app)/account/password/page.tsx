import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { Card, PageHeader } from '@/components/ui/page-header';
import { PasswordForm } from '@/components/account/password-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('password.title');

export default async function PasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations('password');
  return (
    <>
      <PageHeader title={t('title')} />
      {user.mustChangePassword && (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-amber-900">
          {t('mustChange')}
        </p>
      )}
      <Card>
        <PasswordForm />
      </Card>
    </>
  );
}
