import type { ActionState } from '@/lib/action-state';

/** The outcome of the last submission, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
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
