import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { isRecordId } from '@/lib/schema-fields';
import { cityToday } from '@/lib/time/today';
import { getInspection } from '@/lib/inspections/queries';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ClearDraft } from '@/components/form/clear-draft';
import { EvidencePanel } from '@/components/evidence/evidence-panel';
import { GradeBadge, InspectionStatusBadge, ResultBadge } from '@/components/inspections/badges';
import { ItemCard } from '@/components/inspections/item-card';
import { concludeDraftKey, itemDraftKey } from '@/components/inspections/draft-keys';
import { ConcludeForm } from '@/components/inspections/conclude-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('inspections.detail.title');

/**
 * One inspection: on a phone, item by item while it is a draft (the inspecting office), then read-only
 * for the bureau and the directors of the kindergartens inspected, its findings linked to rectifications.
 */
export default async function InspectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const i = isRecordId(id) ? await getInspection(user, id, db) : null;
  if (!i) return denyAccess(user, { entityType: 'Inspection', entityId: id, path: `/inspections/${id}` });
  const t = await getTranslations('inspections');
  const format = await getFormatter();
  const locale = await getLocale();
  const title = (it: { title: string; titleEn: string }) => (locale === 'en' && it.titleEn ? it.titleEn : it.title);
  const judged = i.items.length - i.unjudged;
  return (
    <>
      <Link href="/inspections" className="text-sm text-brand-800 underline">
        ← {t('title')}
      </Link>
      <PageHeader title={`${t('detail.title')} · ${i.label}`} />
      {/* Saved: the summary's draft is done with; recorded: every item's too (the inspection is read-only now). */}
      {saved && <ClearDraft keys={[concludeDraftKey(i.id), ...(saved === 'recorded' ? i.items.map((it) => itemDraftKey(it.id)) : [])]} />}
      {saved && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {saved === 'recorded' ? t('detail.recorded') : t('detail.saved')}
        </p>
      )}
      <Card className="mb-4 max-w-3xl">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <InspectionStatusBadge status={i.status} label={t(`status.${i.status}`)} />
          {i.grade && <GradeBadge grade={i.grade} label={t(`grade.${i.grade}`)} />}
        </div>
        <dl className="grid grid-cols-[fit-content(40%)_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-600">{t('fields.subject')}</dt>
          <dd>
            {i.pairingId ? (
              <Link href={`/pairings/${i.pairingId}`} className="text-brand-800 underline">
                {i.label}
              </Link>
            ) : (
              i.label
            )}
          </dd>
          <dt className="text-stone-600">{t('fields.inspectedOn')}</dt>
          <dd className="tabular-nums">{i.inspectedOn}</dd>
          <dt className="text-stone-600">{t('fields.announced')}</dt>
          <dd>{i.announced ? t('announced.yes') : t('announced.no')}</dd>
          <dt className="text-stone-600">{t('fields.inspectors')}</dt>
          <dd>{i.inspectors || '—'}</dd>
          <dt className="text-stone-600">{t('fields.office')}</dt>
          <dd>{i.office ? regionName(i.office, locale) : t('detail.cityOffice')}</dd>
          {i.recordedAt && (
            <>
              <dt className="text-stone-600">{t('fields.recordedAt')}</dt>
              <dd>{format.dateTime(i.recordedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
            </>
          )}
          <dt className="text-stone-600">{t('fields.a1')}</dt>
          <dd data-testid="inspection-a1">{t(`detail.a1.${i.a1 ?? 'none'}`)}</dd>
        </dl>
        {i.status === 'RECORDED' && (
          <section className="mt-3">
            <h2 className="text-sm font-medium text-stone-700">{t('fields.summary')}</h2>
            {i.summary ? <p className="whitespace-pre-wrap">{i.summary}</p> : <p className="text-sm italic text-stone-500">—</p>}
          </section>
        )}
      </Card>

      {i.canEdit ? (
        <>
          <p className="mb-2 text-sm text-stone-700" data-testid="judged-count">
            {t('detail.progress', { judged, total: i.items.length })}
          </p>
          <ol className="mb-4 flex max-w-3xl flex-col gap-3">
            {i.items.map((it) => (
              <ItemCard
                key={it.id}
                inspectionId={i.id}
                item={{
                  id: it.id,
                  version: it.version,
                  position: it.position,
                  title: title(it),
                  countsForA1: it.countsForA1,
                  result: it.result,
                  note: it.note,
                  evidence: it.evidence,
                }}
              />
            ))}
          </ol>
          <Card className="max-w-3xl">
            <h2 className="mb-2 font-semibold">{t('conclude.title')}</h2>
            <ConcludeForm
              inspection={{
                id: i.id,
                version: i.version,
                inspectedOn: i.inspectedOn,
                announced: i.announced,
                inspectors: i.inspectors,
                grade: i.grade,
                summary: i.summary,
              }}
              today={await cityToday(db)}
              unjudged={i.unjudged}
              suggestedGrade={i.suggestedGrade}
            />
          </Card>
        </>
      ) : (
        <>
          {i.status === 'DRAFT' && <p className="mb-2 text-sm text-stone-700">{t('detail.draftOtherOffice')}</p>}
          <ol className="flex max-w-3xl flex-col gap-3" data-testid="inspection-items">
            {i.items.map((it) => (
              <li key={it.id} id={`item-${it.id}`} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
                <h2 className="mb-1 flex flex-wrap items-start gap-2 font-medium">
                  <span className="tabular-nums text-stone-600">{it.position}.</span>
                  <span className="min-w-0 flex-1">{title(it)}</span>
                  {it.countsForA1 && <span className="rounded border border-sky-700 px-1 text-xs text-sky-900">{t('item.a1Tag')}</span>}
                  {it.result ? (
                    <ResultBadge result={it.result} label={t(`result.${it.result}`)} />
                  ) : (
                    <span className="text-xs text-stone-600">{t('item.notJudged')}</span>
                  )}
                </h2>
                {it.note && <p className="mb-1 whitespace-pre-wrap text-sm">{it.note}</p>}
                {it.evidence.length > 0 && (
                  <EvidencePanel target="inspectionItem" recordId={it.id} items={it.evidence} canAttach={false} hideEmpty />
                )}
                {it.finding && (
                  <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="finding">
                    <span className="font-medium text-amber-900">{t('item.finding')}</span>
                    {it.rectifications.map((r) => (
                      <Link key={r.id} href={`/rectifications/${r.id}`} className="text-brand-800 underline">
                        {t('item.rectification', { status: t(`rectificationStatus.${r.status}`), deadline: r.deadline })}
                      </Link>
                    ))}
                    {i.canOpenRectification && (
                      <Link
                        href={`/rectifications/new?inspectionItemId=${it.id}`}
                        className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-3 font-medium text-brand-800"
                      >
                        {t('item.openRectification')}
                      </Link>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
