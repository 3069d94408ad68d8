import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getSummary } from '@/lib/cycle-review/queries';
import { rollupRows } from '@/lib/cycle-review/rules';
import type { Totals } from '@/lib/cycle-review/summary';
import { cycleHasEnded } from '@/lib/cycles/periods';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { cityToday } from '@/lib/time/today';
import { Card, PageHeader } from '@/components/ui/page-header';
import { Comparison } from '@/components/cycle-review/comparison';
import { PublishSummaryForm, SummaryBodyForm } from '@/components/cycle-review/summary-forms';
import { titled } from '@/i18n/page-title';
import { regionName } from '@/i18n/region-name';

export const generateMetadata = titled('cycleReview.summary.title');

/** A cycle summary: the bureau's text and the figures generated from the records; its office edits and publishes it. */
export default async function CycleSummaryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; scope: string }>;
  searchParams: Promise<{ saved?: string; published?: string }>;
}) {
  const user = await requireUser();
  const { id, scope } = await params;
  const { saved, published } = await searchParams;
  const s = await getSummary(user, id, scope);
  if (!s) return denyAccess(user, { entityType: 'CycleSummary', entityId: scope, path: `/cycles/${id}/summary/${scope}` });
  const [t, format, zone, locale] = await Promise.all([
    getTranslations('cycleReview.summary'),
    getFormatter(),
    cityTimeZone(db),
    getLocale(),
  ]);
  const colon = locale === 'zh' ? '：' : ': ';
  const c = s.content;
  const totals = (x: Totals) =>
    t('totalsLine', {
      pairings: x.pairings,
      done: x.done,
      confirmed: x.confirmed,
      hours: format.number(x.hours),
      donations: x.donations,
      value: format.number(x.donationValue),
      sessions: x.mentoringSessions,
    });
  const today = await cityToday(db);
  return (
    <>
      <PageHeader title={t('heading', { scope: regionName(s, locale), cycle: s.cycle.name })}>
        <a
          href={`/api/cycle-summaries/${s.cycle.id}/${s.scope}`}
          className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800"
        >
          {t('pdf')}
        </a>
      </PageHeader>
      <p className="mb-4 text-sm text-stone-700" data-testid="summary-status">
        {s.row?.publishedAt ? t('publishedOn', { date: localDate(s.row.publishedAt, zone) }) : t(`status.${s.row ? 'draft' : 'none'}`)}
        {' · '}
        {t('asOf', { date: c.asOf })}
        {!cycleHasEnded(s.cycle, today) && ` · ${t('notEnded')}`}
      </p>
      {(saved || published) && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {published ? t('published') : t('saved')}
        </p>
      )}

      {s.canEdit ? (
        <Card className="mb-4">
          <SummaryBodyForm
            key={s.row?.version ?? 0}
            cycleId={s.cycle.id}
            scope={s.scope}
            body={s.row?.body ?? ''}
            version={s.row?.version ?? null}
          />
          {s.row && (
            <div className="mt-4 border-t border-stone-200 pt-4">
              <PublishSummaryForm cycleId={s.cycle.id} scope={s.scope} version={s.row.version} />
            </div>
          )}
        </Card>
      ) : (
        s.row?.body && (
          <Card className="mb-4">
            <h2 className="mb-2 font-semibold">{t('bodyHeading')}</h2>
            <p className="whitespace-pre-line text-stone-800">{s.row.body}</p>
          </Card>
        )
      )}

      <p className="mb-3 text-sm text-stone-600">{t('generatedNote')}</p>
      <Card className="mb-4">
        <h2 className="mb-2 font-semibold">{t('totals')}</h2>
        <p className="text-sm" data-testid="summary-totals">
          {totals(c.totals)}
        </p>
      </Card>
      <Card className="mb-4">
        <h2 className="mb-2 font-semibold">{t('beforeAfter')}</h2>
        <Comparison rows={rollupRows(c.before, c.after)} kind="rollup" />
      </Card>
      {c.counties.length > 0 && (
        <Card className="mb-4">
          <h2 className="mb-2 font-semibold">{t('counties')}</h2>
          <ul className="flex flex-col gap-2 text-sm">
            {c.counties.map((k) => (
              <li key={k.name}>
                <span className="font-medium">{k.name}</span>
                {colon}
                {totals(k.totals)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="grid items-start gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('commendations')}</h2>
          {c.commendations.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noCommendations')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {c.commendations.map((x, i) => (
                <li key={i}>
                  {x.category}
                  {colon}
                  {x.name}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">{t('examples')}</h2>
          <p className="mb-2 text-xs text-stone-600">{t('examplesHelp')}</p>
          {c.examples.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noExamples')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {c.examples.map((x) => (
                <li key={x.id}>
                  {x.title} · {x.date} · {x.supporting} → {x.assisted}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
