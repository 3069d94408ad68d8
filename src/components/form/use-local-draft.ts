'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

export type Draft = { values: Record<string, string>; savedAt: number };
const PREFIX = 'hih-draft:';

export function draftStorageKey(key: string) {
  return PREFIX + key;
}

function read(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftStorageKey(key));
    const d = raw ? (JSON.parse(raw) as Draft) : null;
    return d && typeof d.savedAt === 'number' && d.values && typeof d.values === 'object' ? d : null;
  } catch {
    return null; // private mode, quota, or a draft from an older format
  }
}

/**
 * Keeps what was typed into a form in localStorage (per form and record id) until it is saved,
 * so a phone that reloads the page or loses the tab does not lose the text. `restored` is the
 * draft found on arrival (read after mounting: the server render never sees localStorage).
 */
export function useLocalDraft(key: string) {
  const [restored, setRestored] = useState<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration; the form re-mounts with the draft
    setRestored(read(key));
  }, [key]);
  const save = useCallback(
    (values: Record<string, string>) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        try {
          localStorage.setItem(draftStorageKey(key), JSON.stringify({ values, savedAt: Date.now() } satisfies Draft));
        } catch {
          /* storage full or disabled: the form still works, only without a draft */
        }
      }, 250);
    },
    [key],
  );
  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    try {
      localStorage.removeItem(draftStorageKey(key));
    } catch {
      /* nothing to remove */
    }
    setRestored(null);
  }, [key]);
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
