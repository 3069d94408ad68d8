import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { hasPermission, type Action } from '@/lib/authz';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('supervision.title');

type Section =
  | 'inspections'
  | 'rectifications'
  | 'spotChecks'
  | 'signals'
  | 'bulletins'
  | 'commendations'
  | 'cycleReview'
  | 'lateCorrections'
  | 'checklist';

const SECTIONS: { key: Section; href: string; permission: Action }[] = [
  { key: 'inspections', href: '/inspections', permission: 'inspection.view' },
  { key: 'rectifications', href: '/rectifications', permission: 'rectification.view' },
  { key: 'spotChecks', href: '/spot-checks', permission: 'spotCheck.manage' },
  { key: 'signals', href: '/signals', permission: 'signals.view' },
  { key: 'bulletins', href: '/bulletins', permission: 'bulletin.view' },
  { key: 'commendations', href: '/commendations', permission: 'commendation.view' },
  { key: 'cycleReview', href: '/cycle-review', permission: 'cycleSummary.view' },
  { key: 'lateCorrections', href: '/bulletins/late-corrections', permission: 'lateCorrection.review' },
  { key: 'checklist', href: '/inspections/checklist', permission: 'checklist.manage' },
];

/** One entry in the navigation for the bureau's supervision loop, to keep the phone menu short. */
export default async function SupervisionPage() {
  const user = await requireUser();
  const t = await getTranslations('supervision');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 text-stone-700">{t('intro')}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.filter((s) => hasPermission(user, s.permission)).map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              className="flex h-full flex-col gap-1 rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span className="font-semibold text-brand-800">{t(`hub.${s.key}`)}</span>
              <span className="text-sm text-stone-600">{t(`hub.${s.key}Help`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
