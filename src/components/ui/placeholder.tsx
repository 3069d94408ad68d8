import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { Card, PageHeader } from './page-header';

/** An honest stand-in for a page that a later release builds. */
export async function Placeholder({ page }: { page: 'pairings' | 'activities' | 'effectTests' }) {
  await requireUser();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('placeholder.title', { page: t(`nav.${page}`) })} />
      <Card>
        <p className="text-stone-700" data-placeholder>{t('placeholder.body', { what: t(`placeholder.${page}`) })}</p>
      </Card>
    </>
  );
}
