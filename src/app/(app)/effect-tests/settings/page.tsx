import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { isoOf } from '@/lib/time/date-only';
import { allPeriods, confirmedOnlySetting, thresholdsFor } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ThresholdsForm } from '@/components/effect-tests/thresholds-form';
import { ConfirmedOnlyForm } from '@/components/effect-tests/confirmed-only-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('effectTests.settings.title');

export default async function EffectTestSettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'effectTests.configure')) return denyAccess(user, { entityType: 'Page', path: '/effect-tests/settings' });
  const { saved } = await searchParams;
  const t = await getTranslations('effectTests.settings');
  const format = await getFormatter();
  const tz = await cityTimeZone(db);
  const today = localDate(new Date(), tz);
  const [confirmedOnly, current, history, cycles] = await Promise.all([
    confirmedOnlySetting(db),
    thresholdsFor(db, today),
    db.effectTestThresholds.findMany({ orderBy: { effectiveFrom: 'desc' }, take: 20 }),
    listCycles(db),
  ]);
  const next =
    allPeriods(cycles)
      .map((p) => p.semester.startsOn)
      .filter((d) => d > today)
      .sort()[0] ?? '';
  return (
    <>
      <PageHeader title={t('title')} />
      {saved && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {t('saved')}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <ConfirmedOnlyForm confirmedOnly={confirmedOnly} />
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">{t('thresholds')}</h2>
          <p className="mb-3 text-sm text-stone-600">{t('thresholdsHint')}</p>
          <ThresholdsForm
            suggestedFrom={next}
            current={{
              classHours: current.classHours,
              shadowStudies: current.shadowStudies,
              lectures: current.lectures,
              excellentRate: Math.round(current.excellentRate * 100),
              passRate: Math.round(current.passRate * 100),
              papers: current.papers,
            }}
          />
        </Card>
      </div>
      {history.length > 0 && (
        <Card className="mt-4">
          <h2 className="mb-2 font-semibold">{t('history')}</h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  {(['effectiveFrom', 'classHours', 'shadowStudies', 'lectures', 'excellentRate', 'passRate', 'papers'] as const).map(
                    (k) => (
                      <th key={k} className="p-1">
                        {t(k)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id} className="border-t border-stone-200 tabular-nums">
                    <td className="p-1">{isoOf(h.effectiveFrom)}</td>
                    <td className="p-1">{format.number(Number(h.classHours))}</td>
                    <td className="p-1">{h.shadowStudies}</td>
                    <td className="p-1">{h.lectures}</td>
                    <td className="p-1">{format.number(Number(h.excellentRate) * 100)}</td>
                    <td className="p-1">{format.number(Number(h.passRate) * 100)}</td>
                    <td className="p-1">{h.papers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
