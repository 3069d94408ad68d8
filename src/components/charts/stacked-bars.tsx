/**
 * A stacked bar chart drawn on the server as SVG: no chart library reaches the browser.
 * The same numbers are given as a table for screen readers (and for anyone who prefers figures).
 */
export type StackedBarsData = {
  categories: { key: string; label: string }[];
  series: { key: string; label: string; color: string }[];
  /** values[categoryKey][seriesKey] */
  values: Record<string, Record<string, number>>;
};

const W = 640;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };

function niceMax(n: number) {
  if (n <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / magnitude) * magnitude;
}

export function StackedBars({
  data,
  title,
  tableCaption,
  formatNumber,
}: {
  data: StackedBarsData;
  title: string;
  tableCaption: string;
  formatNumber: (n: number) => string;
}) {
  const totals = data.categories.map((c) => data.series.reduce((sum, s) => sum + (data.values[c.key]?.[s.key] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = innerW / Math.max(1, data.categories.length);
  const barW = Math.max(4, band * 0.6);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, max / 2, max];
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="h-auto w-full">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#d6d3d1" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#57534e">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {data.categories.map((c, i) => {
          let acc = 0;
          const x = PAD.left + i * band + (band - barW) / 2;
          return (
            <g key={c.key}>
              {data.series.map((s) => {
                const v = data.values[c.key]?.[s.key] ?? 0;
                if (!v) return null;
                const top = y(acc + v);
                const height = y(acc) - top;
                acc += v;
                return <rect key={s.key} x={x} y={top} width={barW} height={height} fill={s.color} />;
              })}
              <text x={x + barW / 2} y={H - 10} textAnchor="middle" fontSize={11} fill="#44403c">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700" aria-hidden="true">
        {data.series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-700">{tableCaption}</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 min-w-full text-left text-xs">
            <caption className="sr-only">{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="p-1" />
                {data.series.map((s) => (
                  <th key={s.key} scope="col" className="p-1">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.categories.map((c) => (
                <tr key={c.key} className="border-t border-stone-200">
                  <th scope="row" className="p-1 font-normal">
                    {c.label}
                  </th>
                  {data.series.map((s) => (
                    <td key={s.key} className="p-1 tabular-nums">
                      {formatNumber(data.values[c.key]?.[s.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
