import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { getPairingReview, type MeasurementView } from '@/lib/cycle-review/queries';
import { addDays } from '@/lib/cycles/periods';
import { AREAS, MEASUREMENT_MARGIN_DAYS } from '@/lib/cycle-review/rules';
import { Card, PageHeader } from '@/components/ui/page-header';
import { academicYearName } from '@/components/cycles/current-period';
import { Comparison } from '@/components/cycle-review/comparison';
import { ConfirmMeasurementButton, MeasurementForm } from '@/components/cycle-review/measurement-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('cycleReview.pairingTitle');

const STATUS_CLASS: Record<string, string> = {
  MET: 'text-brand-800',
  MISSED: 'text-red-800',
  AT_RISK: 'text-amber-800',
};

export default async function PairingReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const r = await getPairingReview(user, id);
  if (!r) return denyAccess(user, { entityType: 'Pairing', entityId: id, path: `/pairings/${id}/review` });
  const t = await getTranslations('cycleReview');
  const tc = await getTranslations('cycles');
  const te = await getTranslations('effectTests');
  const format = await getFormatter();
  const zh = (await getLocale()) === 'zh';
  const colon = zh ? '：' : ': ';
  const percent = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const p = r.pairing;

  const measurement = (kind: 'BASELINE' | 'END', m: MeasurementView | null) => {
    const window = r.dates
      ? kind === 'BASELINE'
        ? { from: addDays(r.dates.startsOn, -MEASUREMENT_MARGIN_DAYS), to: r.dates.firstSemesterEndsOn }
        : { from: r.dates.lastSemesterStartsOn, to: addDays(r.dates.endsOn, MEASUREMENT_MARGIN_DAYS) }
      : null;
    const f = m?.figures;
    return (
      <Card key={kind} className="flex flex-col gap-2">
        <h3 className="font-semibold">{t(`measurements.kind.${kind}`)}</h3>
        {!m ? (
          <p className="text-sm text-stone-600">{t('measurements.notRecorded')}</p>
        ) : (
          <>
            <p className="text-sm text-stone-700">{t('measurements.recordedBy', { name: m.recordedBy, date: m.measuredOn })}</p>
            <p className={`text-sm ${m.confirmedAt ? 'text-brand-800' : 'text-amber-800'}`}>
              {m.confirmedBy ? t('measurements.confirmedBy', { name: m.confirmedBy }) : t('measurements.awaiting')}
            </p>
            {f && (
              <p className="text-sm text-stone-700">
                {t('measurements.figures', {
                  children: f.children,
                  teachers: f.teachers,
                  classes: f.classes,
                  rated: f.teachersRated,
                  tests:
                    f.testsYear != null
                      ? t('measurements.testsLine', { year: academicYearName(tc, f.testsYear), met: f.testsMet, judged: f.testsJudged })
                      : t('measurements.noTests'),
                })}
              </p>
            )}
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {AREAS.map((a) => (
                <div key={a} className="contents">
                  <dt className="text-stone-600">{t(`area.${a}`)}</dt>
                  <dd>
                    {t(`areaResult.${m.standard[a].result}`)}
                    {m.standard[a].note ? ` · ${m.standard[a].note}` : ''}
                  </dd>
                </div>
              ))}
            </dl>
            {m.canConfirm && <ConfirmMeasurementButton id={m.id} version={m.version} pairingId={p.id} />}
          </>
        )}
        {r.canRecord && !m?.confirmedAt && window && r.today >= window.from && (
          <details className="mt-2" open={!m}>
            <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-brand-800">
              {m ? t('measurements.rerecord') : t('measurements.record')}
            </summary>
            <MeasurementForm
              pairingId={p.id}
              kind={kind}
              window={window}
              today={r.today}
              current={
                m
                  ? { measuredOn: m.measuredOn, qualifiedTeachers: m.figures.qualifiedTeachers, standard: m.standard, version: m.version }
                  : null
              }
            />
          </details>
        )}
      </Card>
    );
  };

  return (
    <>
      <PageHeader title={`${t('pairingTitle')}${colon}${p.supporting.name} · ${p.assisted.name}`}>
        <Link href={`/pairings/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm text-stone-700">{r.cycle.name}</p>
      {saved && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {t('measurements.saved')}
        </p>
      )}

      <Card className="mb-4">
        <h2 className="mb-1 font-semibold">{t('semesters')}</h2>
        <p className="mb-3 text-sm text-stone-700">{t('semestersHelp')}</p>
        <ol className="flex flex-col gap-3">
          {r.history.map((s) => (
            <li key={s.key} className="border-b border-stone-200 pb-2 last:border-0" data-testid={`semester-${s.key}`}>
              <p className="font-medium">
                {t('semesterName', { year: academicYearName(tc, s.academicYear), term: t(`term.${s.term}`) })}
                {' · '}
                <span className="text-sm font-normal text-stone-700">
                  {!s.closed
                    ? t('notClosed')
                    : !s.verdict
                      ? t('noneJudged')
                      : [
                          s.verdict.allMet ? t('verdict.met') : t('verdict.some'),
                          s.verdict.supportingMissed ? t('verdict.supportingMissed') : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                </span>
              </p>
              {s.closed && s.tests.length > 0 && (
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {s.tests.map((x) => (
                    <li key={x.test} className={STATUS_CLASS[x.status] ?? 'text-stone-700'}>
                      {x.test} {te(`testName.${x.test as 'S1'}`)}
                      {colon}
                      {t(`testStatus.${x.status as 'MET'}`)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Card>

      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('totals.heading')}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="review-totals">
            <dt className="text-stone-600">{t('totals.done')}</dt>
            <dd className="tabular-nums">{format.number(r.totals.done)}</dd>
            <dt className="text-stone-600">{t('totals.hours')}</dt>
            <dd className="tabular-nums">{format.number(r.totals.hours)}</dd>
            <dt className="text-stone-600">{t('totals.donations')}</dt>
            <dd className="tabular-nums">{format.number(r.totals.donations)}</dd>
            <dt className="text-stone-600">{t('totals.donationValue')}</dt>
            <dd className="tabular-nums">{format.number(r.totals.donationValue)}</dd>
            <dt className="text-stone-600">{t('totals.sessions')}</dt>
            <dd className="tabular-nums">{format.number(r.totals.mentoringSessions)}</dd>
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('shares.heading')}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t('shares.confirmed')}</dt>
            <dd className="tabular-nums">
              {r.confirmedShare == null
                ? t('shares.noRecords')
                : zh
                  ? `${r.totals.confirmed}/${r.totals.done}（${percent(r.confirmedShare)}）`
                  : `${r.totals.confirmed}/${r.totals.done} (${percent(r.confirmedShare)})`}
            </dd>
            {r.spotChecks && (
              <>
                <dt className="text-stone-600">{t('shares.spot')}</dt>
                <dd className="tabular-nums">
                  {r.spotChecks.checked === 0
                    ? t('shares.noSpotChecks')
                    : t('shares.spotValue', {
                        verified: r.spotChecks.verified,
                        checked: r.spotChecks.checked,
                        percent: percent(r.spotChecks.verified / r.spotChecks.checked),
                      })}
                  {r.spotChecks.questioned > 0 && ` · ${t('shares.questioned', { count: r.spotChecks.questioned })}`}
                </dd>
              </>
            )}
          </dl>
        </Card>
      </div>

      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('inspections.heading')}</h2>
          {r.inspections.length === 0 ? (
            <p className="text-sm text-stone-600">{t('inspections.none')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {r.inspections.map((i) => (
                <li key={i.id}>
                  <Link href={`/inspections/${i.id}`} className="text-brand-800 underline">
                    {i.inspectedOn}
                  </Link>{' '}
                  · {i.grade ? t(`grade.${i.grade}`) : t('inspections.noGrade')} ·{' '}
                  {i.announced ? t('inspections.announced') : t('inspections.unannounced')}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('rectifications.heading')}</h2>
          {r.rectifications.length === 0 ? (
            <p className="text-sm text-stone-600">{t('rectifications.none')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {r.rectifications.map((x) => (
                <li key={x.id}>
                  <Link href={`/rectifications/${x.id}`} className="text-brand-800 underline">
                    {x.requirement.length > 40 ? `${x.requirement.slice(0, 39)}…` : x.requirement}
                  </Link>{' '}
                  · {x.kindergarten.name} · {t(`rectifications.status.${x.status}`)} · {t('rectifications.deadline', { date: x.deadline })}
                  {x.overdue && <span className="font-medium text-red-800"> · {t('rectifications.overdue')}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card className="mb-4" id="measurements">
        <h2 className="mb-1 font-semibold">{t('measurements.heading')}</h2>
        <p className="mb-3 text-sm text-stone-700">{t('measurements.help')}</p>
        <Comparison
          rows={r.comparison}
          kind="pairing"
          notes={{
            before: r.baseline && !r.baseline.confirmedAt ? t('table.unconfirmed') : '',
            after: r.end && !r.end.confirmedAt ? t('table.unconfirmed') : '',
          }}
        />
      </Card>
      <div className="grid items-start gap-4 md:grid-cols-2">
        {measurement('BASELINE', r.baseline)}
        {measurement('END', r.end)}
      </div>
    </>
  );
}
