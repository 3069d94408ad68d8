import { getFormatter, getTranslations } from 'next-intl/server';
import type { ComparisonRow, Grade, RollupRow } from '@/lib/cycle-review/rules';
import { BeforeAfterChart } from './before-after-chart';
import { BeforeAfterTable } from './before-after-table';

type Row = ComparisonRow | RollupRow;

/** The before/after of a pairing or a roll-up: the chart of the shares and the table of every measure. */
export async function Comparison({
  rows,
  kind,
  notes,
}: {
  rows: Row[];
  kind: 'pairing' | 'rollup';
  notes?: { before?: string; after?: string };
}) {
  const t = await getTranslations('cycleReview');
  const format = await getFormatter();
  const percent = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const label = (r: Row) => (kind === 'rollup' ? t(`rollup.key.${r.key as RollupRow['key']}`) : t(`key.${r.key as ComparisonRow['key']}`));
  const show = (r: Row, v: number | string | null) => {
    if (v == null) return '—';
    if (r.unit === 'grade') return t(`grade.${v as Grade}`);
    if (r.unit === 'percent') return percent(Number(v));
    if (r.unit === 'ratio') return format.number(Number(v), { maximumFractionDigits: 1 });
    return format.number(Number(v));
  };
  const shares = rows.filter((r) => r.unit === 'percent' && (r.before != null || r.after != null));
  return (
    <div className="flex flex-col gap-4">
      {shares.length > 0 && (
        <BeforeAfterChart
          title={t('chart.title')}
          beforeLabel={t('chart.before')}
          afterLabel={t('chart.after')}
          formatPercent={percent}
          rows={shares.map((r) => ({
            key: r.key,
            label: label(r),
            before: r.before == null ? null : Number(r.before),
            after: r.after == null ? null : Number(r.after),
          }))}
        />
      )}
      <BeforeAfterTable
        caption={t('table.caption')}
        headings={{
          measure: t('table.measure'),
          before: `${t('table.before')}${notes?.before ?? ''}`,
          after: `${t('table.after')}${notes?.after ?? ''}`,
        }}
        rows={rows.map((r) => ({ key: r.key, label: label(r), before: show(r, r.before), after: show(r, r.after) }))}
      />
    </div>
  );
}
