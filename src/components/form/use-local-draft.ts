'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readDraft, removeDraft, writeDraft, type Draft } from './draft-store';
import { useDraftOwner } from './draft-owner';

/**
 * Keeps what was typed into a form in localStorage (per user, form and record id) until it is saved,
 * so a phone that reloads the page or loses the tab does not lose the text. `restored` is the
 * signed-in user's own draft found on arrival (read after mounting: the server render never sees
 * localStorage). Outside the signed-in shell there is no owner, and nothing is kept.
 */
export function useLocalDraft(key: string) {
  const owner = useDraftOwner();
  const [restored, setRestored] = useState<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration; the form re-mounts with the draft
    setRestored(owner && key ? readDraft(localStorage, owner, key) : null);
  }, [owner, key]);
  const save = useCallback(
    (values: Record<string, string>) => {
      if (!owner || !key) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => writeDraft(localStorage, owner, key, values), 250);
    },
    [owner, key],
  );
  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (owner) removeDraft(localStorage, owner, key);
    setRestored(null);
  }, [owner, key]);
  return { restored, save, discard };
}

/** Everything a form would post, as one string per field (repeated fields joined with commas). */
export function formSnapshot(form: HTMLFormElement, repeated: string[] = []) {
  const fd = new FormData(form);
  const values: Record<string, string> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== 'string' || k.startsWith('$')) continue;
    if (repeated.includes(k)) values[k] = values[k] ? `${values[k]},${v}` : v;
    else values[k] = v;
  }
  return values;
}
