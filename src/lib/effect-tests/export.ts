import 'server-only';
import { buildWorkbook } from '@/lib/spreadsheet/write';
import { figureText, memoizeFormatting, semesterLabel } from '@/components/effect-tests/figure';
import { TEST_IDS } from './evaluate';
import type { DashboardData } from './dashboard';

type T = Parameters<typeof figureText>[0];
type F = Parameters<typeof figureText>[1];

/** The dashboard table as the page shows it: one row per pairing, a status and a figure per test. */
export async function buildEffectTestsExport(data: DashboardData, tRaw: T, formatRaw: F) {
  const { t, format } = memoizeFormatting(tRaw, formatRaw);
  const ev = data.evaluation;
  const columns = [
    { header: t('supporting'), width: 28 },
    { header: t('assisted'), width: 28 },
    ...TEST_IDS.flatMap((id) => [
      { header: `${id} ${t(`testName.${id}`)} · ${t('status')}`, width: 14 },
      { header: `${id} ${t(`testName.${id}`)}`, width: 30 },
    ]),
  ];
  const rows = data.rows.map((p) => [
    p.supporting.name,
    p.assisted.name,
    ...TEST_IDS.flatMap((id) => {
      const r = p.results[id];
      const fig = figureText(t, format, r.figure);
      return [t(`statusName.${r.status}`), r.status === 'NOT_APPLICABLE' ? '' : [fig.main, fig.extra].filter(Boolean).join('；')];
    }),
  ]);
  const name = ev ? semesterLabel(t, ev.period.semester, true) : t('title');
  // Excel refuses these characters in sheet names, and names longer than 31.
  return buildWorkbook([{ name: name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), columns, rows }]);
}
