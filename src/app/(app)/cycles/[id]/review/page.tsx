import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { getCycleRollup, listSummaries } from '@/lib/cycle-review/queries';
import { rollupRows } from '@/lib/cycle-review/rules';
import { searchId } from '@/lib/schema-fields';
import { regionName } from '@/i18n/region-name';
import { Card, PageHeader } from '@/components/ui/page-header';
import { Comparison } from '@/components/cycle-review/comparison';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('cycleReview.rollup.title');

/** The cycle's before/after and totals per county and for the city: the city all counties, a county admin its own. */
export default async function CycleRollupPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ county?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const county = searchId.parse((await searchParams).county);
  const r = await getCycleRollup(user, id, county);
  if (!r) return denyAccess(user, { entityType: 'Cycle', entityId: id, path: `/cycles/${id}/review` });
  const [t, format, locale, summaries] = await Promise.all([
    getTranslations('cycleReview'),
    getFormatter(),
    getLocale(),
    listSummaries(user),
  ]);
  const name = (c: { name: string; nameEn: string | null }) => regionName(c, locale);
  const total = r.rows.find((x) => x.countyId === null)!;
  const chosenRow = r.chosen ? r.rows.find((x) => x.countyId === r.chosen!.id) : null;
  const state = (ms: { kind: string; confirmedAt: Date | null }[], kind: 'BASELINE' | 'END') => {
    const m = ms.find((x) => x.kind === kind);
    return t(`rollup.state.${!m ? 'none' : m.confirmedAt ? 'confirmed' : 'recorded'}`);
  };
  const compared = (row: { after: { n: number } | null }) =>
    row.after ? t('rollup.compared', { n: row.after.n }) : t('rollup.noneCompared');
  return (
    <>
      <PageHeader title={`${t('rollup.title')} · ${r.cycle.name}`}>
        <Link href="/cycle-review" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('index.title')}
        </Link>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{t('rollup.intro')}</p>

      <Card className="mb-4">
        <h2 className="mb-1 font-semibold">{r.isCity ? t('rollup.city') : name(r.counties[0])}</h2>
        <p className="mb-3 text-sm text-stone-700" data-testid="rollup-compared">
          {compared(total)}
        </p>
        <Comparison rows={rollupRows(total.before, total.after)} kind="rollup" />
      </Card>

      {r.isCity && (
        <Card className="mb-4">
          <div className="overflow-x-auto" tabIndex={0}>
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t('rollup.title')}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">
                    {t('rollup.county')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('totals.pairings')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('totals.done')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('totals.hours')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('totals.donations')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('totals.sessions')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('rollup.key.excellentRate')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('rollup.key.standardMeetsShare')}
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t('rollup.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.counties.map((c) => {
                  const row = r.rows.find((x) => x.countyId === c.id)!;
                  const rr = rollupRows(row.before, row.after);
                  const cell = (k: 'excellentRate' | 'standardMeetsShare') => {
                    const x = rr.find((y) => y.key === k)!;
                    const f = (v: number | null) => (v == null ? '—' : format.number(v, { style: 'percent', maximumFractionDigits: 0 }));
                    return `${f(x.before)} → ${f(x.after)}`;
                  };
                  return (
                    <tr key={c.id} className="border-b border-stone-200">
                      <th scope="row" className="p-2 font-normal">
                        {name(c)}
                      </th>
                      <td className="p-2 tabular-nums">{format.number(row.totals.pairings)}</td>
                      <td className="p-2 tabular-nums">{format.number(row.totals.done)}</td>
                      <td className="p-2 tabular-nums">{format.number(row.totals.hours)}</td>
                      <td className="p-2 tabular-nums">{format.number(row.totals.donations)}</td>
                      <td className="p-2 tabular-nums">{format.number(row.totals.mentoringSessions)}</td>
                      <td className="p-2 tabular-nums">{cell('excellentRate')}</td>
                      <td className="p-2 tabular-nums">{cell('standardMeetsShare')}</td>
                      <td className="p-2">
                        <Link href={`/cycles/${r.cycle.id}/review?county=${c.id}`} className="text-brand-800 underline">
                          {t('rollup.show')}
                          <span className="sr-only">：{name(c)}</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      {r.chosen && chosenRow && (
        <Card className="mb-4" id="county">
          <h2 className="mb-1 font-semibold">{t('rollup.pairingsIn', { county: name(r.chosen) })}</h2>
          {r.isCity && (
            <div className="mb-3">
              <p className="mb-2 text-sm text-stone-700">{compared(chosenRow)}</p>
              <Comparison rows={rollupRows(chosenRow.before, chosenRow.after)} kind="rollup" />
            </div>
          )}
          {r.pairings.length === 0 ? (
            <p className="text-sm text-stone-600">{t('rollup.noPairings')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {r.pairings.map((p) => (
                <li key={p.id}>
                  <Link href={`/pairings/${p.id}/review`} className="text-brand-800 underline">
                    {p.supporting.name} · {p.assisted.name}
                  </Link>{' '}
                  · {t('rollup.baseline')} {state(p.measurements, 'BASELINE')} · {t('rollup.end')} {state(p.measurements, 'END')}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <Card>
        <h2 className="mb-2 font-semibold">{t('rollup.summaries')}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {(summaries.get(r.cycle.id) ?? []).map((s) => (
            <li key={s.scope}>
              <Link href={`/cycles/${r.cycle.id}/summary/${s.scope}`} className="text-brand-800 underline">
                {name(s)}
              </Link>{' '}
              · {t(`summary.status.${s.status}`)}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
