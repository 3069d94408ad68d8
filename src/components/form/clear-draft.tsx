'use client';
import { useEffect } from 'react';
import { removeDraft } from './draft-store';
import { useDraftOwner } from './draft-owner';

/** Rendered on the page a successful save lands on: the local drafts of that form are done with. */
export function ClearDraft({ keys }: { keys: string[] }) {
  const owner = useDraftOwner();
  const joined = keys.join('|');
  useEffect(() => {
    if (!owner) return;
    for (const k of joined.split('|')) removeDraft(localStorage, owner, k);
  }, [owner, joined]);
  return null;
}
