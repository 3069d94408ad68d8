import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listServiceRecordPeople } from '@/lib/service-records/queries';
import { searchText } from '@/lib/schema-fields';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('serviceRecords.listTitle');

export default async function ServiceRecordsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'serviceRecord.view')) notFound();
  const t = await getTranslations('serviceRecords');
  const q = searchText()
    .catch('')
    .parse((await searchParams).q ?? '');
  const people = (await listServiceRecordPeople(user)).filter((p) => !q || p.name.includes(q));
  return (
    <>
      <PageHeader title={t('listTitle')} />
      <p className="mb-4 text-stone-700">{t('listIntro')}</p>
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-sm text-stone-700">
          {t('search')}
          <input name="q" defaultValue={q} className="min-h-11 rounded-md border border-stone-300 px-3" />
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm">
          {t('searchSubmit')}
        </button>
      </form>
      {people.length === 0 ? (
        <p className="text-stone-600">{t('noPeople')}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {people.map((p) => (
            <li key={p.id}>
              <Link
                href={`/service-records/${p.id}`}
                className="flex min-h-11 items-center justify-between gap-3 px-4 py-2 hover:bg-stone-50"
              >
                <span>
                  <span className="font-medium text-stone-900">{p.name}</span>{' '}
                  <span className="text-sm text-stone-600">
                    {t(`role.${p.role === 'DIRECTOR' ? 'DIRECTOR' : 'TEACHER'}`)} · {p.kindergarten?.name ?? '—'}
                  </span>
                </span>
                <span className="text-sm text-brand-700">{t('open')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
