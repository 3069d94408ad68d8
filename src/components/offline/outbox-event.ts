/**
 * The small part of the device's queue (outbox.ts) that every page needs without loading it:
 * its change event, its synchronous count for the sign-out question, and clearing it at sign-out.
 */
export const OUTBOX_CHANGED = 'hih-outbox-changed';
export const OUTBOX_DB = 'hih-offline';
export const COUNT_KEY = 'hih-outbox-count';

export function pendingCount() {
  try {
    return Number(localStorage.getItem(COUNT_KEY) ?? 0);
  } catch {
    return 0;
  }
}

/** At sign-out: nothing of this person's stays for the next one at a shared phone. */
export function clearDevice() {
  try {
    localStorage.removeItem(COUNT_KEY);
    indexedDB.deleteDatabase(OUTBOX_DB);
  } catch {
    /* storage disabled: nothing was kept either */
  }
}
