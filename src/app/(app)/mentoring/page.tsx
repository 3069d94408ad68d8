import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { listMentorPairs, mentorPairOptions } from '@/lib/mentoring/queries';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.mentoring.title');

export default async function MentoringPage() {
  const user = await requireUser();
  const t = await getTranslations('teaching');
  const [rows, options] = await Promise.all([listMentorPairs(user, db), mentorPairOptions(user, db)]);
  return (
    <>
      <PageHeader title={t('mentoring.title')}>
        {options.length > 0 && (
          <Link
            href="/mentoring/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            + {t('mentoring.new')}
          </Link>
        )}
      </PageHeader>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {rows.map((p) => (
            <li key={p.id}>
              <Link
                href={`/mentoring/${p.id}`}
                className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
              >
                <span className="font-medium">
                  {p.mentor} → {p.apprentice}
                  {p.mine && <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-brand-800">{t('mentoring.mine')}</span>}
                </span>
                <span className="text-sm text-stone-600">{p.pairing}</span>
                <span className="text-xs text-stone-600">
                  {isoOf(p.startsOn)}
                  {p.endsOn ? ` – ${isoOf(p.endsOn)}` : ''} · {t('mentoring.sessionCount', { count: p.sessions })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
