import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getLesson } from '@/lib/lessons/queries';
import { evaluateLessonAction } from '@/lib/lessons/actions';
import { LESSON_RATINGS } from '@/lib/lessons/schemas';
import { isoOf } from '@/lib/time/date-only';
import { Card } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { RatingBadge } from '@/components/lessons/rating-badge';
import { SavedNote } from '@/components/form/saved-note';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { ClearDraft } from '@/components/form/clear-draft';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.lessons.title');

export default async function LessonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const l = await getLesson(user, id, db);
  if (!l) return denyAccess(user, { entityType: 'LessonRecord', entityId: id, path: `/lessons/${id}` });
  const t = await getTranslations('teaching');
  const format = await getFormatter();
  return (
    <>
      <div className="mb-4 flex flex-col gap-2">
        <Link href="/lessons" className="text-sm text-brand-800 underline">
          ← {t('lessons.title')}
        </Link>
        <h1 className="text-xl font-semibold sm:text-2xl">{l.title}</h1>
        <p className="text-sm text-stone-700">
          {isoOf(l.heldOn)} · {l.className} · {t(`domains.${l.domain}`)} · {l.teacher} · {l.kindergarten}
        </p>
        <RatingBadge rating={l.rating} />
        <SavedNote show={!!saved} />
        {saved && <ClearDraft keys={['lesson:new', `lesson:${l.id}`]} />}
        {l.canEdit && (
          <Link
            href={`/lessons/${l.id}/edit`}
            className="inline-flex min-h-11 w-fit items-center rounded-md border border-stone-400 bg-white px-4 text-sm"
          >
            {t('edit')}
          </Link>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {(['plan', 'reflection'] as const).map((part) => (
            <section key={part} className="mb-3 last:mb-0">
              <h2 className="text-sm font-medium text-stone-700">{t(`lessons.${part}`)}</h2>
              {l[part] ? <p className="whitespace-pre-wrap">{l[part]}</p> : <p className="text-sm italic text-stone-500">{t('none')}</p>}
            </section>
          ))}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('lessons.evaluation')}</h2>
          {l.rating && l.evaluatedBy && l.evaluatedAt && (
            <div className="mb-3 flex flex-col gap-1">
              <RatingBadge rating={l.rating} />
              <p className="text-sm">
                {t('lessons.evaluatedBy', { name: l.evaluatedBy, date: format.dateTime(l.evaluatedAt, { dateStyle: 'medium' }) })}
              </p>
              {l.ratingComment && <p className="whitespace-pre-wrap text-sm">{l.ratingComment}</p>}
            </div>
          )}
          <p className="mb-3 text-xs text-stone-600">{t('lessons.evaluateHelp')}</p>
          {l.canEvaluate && (
            <RecordForm
              action={evaluateLessonAction}
              submitLabel={l.rating ? t('lessons.reEvaluate') : t('lessons.evaluate')}
              fields={[
                { name: 'id', kind: 'hidden', defaultValue: l.id },
                { name: 'version', kind: 'hidden', defaultValue: String(l.version) },
                {
                  name: 'rating',
                  label: t('lessons.rating'),
                  kind: 'select',
                  required: true,
                  placeholder: '—',
                  defaultValue: l.rating ?? '',
                  options: LESSON_RATINGS.map((r) => ({ value: r, label: t(`ratings.${r}`) })),
                },
                { name: 'comment', label: t('lessons.comment'), kind: 'textarea', rows: 3, defaultValue: l.ratingComment ?? '' },
              ]}
            />
          )}
        </Card>
        <div className="lg:col-span-2">
          <EvidenceCard user={user} target="lesson" id={l.id} />
        </div>
      </div>
    </>
  );
}
