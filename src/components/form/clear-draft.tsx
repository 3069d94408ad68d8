'use client';
import { useEffect } from 'react';
import { draftStorageKey } from './use-local-draft';

/** Rendered on the page a successful save lands on: the local drafts of that form are done with. */
export function ClearDraft({ keys }: { keys: string[] }) {
  const joined = keys.join('|');
  useEffect(() => {
    for (const k of joined.split('|')) {
      try {
        localStorage.removeItem(draftStorageKey(k));
      } catch {
        /* storage unavailable */
      }
    }
  }, [joined]);
  return null;
}
