import { DRAFT_PREFIX } from './draft-sweep';

/**
 * Where unsaved form drafts live in the browser's localStorage, and whose they are. A shared computer
 * (a kindergarten office, a bureau desk) is used by several people one after another: a draft is
 * stored under its owner's user id, carries the owner inside it too, is shown only to that owner, and
 * every draft is removed at sign-out (see sign-out-button.tsx).
 */
export type Draft = { owner: string; values: Record<string, string>; savedAt: number };

// The prefix and the sweep at sign-out live in draft-sweep.ts (every page loads it); here as before.
export { DRAFT_PREFIX, removeAllDrafts } from './draft-sweep';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** One key per user, form and record: 'hih-draft:<user id>:activity:new'. */
export function draftStorageKey(owner: string, key: string) {
  return `${DRAFT_PREFIX}${owner}:${key}`;
}

/** The draft stored for `owner` under `key`, or null: someone else's, malformed, or none. */
export function readDraft(store: Store, owner: string, key: string): Draft | null {
  try {
    const raw = store.getItem(draftStorageKey(owner, key));
    const d = raw ? (JSON.parse(raw) as Partial<Draft>) : null;
    // The owner inside is checked too: a key can be written by anything running on this origin.
    if (!d || d.owner !== owner || typeof d.savedAt !== 'number' || !d.values || typeof d.values !== 'object') return null;
    return d as Draft;
  } catch {
    return null; // private mode, or a draft from an older format
  }
}

export function writeDraft(store: Store, owner: string, key: string, values: Record<string, string>, now = Date.now()) {
  try {
    store.setItem(draftStorageKey(owner, key), JSON.stringify({ owner, values, savedAt: now } satisfies Draft));
  } catch {
    /* storage full or disabled: the form still works, only without a draft */
  }
}

export function removeDraft(store: Store, owner: string, key: string) {
  try {
    store.removeItem(draftStorageKey(owner, key));
  } catch {
    /* nothing to remove */
  }
}
