import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { creatableRoles } from '@/lib/staff/commands';
import { listPlacements } from '@/lib/staff/queries';
import { PageHeader } from '@/components/ui/page-header';
import { StaffForm } from '@/components/staff/staff-form';
import { regionName } from '@/i18n/region-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('staff.newTitle');

export default async function NewStaffPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'user.create')) return denyAccess(user, { entityType: 'Page', path: '/users/new' });
  const t = await getTranslations('staff');
  const locale = await getLocale();
  const { kindergartens, counties } = await listPlacements(user);
  const roles = creatableRoles(user);
  return (
    <>
      <Link href="/users" className="mb-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        {t('back')}
      </Link>
      <PageHeader title={t('newTitle')} />
      <StaffForm
        roles={roles}
        // A director's accounts always join their own kindergarten: no choice to offer.
        kindergartens={
          user.role === 'DIRECTOR'
            ? []
            : kindergartens.map((k) => ({ value: k.id, label: t('kindergartenOption', { name: k.name, code: k.code }) }))
        }
        counties={counties.map((c) => ({ value: c.id, label: regionName(c, locale) }))}
      />
    </>
  );
}
