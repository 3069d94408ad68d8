import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { listProgrammes, pairingsFor } from '@/lib/programmes/queries';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.programmes.title');

export default async function ProgrammesPage() {
  const user = await requireUser();
  const t = await getTranslations('teaching.programmes');
  const [rows, manageable] = await Promise.all([listProgrammes(user, db), pairingsFor(user, 'programme.manage', db)]);
  const te = await getTranslations('teaching');
  return (
    <>
      <PageHeader title={t('title')}>
        {manageable.length > 0 && (
          <Link
            href="/programmes/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            + {t('new')}
          </Link>
        )}
      </PageHeader>
      {rows.length === 0 ? (
        <p>{te('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {rows.map((p) => (
            <li key={p.id}>
              <Link
                href={`/programmes/${p.id}`}
                className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
              >
                <span className="text-xs text-stone-600">
                  {t(`kinds.${p.kind}`)} · {t('yearLabel', { year: String(p.academicYear), next: String(p.academicYear + 1) })}
                </span>
                <span className="font-medium">{p.title}</span>
                <span className="text-sm text-stone-600">{p.pairing}</span>
                <span className="text-xs text-stone-600">
                  {t('recordCount', { count: p.records })}
                  {p.hasResults ? '' : ` · ${t('noResults')}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
