import 'server-only';
import { streamWorkbook } from '@/lib/spreadsheet/stream';
import { figureText, memoizeFormatting, semesterLabel } from '@/components/effect-tests/figure';
import { TEST_IDS, type Figure } from './evaluate';
import type { DashboardData } from './dashboard';
import type { DashboardFilters } from './filters';

type T = Parameters<typeof figureText>[0];
type F = Parameters<typeof figureText>[1];

/** What the file says about how it was made: the filters, the counties' names, the city's date. */
export type ExportContext = { filters: DashboardFilters; countyNames: Map<string, string>; madeOn: string };

/**
 * A figure's value and target as numbers, so a column sorts and sums in Excel and WPS. Rates stay
 * fractions (0.4) under a percent format; figures that are no count (plan, assessment) have none.
 */
function numbers(f: Figure): { value: number | null; target: number | null } {
  switch (f.kind) {
    case 'months':
      return { value: f.visited, target: f.required };
    case 'hours':
    case 'count':
      return { value: f.have, target: f.need };
    case 'docs':
      return { value: f.complete, target: f.done };
    case 'rates':
      return { value: f.excellentRate, target: f.excellentTarget };
    case 'programme':
      return { value: f.records, target: null };
    default:
      return { value: null, target: null };
  }
}

/** A figure made of more than its value and target (both rates, a plan, an assessment) keeps its words. */
const COUNTED = new Set<Figure['kind']>(['months', 'hours', 'count']);

/**
 * The dashboard table as the page shows it, one row per pairing: the counties, then per test its
 * status, value, target and a note. A second sheet states the filters the file was made with (the
 * first sheet keeps its header on row 1, so it filters and sorts as a plain table). Streamed: each
 * row is made as it is written, so the city's file starts downloading at once.
 */
export function streamEffectTestsExport(data: DashboardData, tRaw: T, formatRaw: F, context: ExportContext) {
  const { t, format } = memoizeFormatting(tRaw, formatRaw);
  const ev = data.evaluation;
  const county = (id: string) => context.countyNames.get(id) ?? '';
  // Most pairings lie in one county; one across two names both, supporting side first.
  const countyOf = (p: DashboardData['rows'][number]) => {
    const [a, b] = [county(p.supporting.countyId), county(p.assisted.countyId)];
    return a === b ? a : `${a} → ${b}`;
  };
  const rateColumn = (id: string) => data.rows.some((p) => p.results[id as (typeof TEST_IDS)[number]].figure.kind === 'rates');
  const columns = [
    { header: t('supporting'), width: 28 },
    { header: t('assisted'), width: 28 },
    { header: t('exportSheet.county'), width: 14 },
    ...TEST_IDS.flatMap((id) => {
      const name = `${id} ${t(`testName.${id}`)}`;
      const numFmt = rateColumn(id) ? '0%' : undefined;
      return [
        { header: `${name} · ${t('status')}`, width: 14 },
        { header: `${name} · ${t('exportSheet.value')}`, width: 12, numFmt },
        { header: `${name} · ${t('exportSheet.target')}`, width: 12, numFmt },
        { header: `${name} · ${t('exportSheet.note')}`, width: 24 },
      ];
    }),
  ];
  function* rows() {
    for (const p of data.rows) {
      yield [
        p.supporting.name,
        p.assisted.name,
        countyOf(p),
        ...TEST_IDS.flatMap((id) => {
          const r = p.results[id];
          if (r.status === 'NOT_APPLICABLE') return [t(`statusName.${r.status}`), null, null, ''];
          const { value, target } = numbers(r.figure);
          const fig = figureText(t, format, r.figure);
          const note = COUNTED.has(r.figure.kind) ? (fig.extra ?? '') : [fig.main, fig.extra].filter(Boolean).join('；');
          return [t(`statusName.${r.status}`), value, target, note];
        }),
      ];
    }
  }
  const f = context.filters;
  // Only the city chooses a county (loadDashboard ignores it for anyone else); a county admin's
  // file is of their scope, named by the counties its rows lie in.
  const countyFilter = () => {
    if (data.counties.length) return f.county ? (context.countyNames.get(f.county) ?? '') : t('exportSheet.all');
    return [...new Set(data.rows.map(countyOf))].join('、') || '—';
  };
  const filterRows: string[][] = [
    [t('period'), ev ? semesterLabel(t, ev.period.semester) : '—'],
    [t('county'), countyFilter()],
    [t('test'), f.test ? `${f.test} ${t(`testName.${f.test}`)}` : t('allTests')],
    [t('status'), f.status ? t(`statusName.${f.status}`) : t('anyStatus')],
    [t('search'), f.q ?? '—'],
    [t('sort'), f.sort === 'name' ? t('sortName') : t('sortRisk')],
    [t('exportSheet.rows'), String(data.rows.length)],
    [t('exportSheet.madeOn'), context.madeOn],
  ];
  const name = ev ? semesterLabel(t, ev.period.semester, true) : t('title');
  // Excel refuses these characters in sheet names, and names longer than 31.
  const sheetName = (s: string) => s.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31);
  return streamWorkbook([
    { name: sheetName(name), columns, rows: rows() },
    {
      name: sheetName(t('exportSheet.filtersSheet')),
      columns: [
        { header: t('exportSheet.filter'), width: 16 },
        { header: t('exportSheet.filterValue'), width: 40 },
      ],
      rows: filterRows,
    },
  ]);
}
