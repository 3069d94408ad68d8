import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { searchId } from '@/lib/schema-fields';
import { inspectableKindergartens, inspectablePairings } from '@/lib/inspections/queries';
import { PageHeader } from '@/components/ui/page-header';
import { StartInspectionForm } from '@/components/inspections/start-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('inspections.start.title');

export default async function NewInspectionPage({ searchParams }: { searchParams: Promise<{ pairing?: string | string[] }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'inspection.record')) return denyAccess(user, { entityType: 'Inspection', path: '/inspections/new' });
  const sp = await searchParams;
  const t = await getTranslations('inspections');
  const [pairings, kindergartens, today] = await Promise.all([
    inspectablePairings(user, db),
    inspectableKindergartens(user, db),
    cityToday(db),
  ]);
  const preselected = searchId.parse(Array.isArray(sp.pairing) ? sp.pairing[0] : sp.pairing);
  return (
    <>
      <Link href="/inspections" className="text-sm text-brand-800 underline">
        ← {t('title')}
      </Link>
      <PageHeader title={t('start.title')} />
      <p className="mb-3 max-w-xl text-sm text-stone-700">{t('start.intro')}</p>
      <StartInspectionForm
        pairings={pairings.map((p) => ({ value: p.id, label: p.label }))}
        kindergartens={kindergartens.map((k) => ({ value: k.id, label: k.name }))}
        today={today}
        pairingId={preselected && pairings.some((p) => p.id === preselected) ? preselected : ''}
      />
    </>
  );
}
