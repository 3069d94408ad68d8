import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getActivity } from '@/lib/activities/queries';
import { Card } from '@/components/ui/page-header';
import { ActivityBadges, ConfirmationBadge, Icon, ReceiptBadge } from '@/components/activities/badges';
import { LateBadge } from '@/components/bulletins/late-badge';
import { CancelForm, ConfirmForm, ReceiptForm } from '@/components/activities/activity-actions';
import { whenText } from '@/components/activities/format';
import { cityTimeZone } from '@/lib/time/city-zone';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { ClearDraft } from '@/components/form/clear-draft';
import { titled } from '@/i18n/page-title';
import { ActivitySignalsCard } from '@/components/spot-checks/activity-signals-card';

export const generateMetadata = titled('activities.title');

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; decided?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved, decided } = await searchParams;
  const a = await getActivity(user, id, db);
  if (!a) return denyAccess(user, { entityType: 'Activity', entityId: id, path: `/activities/${id}` });
  const t = await getTranslations('activities');
  const tl = await getTranslations('bulletins.late');
  const format = await getFormatter();
  const money = (n: number) => format.number(n, { style: 'currency', currency: 'CNY' });
  const stamp = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const facts: [string, React.ReactNode][] = [
    [t('fields.type'), t(`types.${a.type}`)],
    [t('fields.when'), whenText(a.startsAt, a.endsAt, await cityTimeZone(db))],
    [
      t('fields.pairing'),
      <Link key="p" href={`/pairings/${a.pairing.id}/calendar`} className="text-brand-800 underline">
        {a.pairing.label} · {a.pairing.cycle}
      </Link>,
    ],
    [t('fields.direction'), t(`directions.${a.direction}`)],
    [t('fields.targetArea'), t(`areas.${a.targetArea}`)],
    ...(a.location ? [[t('fields.location'), a.location] as [string, string]] : []),
    ...(a.classHours != null ? [[t('fields.classHours'), format.number(a.classHours)] as [string, string]] : []),
    ...(a.childCount != null ? [[t('fields.childCount'), format.number(a.childCount)] as [string, string]] : []),
    [
      t('fields.participants'),
      a.participants.length
        ? format.list(
            a.participants.map((p) => p.name),
            { type: 'conjunction', style: 'narrow' },
          )
        : t('fields.none'),
    ],
    ...(a.outsideExperts.length
      ? [[t('fields.outsideExperts'), format.list(a.outsideExperts, { type: 'conjunction', style: 'narrow' })] as [string, string]]
      : []),
    [t('fields.createdBy'), `${a.createdBy} · ${a.recordingKindergarten}`],
  ];
  return (
    <>
      <div className="mb-4 flex flex-col gap-2">
        <Link href="/activities" className="text-sm text-brand-800 underline">
          ← {t('actions.back')}
        </Link>
        <h1 className="text-xl font-semibold text-stone-900 sm:text-2xl">{a.title}</h1>
        <ActivityBadges
          status={a.status}
          confirmation={a.confirmation}
          incomplete={a.incomplete}
          donation={a.donationLines.length > 0}
          received={!!a.receiptConfirmedAt}
        />
        {a.lateCorrection && (
          <p className="flex flex-wrap items-center gap-2 text-sm text-stone-800" data-testid="late-note">
            <LateBadge state={a.lateCorrection} label={tl(`badge.${a.lateCorrection}`)} />
            {tl(a.lateCorrection === 'PENDING' ? 'detailPending' : a.lateCorrection === 'APPROVED' ? 'detailApproved' : 'detailRejected')}
          </p>
        )}
        {saved && <ClearDraft keys={['activity:new', `activity:${a.id}`]} />}
        {saved && (
          <p role="status" className="rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
            {t('saved')}
          </p>
        )}
        {a.status === 'CANCELLED' && (
          <p className="rounded-md border border-stone-400 bg-stone-100 px-3 py-2 text-sm">
            {t('detail.cancelled', { reason: a.cancelReason ?? '' })}
          </p>
        )}
        {a.incomplete && (
          <p className="flex items-center gap-2 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <Icon name="half" />
            {t('incompleteHelp')}
          </p>
        )}
        {(a.canEdit || a.canCancel) && (
          <div className="flex flex-wrap gap-2">
            {a.canEdit && a.status === 'PLANNED' && (
              <Link
                href={`/activities/${a.id}/edit?done=1`}
                className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
              >
                {t('actions.logDone')}
              </Link>
            )}
            {a.canEdit && (
              <Link
                href={`/activities/${a.id}/edit`}
                className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 text-sm"
              >
                {t('actions.edit')}
              </Link>
            )}
            {a.canCancel && <CancelForm id={a.id} version={a.version} />}
          </div>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          <Card>
            <h2 className="mb-2 font-semibold">{t('detail.facts')}</h2>
            <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
              {facts.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-sm text-stone-600">{k}</dt>
                  <dd className="mb-1 text-stone-900 sm:mb-0">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {a.donationLines.length > 0 && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('fields.donationLines')}</h2>
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b text-left text-stone-600">
                    <th className="py-1 font-normal">{t('fields.item')}</th>
                    <th className="py-1 text-right font-normal">{t('fields.quantity')}</th>
                    <th className="py-1 text-right font-normal">{t('fields.estimatedValue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.donationLines.map((l) => (
                    <tr key={l.id} className="border-b border-stone-100">
                      <td className="py-1">{l.item}</td>
                      <td className="py-1 text-right tabular-nums">
                        {format.number(l.quantity)} {l.unit}
                      </td>
                      <td className="py-1 text-right tabular-nums">{money(l.estimatedValue)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th className="py-1 text-left">{t('fields.total')}</th>
                    <td />
                    <td className="py-1 text-right font-semibold tabular-nums">{money(a.donationTotal)}</td>
                  </tr>
                </tfoot>
              </table>
            </Card>
          )}
          <Card>
            <h2 className="mb-2 font-semibold">{t('fields.archive')}</h2>
            {(['plan', 'measures', 'record', 'summary'] as const).map((part) => (
              <section key={part} className="mb-3 last:mb-0">
                <h3 className="text-sm font-medium text-stone-700">{t(`fields.${part}`)}</h3>
                {a[part] ? (
                  <p className="whitespace-pre-wrap text-stone-900">{a[part]}</p>
                ) : (
                  <p className="text-sm italic text-stone-500">{t('fields.none')}</p>
                )}
              </section>
            ))}
          </Card>
          <EvidenceCard user={user} target="activity" id={a.id} />
        </div>

        <div className="flex flex-col gap-4">
          {/* The bureau's reasons to look at this record (decision 019); nothing for directors and teachers. */}
          <ActivitySignalsCard user={user} activityId={a.id} />
          <Card>
            <h2 className="mb-2 font-semibold">{t('detail.confirmationTitle')}</h2>
            {a.status === 'DONE' ? (
              <div className="flex flex-col gap-2">
                <ConfirmationBadge value={a.confirmation} />
                {a.confirmedBy && a.confirmedAt && (
                  <p className="text-sm text-stone-700">{t('detail.confirmedBy', { name: a.confirmedBy, date: stamp(a.confirmedAt) })}</p>
                )}
                {a.confirmationComment && <p className="whitespace-pre-wrap rounded bg-stone-50 p-2 text-sm">{a.confirmationComment}</p>}
                <p className="text-xs text-stone-600">{t('detail.confirmBy', { kindergarten: a.confirmingKindergarten })}</p>
                {decided && a.confirmation !== 'PENDING' && (
                  <p role="status" className="rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
                    {t(a.confirmation === 'CONFIRMED' ? 'detail.decidedConfirmed' : 'detail.decidedDisputed')}
                  </p>
                )}
                {a.canConfirm &&
                  (a.confirmation === 'PENDING' ? (
                    <>
                      <p className="text-sm">{t('detail.confirmPrompt')}</p>
                      <ConfirmForm id={a.id} version={a.version} alsoReceives={a.confirmAlsoReceives} />
                    </>
                  ) : (
                    // Answered: the prompt is gone; changing one's mind stays possible, one tap away.
                    <details className="text-sm">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">
                        {t('detail.changeDecision')}
                      </summary>
                      <ConfirmForm id={a.id} version={a.version} />
                    </details>
                  ))}
                {a.canEdit && a.confirmation !== 'PENDING' && <p className="text-xs text-stone-600">{t('detail.reopenNote')}</p>}
              </div>
            ) : (
              <p className="text-sm text-stone-700">{t('detail.confirmOnlyDone')}</p>
            )}
          </Card>
          {a.type === 'DONATION' && a.status === 'DONE' && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('detail.receiptTitle')}</h2>
              <div className="flex flex-col gap-2">
                <ReceiptBadge received={!!a.receiptConfirmedAt} />
                {a.receiptConfirmedBy && a.receiptConfirmedAt && (
                  <p className="text-sm">{t('detail.confirmedBy', { name: a.receiptConfirmedBy, date: stamp(a.receiptConfirmedAt) })}</p>
                )}
                {a.receiptComment && <p className="text-sm">{a.receiptComment}</p>}
                <p className="text-xs text-stone-600">{t('detail.receiptBy', { kindergarten: a.receivingKindergarten })}</p>
                {a.canConfirmReceipt &&
                  // While the confirmation is pending, its button records receipt too: one step, not two.
                  (a.confirmAlsoReceives && a.confirmation === 'PENDING' ? (
                    <p className="text-sm text-stone-700">{t('detail.receiptWithConfirm')}</p>
                  ) : (
                    <ReceiptForm id={a.id} />
                  ))}
              </div>
            </Card>
          )}
          {a.request && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('detail.request')}</h2>
              <Link href={`/requests#request-${a.request.id}`} className="text-brand-800 underline">
                {a.request.title}
              </Link>
              <p className="text-sm text-stone-600">
                {t(`requests.kinds.${a.request.kind}`)} · {t(`requests.statuses.${a.request.status}`)}
              </p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
