import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { isRecordId } from '@/lib/schema-fields';
import { getRectification } from '@/lib/rectifications/queries';
import { mayAnswer } from '@/lib/rectifications/rules';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { SavedNote } from '@/components/form/saved-note';
import { Finding } from '@/components/rectifications/finding';
import { AnswerRectificationForm, ReviewRectificationForm } from '@/components/rectifications/forms';
import { RectificationStatusBadge } from '@/components/rectifications/status-badge';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('rectifications.detailTitle');

export default async function RectificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const r = isRecordId(id) ? await getRectification(user, id, db) : null;
  if (!r) return denyAccess(user, { entityType: 'Rectification', entityId: id, path: `/rectifications/${id}` });
  const t = await getTranslations('rectifications');
  const format = await getFormatter();
  const locale = await getLocale();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const office = r.office ? t('countyOffice', { county: regionName(r.office, locale) }) : t('cityOffice');
  const finding = r.inspectionItem
    ? ({
        kind: 'inspection',
        inspectionId: r.inspectionItem.inspection.id,
        inspectedOn: r.inspectionItem.inspection.inspectedOn,
        ...r.inspectionItem,
      } as const)
    : r.spotCheckItem
      ? ({
          kind: 'spotCheck',
          activityId: r.spotCheckItem.activity.id,
          activityTitle: r.spotCheckItem.activity.title,
          startsAt: r.spotCheckItem.activity.startsAt,
          note: r.spotCheckItem.note,
        } as const)
      : null;
  return (
    <>
      <Link href="/rectifications" className="text-sm text-brand-800 underline">
        ← {t('back')}
      </Link>
      <PageHeader title={t('detailTitle')} />
      <SavedNote show={!!saved} />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <RectificationStatusBadge status={r.status} label={t(`status.${r.status}`)} overdueLabel={r.overdue ? t('overdue') : undefined} />
      </div>
      <div className="flex max-w-3xl flex-col gap-4">
        <Card>
          <h2 className="mb-1 text-sm font-medium text-stone-700">{t('field.requirement')}</h2>
          <p className="mb-3 whitespace-pre-wrap" data-testid="requirement">
            {r.requirement}
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t('field.kindergarten')}</dt>
            <dd>
              {r.kindergarten.name} · {regionName(r.kindergarten.county, locale)}
            </dd>
            <dt className="text-stone-600">{t('field.deadline')}</dt>
            <dd className={`tabular-nums ${r.overdue ? 'font-semibold text-red-800' : ''}`} data-testid="deadline">
              {r.deadline}
              {r.overdue && ` · ${t('overdue')}`}
            </dd>
            <dt className="text-stone-600">{t('field.office')}</dt>
            <dd>{office}</dd>
            <dt className="text-stone-600">{t('field.opened')}</dt>
            <dd>{t('openedBy', { name: r.createdBy.name, date: day(r.createdAt) })}</dd>
            {r.pairing && r.pairingLabel && (
              <>
                <dt className="text-stone-600">{t('field.pairing')}</dt>
                <dd>
                  <Link href={`/pairings/${r.pairing.id}`} className="text-brand-800 underline">
                    {r.pairingLabel}
                  </Link>
                </dd>
              </>
            )}
            {r.closedAt && (
              <>
                <dt className="text-stone-600">{t('field.closedAt')}</dt>
                <dd>{day(r.closedAt)}</dd>
              </>
            )}
          </dl>
        </Card>
        {finding && (
          <Card>
            <h2 className="mb-2 font-semibold">{t('field.source')}</h2>
            <Finding finding={finding} />
          </Card>
        )}
        <Card id="answers">
          <h2 className="mb-2 font-semibold">{t('history')}</h2>
          {r.answers.length === 0 ? (
            <p className="text-sm italic text-stone-600">{t('noAnswers')}</p>
          ) : (
            <ol className="flex flex-col gap-3" data-testid="answers">
              {r.answers.map((a) => (
                <li key={a.id} className="rounded-md border border-stone-200 p-3 text-sm">
                  <p>
                    <span className="font-medium">{t('answerN', { number: a.number })}</span> ·{' '}
                    {t('answeredBy', { name: a.answeredBy.name, date: day(a.answeredAt) })} ·{' '}
                    <span data-testid="answer-outcome">
                      {t(`outcome.${a.accepted == null ? 'pending' : a.accepted ? 'accepted' : 'returned'}`)}
                    </span>
                  </p>
                  <h3 className="mt-2 text-xs font-medium text-stone-600">{t('measures')}</h3>
                  <p className="whitespace-pre-wrap">{a.measures}</p>
                  <h3 className="mt-2 text-xs font-medium text-stone-600">{t('evidenceOfAnswer')}</h3>
                  {a.evidence.length === 0 ? (
                    <p className="text-stone-600">{t('noEvidence')}</p>
                  ) : (
                    <ul className="flex flex-wrap gap-2">
                      {a.evidence.map((f) => (
                        <li key={f.id}>
                          {f.kind === 'PHOTO' ? (
                            <a href={`/api/files/${f.id}`} target="_blank" rel="noopener" className="block">
                              {/* eslint-disable-next-line @next/next/no-img-element -- served by the scoped file route, not next/image */}
                              <img
                                src={`/api/files/${f.id}?size=thumb`}
                                alt={f.name}
                                loading="lazy"
                                className="size-20 rounded border border-stone-200 object-cover"
                              />
                            </a>
                          ) : (
                            <a href={`/api/files/${f.id}`} className="break-all text-brand-800 underline">
                              {f.name}
                            </a>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {a.reviewedAt && (
                    <div className="mt-2 rounded bg-stone-50 px-2 py-1">
                      <p className="text-xs text-stone-600">
                        {t('reviewedBy', { name: a.reviewedBy?.name ?? '—', date: day(a.reviewedAt) })}
                      </p>
                      {a.reviewComment && (
                        <p className="whitespace-pre-wrap" data-testid="review-comment">
                          {t('reviewComment')}: {a.reviewComment}
                        </p>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {r.status === 'ANSWERED' && !r.canReview && <p className="mt-3 text-sm text-stone-700">{t('waitingOffice', { office })}</p>}
          {r.status === 'CLOSED' && <p className="mt-3 text-sm text-emerald-800">{t('closedNote')}</p>}
        </Card>
        {r.canReview && (
          <Card>
            <h2 className="mb-2 font-semibold">{t('reviewTitle')}</h2>
            <ReviewRectificationForm key={r.version} id={r.id} version={r.version} />
          </Card>
        )}
        {/* While the kindergarten works on it: the files it is gathering (an answer's files are listed with the answer). */}
        {mayAnswer(r.status) && (
          <div>
            {r.canAnswer && <p className="mb-2 text-sm text-stone-700">{t('evidenceHelp')}</p>}
            <EvidenceCard user={user} target="rectification" id={r.id} />
          </div>
        )}
        {r.canAnswer && (
          <Card>
            <h2 className="mb-2 font-semibold">{t('answerTitle')}</h2>
            <AnswerRectificationForm key={r.version} id={r.id} version={r.version} />
          </Card>
        )}
      </div>
    </>
  );
}
