import type { ReviewState } from '@/lib/annual-plans/due';

const STYLE: Record<ReviewState, string> = {
  notSubmitted: 'border-stone-300 bg-stone-50 text-stone-700',
  submitted: 'border-sky-300 bg-sky-50 text-sky-900',
  returned: 'border-amber-400 bg-amber-50 text-amber-900',
  filed: 'border-emerald-400 bg-emerald-50 text-emerald-900',
  overdue: 'border-red-400 bg-red-50 text-red-900',
};

/** A review state in words (never by colour alone). */
export function ReviewStateBadge({ state, label }: { state: ReviewState; label: string }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 text-xs font-medium ${STYLE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
