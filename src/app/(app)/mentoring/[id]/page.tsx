import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getMentorPair } from '@/lib/mentoring/queries';
import { logMentorSessionAction, updateMentorPairAction } from '@/lib/mentoring/actions';
import { cityToday } from '@/lib/time/today';
import { isoOf } from '@/lib/time/date-only';
import { Card } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { RatingBadge } from '@/components/lessons/rating-badge';
import { SavedNote } from '@/components/form/saved-note';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.mentoring.title');

export default async function MentorPairPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const p = await getMentorPair(user, id, db);
  if (!p) return denyAccess(user, { entityType: 'MentorPair', entityId: id, path: `/mentoring/${id}` });
  const t = await getTranslations('teaching');
  const today = await cityToday(db);
  return (
    <>
      <div className="mb-4 flex flex-col gap-1">
        <Link href="/mentoring" className="text-sm text-brand-800 underline">
          ← {t('mentoring.title')}
        </Link>
        <p className="text-sm text-stone-600">{t('mentoring.file')}</p>
        <h1 className="text-xl font-semibold sm:text-2xl">
          {p.mentor} → {p.apprentice}
        </h1>
        <p className="text-sm text-stone-700">
          {p.pairing} · {isoOf(p.startsOn)}
          {p.endsOn ? ` – ${isoOf(p.endsOn)}` : ''}
        </p>
      </div>
      <SavedNote show={!!saved} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          <Card>
            <h2 className="mb-1 font-semibold">{t('mentoring.goals')}</h2>
            {p.goals ? <p className="whitespace-pre-wrap">{p.goals}</p> : <p className="text-sm italic text-stone-500">{t('none')}</p>}
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">{t('mentoring.sessions')}</h2>
            {p.sessions.length === 0 ? (
              <p className="text-sm">{t('empty')}</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {p.sessions.map((s) => (
                  <li key={s.id} className="border-l-4 border-brand-600 pl-3">
                    <p className="text-xs text-stone-600">
                      {isoOf(s.heldOn)} · {t('mentoring.by', { name: s.createdBy })}
                    </p>
                    <p className="font-medium">{s.topic}</p>
                    {s.notes && <p className="whitespace-pre-wrap text-sm">{s.notes}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-4">
          {p.canLog && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('mentoring.logSession')}</h2>
              <RecordForm
                action={logMentorSessionAction}
                submitLabel={t('save')}
                fields={[
                  { name: 'mentorPairId', kind: 'hidden', defaultValue: p.id },
                  { name: 'heldOn', label: t('mentoring.heldOn'), kind: 'date', required: true, defaultValue: today },
                  { name: 'topic', label: t('mentoring.topic'), kind: 'text', required: true },
                  { name: 'notes', label: t('mentoring.notes'), kind: 'textarea', rows: 4 },
                ]}
              />
            </Card>
          )}
          {p.canManage && (
            <Card>
              <details>
                <summary className="min-h-8 cursor-pointer font-semibold">{t('edit')}</summary>
                <div className="mt-2">
                  <RecordForm
                    action={updateMentorPairAction}
                    submitLabel={t('save')}
                    fields={[
                      { name: 'id', kind: 'hidden', defaultValue: p.id },
                      { name: 'version', kind: 'hidden', defaultValue: String(p.version) },
                      { name: 'goals', label: t('mentoring.goals'), kind: 'textarea', rows: 3, defaultValue: p.goals },
                      { name: 'endsOn', label: t('mentoring.endsOn'), kind: 'date', defaultValue: p.endsOn ? isoOf(p.endsOn) : '' },
                    ]}
                  />
                </div>
              </details>
            </Card>
          )}
          <Card>
            <h2 className="mb-2 font-semibold">{t('mentoring.lessons')}</h2>
            {p.lessons.length === 0 ? (
              <p className="text-sm">{t('empty')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {p.lessons.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <Link href={`/lessons/${l.id}`} className="text-brand-800 underline">
                      {l.title}
                    </Link>
                    <span className="text-stone-600">{isoOf(l.heldOn)}</span>
                    <RatingBadge rating={l.rating} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
