/**
 * Geometry of the before/after chart (server-rendered SVG, no chart library): one group per measure,
 * a bar for the baseline and one for the end, on a 0–100 % scale. A missing value draws no bar.
 */
export type PairedValue = { key: string; label: string; before: number | null; after: number | null };
export type Bar = { x: number; y: number; width: number; height: number; value: number };
export type PairedGroup = { key: string; label: string; labelY: number; before: Bar | null; after: Bar | null };

export const CHART = { width: 640, labelWidth: 170, valueWidth: 48, bar: 14, gap: 4, groupGap: 14, top: 8, bottom: 24 } as const;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function pairedBars(rows: PairedValue[]): { height: number; plotLeft: number; plotWidth: number; groups: PairedGroup[] } {
  const plotLeft = CHART.labelWidth;
  const plotWidth = CHART.width - CHART.labelWidth - CHART.valueWidth;
  const groupHeight = CHART.bar * 2 + CHART.gap;
  const groups = rows.map((r, i) => {
    const top = CHART.top + i * (groupHeight + CHART.groupGap);
    const bar = (v: number | null, y: number): Bar | null =>
      v == null ? null : { x: plotLeft, y, width: Math.round(clamp(v) * plotWidth * 10) / 10, height: CHART.bar, value: v };
    return {
      key: r.key,
      label: r.label,
      labelY: top + groupHeight / 2,
      before: bar(r.before, top),
      after: bar(r.after, top + CHART.bar + CHART.gap),
    };
  });
  const height = CHART.top + rows.length * (groupHeight + CHART.groupGap) - CHART.groupGap + CHART.bottom;
  return { height, plotLeft, plotWidth, groups };
}
