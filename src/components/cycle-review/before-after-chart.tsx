import { CHART, pairedBars, type PairedValue } from '@/lib/cycle-review/chart';

const BEFORE = '#a8a29e';
const AFTER = '#0f766e';

/**
 * Before and after as paired bars, drawn on the server as SVG (no chart library reaches the browser).
 * The table beside it carries the same figures for screen readers and for anyone who prefers them.
 */
export function BeforeAfterChart({
  rows,
  title,
  beforeLabel,
  afterLabel,
  formatPercent,
}: {
  rows: PairedValue[];
  title: string;
  beforeLabel: string;
  afterLabel: string;
  formatPercent: (v: number) => string;
}) {
  const { height, groups } = pairedBars(rows);
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${CHART.width} ${height}`} role="img" aria-label={title} className="h-auto w-full max-w-2xl">
        {groups.map((g) => (
          <g key={g.key}>
            <text x={CHART.labelWidth - 8} y={g.labelY + 4} textAnchor="end" fontSize={12} fill="#292524">
              {g.label}
            </text>
            {(
              [
                ['before', g.before, BEFORE],
                ['after', g.after, AFTER],
              ] as const
            ).map(([k, bar, color]) =>
              bar ? (
                <g key={k}>
                  <rect x={bar.x} y={bar.y} width={Math.max(1, bar.width)} height={bar.height} fill={color} rx={2} />
                  <text x={bar.x + bar.width + 4} y={bar.y + bar.height - 3} fontSize={11} fill="#44403c">
                    {formatPercent(bar.value)}
                  </text>
                </g>
              ) : null,
            )}
          </g>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-stone-700" aria-hidden="true">
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm" style={{ background: BEFORE }} />
          {beforeLabel}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm" style={{ background: AFTER }} />
          {afterLabel}
        </span>
      </figcaption>
    </figure>
  );
}
