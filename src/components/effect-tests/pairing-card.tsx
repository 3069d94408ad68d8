import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { evaluatePairings, periodKey, resolvePeriod, TEST_IDS } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { Card } from '@/components/ui/page-header';
import { TEST_DETAIL_ID, TestResultLink } from './test-result-link';
import { figureText, semesterLabel } from './figure';

/** The pairing page's card: this period's status per test, each linking to the records behind it. */
export async function PairingEffectsCard({ user, pairingId, cycleId }: { user: Actor; pairingId: string; cycleId: string }) {
  const t = await getTranslations('effectTests');
  const format = await getFormatter();
  const [cycles, tz] = await Promise.all([listCycles(db), cityTimeZone(db)]);
  const period = resolvePeriod(
    cycles.filter((c) => c.id === cycleId),
    undefined,
    localDate(new Date(), tz),
  );
  const ev = period ? await evaluatePairings(user, { pairingIds: [pairingId], period }, db) : null;
  const p = ev?.pairings[0];
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">
        {t('detail.summaryCard')}
        {period ? ` · ${semesterLabel(t, period.semester)}` : ''}
      </h2>
      {!p || !period ? (
        <p className="text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <ul className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          {TEST_IDS.map((id) => {
            const r = p.results[id];
            return (
              <li key={id}>
                <TestResultLink
                  href={`/pairings/${pairingId}/effect-tests?test=${id}&period=${encodeURIComponent(periodKey(period))}#${TEST_DETAIL_ID}`}
                  id={id}
                  name={t(`testName.${id}`)}
                  status={r.status}
                  statusLabel={t(`statusName.${r.status}`)}
                  figure={figureText(t, format, r.figure).main}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Link
        href={`/pairings/${pairingId}/effect-tests`}
        className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline"
      >
        {t('detail.viewAll')}
      </Link>
    </Card>
  );
}
