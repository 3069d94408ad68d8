import { getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { getKindergarten, listCounties } from '@/lib/kindergartens/queries';
import { PageHeader } from '@/components/ui/page-header';
import { KindergartenForm } from '@/components/kindergartens/kindergarten-form';
import { regionName } from '@/i18n/region-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.title');

export default async function EditKindergartenPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const k = await getKindergarten(user, id);
  if (!k || !(k.may.update || k.may.updateProfile)) return denyAccess(user, { entityType: 'Kindergarten', entityId: id });
  const t = await getTranslations('kindergartens');
  const locale = await getLocale();
  const counties = k.may.update ? await listCounties(user, 'kindergarten.update') : [];
  // Keep the current county selectable even if it is outside the list (it is the record's own).
  if (k.may.update && !counties.some((c) => c.id === k.countyId)) counties.unshift({ code: '', ...k.county });
  return (
    <>
      <PageHeader title={k.may.update ? t('editTitle', { name: k.name }) : t('editProfile')} />
      <KindergartenForm
        mode={k.may.update ? 'full' : 'profile'}
        id={k.id}
        version={k.version}
        counties={counties.map((c) => ({ value: c.id, label: regionName(c, locale) }))}
        cancelHref={`/kindergartens/${k.id}`}
        initial={{
          code: k.code,
          name: k.name,
          countyId: k.countyId,
          area: k.area,
          level: k.level,
          address: k.address,
          contactName: k.contactName,
          contactPhone: k.contactPhone,
          classCount: String(k.classCount),
          childCount: String(k.childCount),
          teacherCount: String(k.teacherCount),
          staffCount: String(k.staffCount),
        }}
      />
    </>
  );
}
