import type { ActionState } from '@/lib/action-state';
import { RetryKept } from './retry-kept';

/** The outcome of the last submission, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  if (state.offline) {
    // Not an error of theirs: what they typed is kept and goes out again by itself.
    return (
      <div
        role="alert"
        data-testid="kept-offline"
        className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      >
        <p>{state.message}</p>
        <RetryKept />
      </div>
    );
  }
  const ok = state.status === 'ok';
  return (
    <p
      role={ok ? 'status' : 'alert'}
      className={`rounded-md border px-3 py-2 text-sm ${ok ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-red-700 bg-red-50 text-red-900'}`}
    >
      {state.message}
    </p>
  );
}
