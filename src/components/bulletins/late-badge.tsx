/** The "补录 / late" mark beside an activity wherever it shows; words come translated from the caller. */
export function LateBadge({ state, label }: { state: 'PENDING' | 'APPROVED' | 'REJECTED'; label: string }) {
  const tone = {
    PENDING: 'border-amber-700 bg-amber-50 text-amber-950',
    APPROVED: 'border-sky-700 bg-sky-50 text-sky-950',
    REJECTED: 'border-red-700 bg-red-50 text-red-900',
  }[state];
  return (
    <span className={`inline-flex items-center rounded border px-1.5 text-xs ${tone}`} data-testid="late-badge" data-state={state}>
      {label}
    </span>
  );
}
