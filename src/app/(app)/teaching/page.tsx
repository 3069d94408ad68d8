import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { hasPermission, type Action } from '@/lib/authz';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.title');

const SECTIONS: {
  key: 'lessons' | 'mentoring' | 'papers' | 'programmes' | 'annualPlans' | 'serviceRecords';
  href: string;
  permission: Action;
}[] = [
  { key: 'lessons', href: '/lessons', permission: 'lesson.view' },
  { key: 'mentoring', href: '/mentoring', permission: 'mentor.view' },
  { key: 'papers', href: '/papers', permission: 'paper.view' },
  { key: 'programmes', href: '/programmes', permission: 'programme.view' },
  { key: 'annualPlans', href: '/annual-plans', permission: 'annualPlan.view' },
  // A teacher's or director's own record; the bureau lands on the list of people.
  { key: 'serviceRecords', href: '/service-record', permission: 'serviceRecord.view' },
];

/** One entry in the navigation for the teachers' records, to keep the phone menu short. */
export default async function TeachingPage() {
  const user = await requireUser();
  const t = await getTranslations('teaching');
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
