'use client';
import { startTransition, useActionState, useCallback, useEffect, useRef } from 'react';
import { formValues, type ActionState } from '@/lib/action-state';
import { useOfflineText } from '@/components/offline/offline-text';

/** Forms whose send failed for want of a network, each with its way to send again. */
const kept = new Set<() => void>();

/** Sends again every form on the page that is waiting for the network (the "retry" button). */
export function retryKeptForms() {
  for (const retry of [...kept]) retry();
}

/**
 * A fetch that never reached the server (or whose answer never came back) rejects with a TypeError
 * in every browser ("Failed to fetch", "Load failed", "NetworkError…"); offline is offline whatever
 * the error says.
 */
export function isNetworkFailure(e: unknown) {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || e instanceof TypeError;
}

/**
 * `useActionState` for every form: when the network fails (the device is offline, or the fetch of
 * the server action rejects), the form does not land on the error page. It keeps what was typed,
 * says "no connection — kept on this device" in the user's language, and sends again by itself
 * when the `online` event fires (or when the person taps retry). Errors the server answered are
 * untouched. `values` turns the form data into what the form shows again (repeated fields).
 */
export function useFormAction<S extends ActionState>(
  action: (state: S, formData: FormData) => Promise<S>,
  initial: S,
  options: { values?: (formData: FormData) => Record<string, string> } = {},
): [state: S, dispatch: (formData: FormData) => void, pending: boolean] {
  const text = useOfflineText();
  const last = useRef<FormData | null>(null);
  const { values } = options;
  const guarded = useCallback(
    async (prev: S, formData: FormData): Promise<S> => {
      last.current = formData;
      const keep = (): S => ({
        ...prev,
        status: 'error',
        message: text.kept,
        values: values ? values(formData) : typedValues(formData),
        conflict: undefined,
        offline: true,
      });
      // Offline, the fetch fails at once: the same path as a dropped connection.
      try {
        return await action(prev, formData);
      } catch (e) {
        if (isNetworkFailure(e)) return keep();
        throw e;
      }
    },
    [action, text.kept, values],
  );
  const [state, dispatch, pending] = useActionState<S, FormData>(guarded, initial as Awaited<S>);
  useEffect(() => {
    if (!state.offline) return;
    const retry = () => {
      const formData = last.current;
      if (formData) startTransition(() => dispatch(formData));
    };
    kept.add(retry);
    window.addEventListener('online', retry);
    return () => {
      kept.delete(retry);
      window.removeEventListener('online', retry);
    };
  }, [state, dispatch]);
  return [state, dispatch, pending];
}

/**
 * What the form shows again: one string per field, a repeated field's values joined with commas as
 * the actions keep them (checked members, participants). Passwords never, as the server's answers
 * never carry them (action-state.ts).
 */
function typedValues(formData: FormData) {
  const values = formValues(
    formData,
    [...formData.keys()].filter((k) => /password/i.test(k)),
  );
  for (const k of Object.keys(values)) {
    const all = formData.getAll(k).filter((v) => typeof v === 'string');
    if (all.length > 1) values[k] = all.join(',');
  }
  return values;
}
