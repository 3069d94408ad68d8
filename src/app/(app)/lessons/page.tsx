import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listLessons } from '@/lib/lessons/queries';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { RatingBadge } from '@/components/lessons/rating-badge';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.lessons.title');

export default async function LessonsPage() {
  const user = await requireUser();
  const t = await getTranslations('teaching');
  const rows = await listLessons(user, db);
  return (
    <>
      <PageHeader title={t('lessons.title')}>
        {hasPermission(user, 'lesson.create') && user.kindergartenId && (
          <Link
            href="/lessons/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            + {t('lessons.new')}
          </Link>
        )}
      </PageHeader>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {rows.map((l) => (
            <li key={l.id}>
              <Link
                href={`/lessons/${l.id}`}
                className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
              >
                <span className="text-xs text-stone-600">
                  {isoOf(l.heldOn)} · {l.className} · {t(`domains.${l.domain}`)}
                </span>
                <span className="font-medium">{l.title}</span>
                {!l.mine && (
                  <span className="text-sm text-stone-600">
                    {l.teacher} · {l.kindergarten}
                  </span>
                )}
                <RatingBadge rating={l.rating} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
