import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { pairingsFor } from '@/lib/programmes/queries';
import { saveProgrammeAction } from '@/lib/programmes/actions';
import { cityToday } from '@/lib/time/today';
import { academicYearOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { programmeFields } from '@/components/programmes/programme-fields';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.programmes.new');

export default async function NewProgrammePage() {
  const user = await requireUser();
  const pairings = await pairingsFor(user, 'programme.manage', db);
  if (pairings.length === 0) await denyAccess(user, { entityType: 'Page', path: '/programmes/new' });
  const t = await getTranslations('teaching.programmes');
  const ts = await getTranslations('teaching');
  const year = String(academicYearOf(await cityToday(db)));
  return (
    <>
      <PageHeader title={t('new')} />
      <RecordForm action={saveProgrammeAction} submitLabel={ts('save')} fields={programmeFields(t, pairings, { academicYear: year })} />
    </>
  );
}
