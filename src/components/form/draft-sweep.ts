/**
 * The drafts' key prefix and their removal at sign-out, apart from draft-store.ts: the sign-out
 * button is on every page, the rest of the store only on pages with a form.
 */
export const DRAFT_PREFIX = 'hih-draft:';

type Store = Pick<Storage, 'removeItem' | 'key' | 'length'>;

/** Removes every draft of every user (and those of older versions, which had no owner): at sign-out. */
export function removeAllDrafts(store: Store) {
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(DRAFT_PREFIX)) keys.push(k);
    }
    for (const k of keys) store.removeItem(k);
  } catch {
    /* storage unavailable: nothing was stored either */
  }
}
