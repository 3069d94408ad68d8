import { getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listCounties } from '@/lib/kindergartens/queries';
import { PageHeader } from '@/components/ui/page-header';
import { KindergartenForm } from '@/components/kindergartens/kindergarten-form';
import { regionName } from '@/i18n/region-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.newTitle');

export default async function NewKindergartenPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'kindergarten.create')) return denyAccess(user, { entityType: 'Page', path: '/kindergartens/new' });
  const t = await getTranslations('kindergartens');
  const locale = await getLocale();
  const counties = await listCounties(user, 'kindergarten.create');
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <KindergartenForm
        mode="create"
        cancelHref="/kindergartens"
        counties={counties.map((c) => ({ value: c.id, label: regionName(c, locale) }))}
        initial={{
          code: '',
          name: '',
          countyId: counties.length === 1 ? counties[0].id : '',
          area: '',
          level: 'NONE',
          address: '',
          contactName: '',
          contactPhone: '',
          classCount: '0',
          childCount: '0',
          teacherCount: '0',
          staffCount: '0',
        }}
      />
    </>
  );
}
