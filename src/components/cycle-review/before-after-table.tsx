/** A before/after table: one row per measure, the value at the start and at the end of the cycle. */
export function BeforeAfterTable({
  caption,
  headings,
  rows,
}: {
  caption: string;
  headings: { measure: string; before: string; after: string };
  rows: { key: string; label: string; before: string; after: string }[];
}) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-2">
              {headings.measure}
            </th>
            <th scope="col" className="p-2">
              {headings.before}
            </th>
            <th scope="col" className="p-2">
              {headings.after}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-stone-200">
              <th scope="row" className="p-2 font-normal">
                {r.label}
              </th>
              <td className="p-2 tabular-nums">{r.before}</td>
              <td className="p-2 tabular-nums">{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
