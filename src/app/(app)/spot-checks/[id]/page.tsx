import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { getSpotCheck, verifiedShare } from '@/lib/spot-checks/queries';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CheckForm } from '@/components/spot-checks/check-form';
import { SignalKindBadge } from '@/components/spot-checks/signal-detail';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('spotChecks.detail.title');

const VERDICT_STYLE = {
  VERIFIED: 'bg-brand-50 text-brand-800 border-brand-600',
  QUESTIONED: 'bg-amber-50 text-amber-900 border-amber-700',
  none: 'bg-stone-50 text-stone-700 border-stone-300',
} as const;

/** One spot check: how it was drawn (and that it draws the same again), each record to verify or question, shares per pairing. */
export default async function SpotCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ drawn?: string; saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { drawn, saved } = await searchParams;
  const sc = hasPermission(user, 'spotCheck.manage') ? await getSpotCheck(user, id, db) : null;
  if (!sc) return denyAccess(user, { entityType: 'SpotCheck', entityId: id, path: `/spot-checks/${id}` });
  const t = await getTranslations('spotChecks');
  const format = await getFormatter();
  const locale = await getLocale();
  const county = sc.countyId ? await db.region.findUnique({ where: { id: sc.countyId }, select: { name: true, nameEn: true } }) : null;
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const percent = (x: number | null) => (x == null ? t('detail.notChecked') : format.number(x, { style: 'percent' }));
  return (
    <>
      <Link href="/spot-checks" className="text-sm text-brand-800 underline">
        ← {t('detail.back')}
      </Link>
      <PageHeader
        title={`${county ? regionName(county, locale) : t('list.scopeCity')} · ${t('list.period', { from: sc.periodFrom, to: sc.periodTo })}`}
      />
      {(drawn || saved) && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {drawn ? t('detail.drawn') : t('detail.saved')}
        </p>
      )}
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('detail.how')}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="draw-method">
            <dt className="text-stone-600">{t('detail.seed')}</dt>
            <dd className="font-mono break-all">{sc.seed}</dd>
            <dt className="text-stone-600">{t('detail.sampleSize')}</dt>
            <dd>{sc.items.length}</dd>
            {sc.method && (
              <>
                <dt className="text-stone-600">{t('detail.populationLabel')}</dt>
                <dd>{t('detail.population', { count: sc.method.populationSize, signals: sc.method.withSignals })}</dd>
                <dt className="text-stone-600">{t('detail.weightsLabel')}</dt>
                <dd>{t('detail.weights')}</dd>
                <dt className="text-stone-600">{t('detail.thresholdsLabel')}</dt>
                <dd>
                  {t('detail.thresholds', {
                    late: sc.method.settings.lateEntryDays,
                    capture: sc.method.settings.captureDateToleranceDays,
                  })}
                </dd>
              </>
            )}
            <dt className="text-stone-600">{t('detail.drawnByLabel')}</dt>
            <dd>{t('list.drawnBy', { name: sc.createdBy, date: day(sc.createdAt) })}</dd>
          </dl>
          <p className="mt-2 text-xs text-stone-600">{t('detail.algorithm')}</p>
          <p
            className={`mt-2 rounded-md border px-3 py-2 text-sm ${sc.reproducible ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-red-700 bg-red-50 text-red-900'}`}
            data-testid="reproducible"
          >
            {sc.reproducible ? t('detail.reproducible') : t('detail.notReproducible')}
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('detail.shares')}</h2>
          <ul className="flex flex-col gap-1 text-sm" data-testid="pairing-shares">
            {sc.pairings.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2">
                <Link href={`/pairings/${p.id}`} className="text-brand-800 underline">
                  {p.label}
                </Link>
                <span className="tabular-nums">
                  {t('detail.share', { verified: p.verified, checked: p.checked })} · {percent(verifiedShare(p))}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <h2 className="mb-2 font-semibold">{t('detail.items')}</h2>
      <ol className="flex flex-col gap-3" data-testid="spot-check-items">
        {sc.items.map((i) => {
          const v = i.verdict ?? 'none';
          const form = (
            <CheckForm key={`${i.id}-${i.version}`} id={i.id} version={i.version} note={i.note} verifyAllowed={!i.rectification} />
          );
          return (
            <li key={i.id} id={`item-${i.id}`}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="text-xs text-stone-600">{t('detail.position', { n: i.position })}</p>
                    <Link href={`/activities/${i.activity.id}`} className="font-medium text-brand-800 underline">
                      {i.activity.title}
                    </Link>
                    <p className="text-sm text-stone-700">
                      {day(i.activity.startsAt)} ·{' '}
                      <Link href={`/pairings/${i.pairing.id}`} className="underline">
                        {i.pairing.label}
                      </Link>
                    </p>
                  </div>
                  <span className={`rounded border px-2 py-0.5 text-sm font-medium ${VERDICT_STYLE[v]}`} data-testid="verdict">
                    {t(`detail.verdict.${v}`)}
                  </span>
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-1 text-sm">
                  <span className="text-stone-600">{t('detail.signalsAtDraw')}:</span>
                  {i.signalsAtDraw.length ? i.signalsAtDraw.map((k) => <SignalKindBadge key={k} kind={k} />) : t('detail.noSignals')}
                </div>
                {i.verdict && (
                  <div className="mt-2 text-sm">
                    {i.checkedBy && i.checkedAt && (
                      <p className="text-xs text-stone-600">{t('detail.checkedBy', { name: i.checkedBy, date: day(i.checkedAt) })}</p>
                    )}
                    {i.note && <p className="whitespace-pre-wrap rounded bg-stone-50 p-2">{i.note}</p>}
                  </div>
                )}
                {i.verdict === 'QUESTIONED' && (
                  <div className="mt-2">
                    {i.rectification ? (
                      <Link
                        href={`/rectifications/${i.rectification.id}`}
                        className="inline-flex min-h-11 items-center text-sm text-brand-800 underline"
                      >
                        {t('detail.rectification')}
                      </Link>
                    ) : (
                      sc.canOpenRectification && (
                        <Link
                          href={`/rectifications/new?spotCheckItemId=${encodeURIComponent(i.id)}`}
                          className="inline-flex min-h-11 items-center rounded-md border border-amber-700 bg-white px-4 text-sm font-medium text-amber-900"
                          data-testid="open-rectification"
                        >
                          {t('detail.openRectification')}
                        </Link>
                      )
                    )}
                  </div>
                )}
                <div className="mt-3">
                  {i.verdict ? (
                    <details>
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">
                        {t('check.recheck')}
                      </summary>
                      {i.rectification && <p className="mb-2 text-xs text-stone-600">{t('check.lockedByRectification')}</p>}
                      {form}
                    </details>
                  ) : (
                    form
                  )}
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
    </>
  );
}
