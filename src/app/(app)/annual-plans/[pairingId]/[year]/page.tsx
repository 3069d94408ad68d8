import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getAnnualPlan } from '@/lib/annual-plans/queries';
import { ANNUAL_PLAN_PARTS } from '@/lib/annual-plans/schemas';
import { PageHeader, Card } from '@/components/ui/page-header';
import { SavedNote } from '@/components/form/saved-note';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { AnnualPlanForm, CommentForm, ReviewForm } from '@/components/annual-plans/forms';
import { ReviewStateBadge } from '@/components/annual-plans/state-badge';
import { titled } from '@/i18n/page-title';

type Kind = 'PLAN' | 'SUMMARY';

export const generateMetadata = titled('teaching.annualPlans.plan');

export default async function AnnualPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ pairingId: string; year: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { pairingId, year } = await params;
  const { saved } = await searchParams;
  const academicYear = Number(year);
  const found =
    Number.isInteger(academicYear) && academicYear >= 2000 && academicYear <= 2100
      ? await getAnnualPlan(user, pairingId, academicYear, db)
      : null;
  if (!found) return denyAccess(user, { entityType: 'Pairing', entityId: pairingId, path: `/annual-plans/${pairingId}/${year}` });
  const t = await getTranslations('teaching');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const { plan, pairing, canEdit, canComment, canReview, state, dueDates, planEditable, summaryEditable } = found;
  const planStatus = plan?.planStatus ?? 'DRAFT';
  const summaryStatus = plan?.summaryStatus ?? 'DRAFT';

  const note = (kind: Kind) => {
    const s = kind === 'PLAN' ? planStatus : summaryStatus;
    if (s === 'SUBMITTED') return t('annualPlans.lockedNote');
    if (s === 'FILED') return t('annualPlans.filedNote');
    if (s === 'RETURNED') return t('annualPlans.returnedNote');
    return null;
  };
  const parts = [
    ...ANNUAL_PLAN_PARTS.map((k) => ({ name: k, label: t(`annualPlans.${k}`), value: plan?.[k] ?? '', locked: !planEditable })),
    ...(planStatus !== 'DRAFT'
      ? [{ name: 'summary', label: t('annualPlans.summary'), value: plan?.summary ?? '', locked: !summaryEditable }]
      : []),
  ];
  const submitKind = planEditable ? 'plan' : summaryEditable ? 'summary' : null;
  const lockedNote =
    [
      planStatus !== 'DRAFT' && `${t('annualPlans.kindName.PLAN')}: ${note('PLAN')}`,
      summaryStatus !== 'DRAFT' && `${t('annualPlans.kindName.SUMMARY')}: ${note('SUMMARY')}`,
    ]
      .filter(Boolean)
      .join(' ') || null;

  const section = (kind: Kind) => {
    const subs = plan?.submissions.filter((s) => s.kind === kind) ?? [];
    const comments = plan?.comments.filter((c) => c.kind === kind) ?? [];
    const status = kind === 'PLAN' ? planStatus : summaryStatus;
    return (
      <Card key={kind} className="max-w-3xl" id={`review-${kind}`}>
        <h2 className="mb-2 flex flex-wrap items-center gap-2 font-semibold">
          {t(`annualPlans.kindName.${kind}`)}
          <ReviewStateBadge state={state[kind]} label={t(`annualPlans.stateName.${state[kind]}`)} />
          <span className="text-sm font-normal text-stone-600">
            {t('annualPlans.dueOnText', { date: kind === 'PLAN' ? dueDates.planDueOn : dueDates.summaryDueOn })}
          </span>
        </h2>
        {state[kind] === 'overdue' && (
          <p className="mb-2 text-sm text-red-800">
            {t('annualPlans.overdueNote', { date: kind === 'PLAN' ? dueDates.planDueOn : dueDates.summaryDueOn })}
          </p>
        )}
        {subs.length > 0 && (
          <>
            <h3 className="text-sm font-medium text-stone-700">{t('annualPlans.versions')}</h3>
            <ol className="mb-3 flex flex-col gap-2" data-testid={`versions-${kind}`}>
              {subs.map((s) => {
                const content = s.content as Record<string, string>;
                return (
                  <li key={s.id} className="rounded-md border border-stone-200 p-2 text-sm">
                    <p>
                      <span className="font-medium">{t('annualPlans.versionN', { number: s.number })}</span> ·{' '}
                      {t('annualPlans.submittedOn', { name: s.submittedBy?.name ?? '—', date: day(s.submittedAt) })} ·{' '}
                      {t(`annualPlans.outcome.${s.outcome === 'FILED' || s.outcome === 'RETURNED' ? s.outcome : 'pending'}`)}
                      {s.reviewedAt && ` (${t('annualPlans.reviewedOn', { name: s.reviewedBy?.name ?? '—', date: day(s.reviewedAt) })})`}
                    </p>
                    {s.reviewComment && (
                      <p className="mt-1 whitespace-pre-wrap rounded bg-amber-50 px-2 py-1" data-testid="review-comment">
                        {t('annualPlans.reviewComment')}: {s.reviewComment}
                      </p>
                    )}
                    <details className="mt-1">
                      <summary className="cursor-pointer text-brand-800 underline">{t('annualPlans.showVersion')}</summary>
                      {Object.entries(content).map(([k, text]) => (
                        <section key={k} className="mt-1">
                          <h4 className="text-xs font-medium text-stone-600">
                            {t(`annualPlans.${k as (typeof ANNUAL_PLAN_PARTS)[number] | 'summary'}`)}
                          </h4>
                          <p className="whitespace-pre-wrap">{text}</p>
                        </section>
                      ))}
                    </details>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        {canReview && plan && status === 'SUBMITTED' && (
          <div className="mb-3">
            <h3 className="mb-1 text-sm font-medium text-stone-700">{t('annualPlans.reviewTitle')}</h3>
            <ReviewForm planId={plan.id} version={plan.version} kind={kind} pairingId={pairing.id} academicYear={academicYear} />
          </div>
        )}
        <h3 className="text-sm font-medium text-stone-700" id={`comments-${kind}`}>
          {t('annualPlans.comments')}
        </h3>
        {comments.length === 0 ? (
          <p className="mb-2 text-sm italic text-stone-500">{t('annualPlans.commentsEmpty')}</p>
        ) : (
          <ul className="mb-2 flex flex-col gap-1 text-sm" data-testid={`comments-${kind}`}>
            {comments.map((c) => (
              <li key={c.id} className="rounded-md bg-stone-50 px-2 py-1">
                <span className="font-medium">{c.author.name}</span> · {day(c.createdAt)}
                <p className="whitespace-pre-wrap">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        {canComment && plan && <CommentForm planId={plan.id} kind={kind} pairingId={pairing.id} academicYear={academicYear} />}
      </Card>
    );
  };

  return (
    <>
      <Link href="/annual-plans" className="text-sm text-brand-800 underline">
        ← {t('annualPlans.title')}
      </Link>
      <PageHeader
        title={`${t('annualPlans.plan')} · ${t('programmes.yearLabel', { year: String(academicYear), next: String(academicYear + 1) })}`}
      />
      <p className="mb-2 text-sm text-stone-700">{pairing.label}</p>
      <SavedNote show={!!saved} />
      {canEdit && (planEditable || summaryEditable) ? (
        <div className="mb-4">
          <AnnualPlanForm
            key={plan?.version ?? 0}
            pairingId={pairing.id}
            academicYear={academicYear}
            version={plan?.version ?? null}
            parts={parts}
            submitKind={submitKind}
            lockedNote={lockedNote}
          />
        </div>
      ) : (
        <Card className="mb-4 max-w-3xl">
          {!canEdit && <p className="mb-3 text-sm text-stone-600">{t('annualPlans.readOnlyAssisted')}</p>}
          {lockedNote && (
            <p className="mb-3 rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="locked-note">
              <span aria-hidden>🔒 </span>
              {lockedNote}
            </p>
          )}
          {[...ANNUAL_PLAN_PARTS, 'summary' as const].map((k) => (
            <section key={k} className="mb-3 last:mb-0">
              <h2 className="text-sm font-medium text-stone-700">{t(`annualPlans.${k}`)}</h2>
              {plan?.[k] ? <p className="whitespace-pre-wrap">{plan[k]}</p> : <p className="text-sm italic text-stone-500">{t('none')}</p>}
            </section>
          ))}
        </Card>
      )}
      <div className="flex flex-col gap-4">{(['PLAN', 'SUMMARY'] as const).map(section)}</div>
      {plan && (
        <div className="mt-4 max-w-3xl">
          <EvidenceCard user={user} target="annualPlan" id={plan.id} />
        </div>
      )}
    </>
  );
}
