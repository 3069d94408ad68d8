import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { db } from '@/lib/db';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { loadPairingOr404 } from '@/lib/pairings/load';
import { allPeriods, evaluatePairings, periodKey, resolvePeriod, TEST_IDS } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { countedRecords } from '@/lib/effect-tests/queries';
import { TESTS, type TestId } from '@/lib/effect-tests/rules';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ResultBadge } from '@/components/effect-tests/result-badge';
import { TEST_DETAIL_ID, TestResultLink } from '@/components/effect-tests/test-result-link';
import { figureLine, figureText, semesterLabel } from '@/components/effect-tests/figure';
import { AssessmentForm } from '@/components/effect-tests/assessment-form';
import { FrozenNotice } from '@/components/bulletins/frozen-notice';
import { A1InspectionEvidence } from '@/components/inspections/a1-evidence';
import { ASSESSMENT_LABELS, type AssessmentLabels } from '@/components/effect-tests/assessment-labels';
import { can, pairingResource } from '@/lib/authz';
import { isMessageKey } from '@/i18n/translator';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('effectTests.title');

export default async function PairingEffectTestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ test?: string; period?: string; saved?: string }>;
}) {
  const user = await requireUser();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  // What does not depend on each other is asked at once: each round trip is a few ms of a page
  // that issue 13 wants under 30.
  const [pairing, t, format, tf, ta, cycles, tz] = await Promise.all([
    loadPairingOr404(user, id, `/pairings/${id}/effect-tests`),
    getTranslations('effectTests'),
    getFormatter(),
    getTranslations('form'),
    getTranslations('effectTests.assessment'),
    listCycles(db),
    cityTimeZone(db),
  ]);
  // A record's note is data (missing parts, a rating): in words when the catalogue names it.
  const named = (key: string, raw: string) => (isMessageKey(t, key) ? t(key) : raw);
  const own = cycles.filter((c) => c.id === pairing.cycle.id);
  const period = resolvePeriod(own, sp.period, localDate(new Date(), tz));
  const test: TestId | null = TEST_IDS.includes(sp.test as TestId) ? (sp.test as TestId) : null;
  const title = t('detail.title', { pairing: `${pairing.supporting.name} → ${pairing.assisted.name}` });
  if (!period) return <PageHeader title={title} />;
  // The counted records are listed only for a chosen test; without one the results alone are read.
  const data = test
    ? await countedRecords(user, id, test, period, db)
    : await evaluatePairings(user, { pairingIds: [id], period }, db).then((ev) => ({
        ev,
        effects: ev.pairings[0],
        records: [],
        inspection: null,
      }));
  if (!data?.effects) {
    return (
      <>
        <PageHeader title={title} />
        <p>{t('empty')}</p>
      </>
    );
  }
  const { ev, effects } = data;
  const key = periodKey(period);
  const href = (over: { test?: string | null; period?: string }) => {
    const q = new URLSearchParams({ period: over.period ?? key });
    const tt = over.test === undefined ? test : over.test;
    if (tt) q.set('test', tt);
    return `/pairings/${id}/effect-tests?${q}${tt ? `#${TEST_DETAIL_ID}` : ''}`;
  };
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const resource = pairingResource(pairing);
  const canInspect = can(user, 'assessment.inspect', resource);
  const canAttest = can(user, 'assessment.attest', { ...resource, kindergartenIds: [pairing.assistedId] });
  return (
    <>
      <PageHeader title={title}>
        <Link href={`/pairings/${id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          {t('detail.back')}
        </Link>
      </PageHeader>
      <nav aria-label={t('period')} className="mb-3 flex flex-wrap gap-2 text-sm">
        {allPeriods(own)
          .reverse()
          .map((p) => (
            <Link
              key={periodKey(p)}
              href={href({ period: periodKey(p) })}
              aria-current={periodKey(p) === key ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-3 ${periodKey(p) === key ? 'border-brand-700 bg-brand-50 font-medium' : 'border-stone-300 bg-white'}`}
            >
              {semesterLabel(t, p.semester)}
            </Link>
          ))}
      </nav>
      <p className="mb-3 text-sm text-stone-700">{ev.confirmedOnly ? t('detail.confirmedOnly') : t('detail.unconfirmedCounted')}</p>
      <FrozenNotice closed={ev.closed} />
      {sp.saved && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {t('assessment.saved')}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <Card>
          <h2 className="mb-2 font-semibold">{t('detail.effectTests')}</h2>
          <ul className="flex flex-col divide-y divide-stone-100" data-testid="pairing-tests">
            {TEST_IDS.map((tid) => {
              const r = effects.results[tid];
              return (
                <li key={tid}>
                  <TestResultLink
                    href={href({ test: tid })}
                    id={tid}
                    name={t(`testName.${tid}`)}
                    status={r.status}
                    statusLabel={t(`statusName.${r.status}`)}
                    figure={figureLine(t, format, r.figure)}
                    current={tid === test}
                    className={`px-1 py-1.5 text-sm ${tid === test ? 'bg-brand-50' : ''}`}
                  />
                </li>
              );
            })}
          </ul>
        </Card>

        {test &&
          (() => {
            const r = effects.results[test];
            const fig = figureText(t, format, r.figure);
            const th = TESTS[test].period === 'SEMESTER' ? ev.thresholds.semester : ev.thresholds.year;
            return (
              <Card id={TEST_DETAIL_ID} className="scroll-mt-4">
                <h2 className="mb-1 font-semibold" data-testid="test-heading">
                  {test} {t(`testName.${test}`)}
                </h2>
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <ResultBadge status={r.status} label={t(`statusName.${r.status}`)} />
                  <span className="font-medium" data-testid="test-figure">
                    {fig.main}
                  </span>
                  {fig.extra && <span className="text-sm text-stone-700">{t('figure.withExtra', { main: '', extra: fig.extra })}</span>}
                </div>
                {r.window && <p className="mb-2 text-sm text-stone-600">{t('detail.window', { from: r.window.from, to: r.window.to })}</p>}
                <p className="mb-2 text-sm">{t(`rule.${test}`)}</p>
                <p className="mb-3 text-xs text-stone-600">
                  {tf('labelled', {
                    label: th.effectiveFrom ? t('detail.thresholdFrom', { date: th.effectiveFrom }) : t('detail.thresholdDefault'),
                  })}
                  {t('detail.thresholdValues', {
                    classHours: format.number(th.classHours),
                    shadowStudies: th.shadowStudies,
                    lectures: th.lectures,
                    excellent: pct(th.excellentRate),
                    pass: pct(th.passRate),
                    papers: th.papers,
                  })}
                </p>
                {r.figure.kind === 'months' && (
                  <ul className="mb-3 flex flex-wrap gap-1 text-xs">
                    {r.figure.months.map((m) => (
                      <li
                        key={m.month}
                        className={`rounded border px-1.5 py-0.5 ${m.visited ? 'border-green-700 bg-green-50' : m.due ? 'border-red-700 bg-red-50' : 'border-stone-300'}`}
                      >
                        {m.visited ? '✓' : m.due ? '✗' : '…'} {m.month}
                      </li>
                    ))}
                  </ul>
                )}
                {test === 'A1' && test === sp.test && data.inspection && <A1InspectionEvidence inspection={data.inspection} />}
                <h3 className="mb-1 text-sm font-semibold">{t('detail.records')}</h3>
                {data.records.length === 0 || test !== (sp.test as TestId) ? (
                  <p className="text-sm text-stone-600">{t('detail.noRecords')}</p>
                ) : null}
                {test === sp.test && data.records.length > 0 && (
                  <ul className="flex flex-col divide-y divide-stone-100 text-sm" data-testid="counted-records">
                    {data.records.map((rec) => (
                      <li key={rec.id} className="flex flex-wrap items-center gap-x-2 py-1.5">
                        <span className="tabular-nums text-stone-600">
                          {rec.kind === 'activity' ? localDate(new Date(rec.date), ev.timeZone) : rec.date}
                        </span>
                        {rec.href ? (
                          <Link href={rec.href} className="text-brand-800 underline">
                            {rec.title}
                          </Link>
                        ) : (
                          <span>{rec.title}</span>
                        )}
                        {rec.hours != null && test === 'S2' && (
                          <span className="tabular-nums">
                            {t('figure.hours', { have: format.number(rec.hours), need: '' })
                              .replace(/\/\s*/, '')
                              .trim()}
                          </span>
                        )}
                        {rec.unconfirmed && (
                          <span className="rounded border border-amber-700 bg-amber-50 px-1 text-xs text-amber-950">
                            ! {t('detail.unconfirmed')}
                          </span>
                        )}
                        {rec.note && test === 'S5' && (
                          <span className="text-xs text-red-800">
                            {t('detail.missingParts', {
                              parts: format.list(
                                rec.note.split(',').map((p) => named(`detail.part.${p}`, p)),
                                { type: 'conjunction', style: 'narrow' },
                              ),
                            })}
                          </span>
                        )}
                        {rec.note && test === 'A2' && (
                          <span className="text-xs">
                            {tf('labelled', { label: t('detail.latestRating') })}
                            {named(`rating.${rec.note}`, rec.note)}
                          </span>
                        )}
                        {rec.note && test === 'A1' && <span className="text-xs">{rec.note}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {test === 'A1' && (canInspect || canAttest) && (
                  <AssessmentForm
                    pairingId={id}
                    source={canInspect ? 'INSPECTION' : 'ATTESTATION'}
                    back={href({ test: 'A1' })}
                    labels={Object.fromEntries(ASSESSMENT_LABELS.map((k) => [k, ta(k)])) as AssessmentLabels}
                  />
                )}
              </Card>
            );
          })()}
      </div>
    </>
  );
}
