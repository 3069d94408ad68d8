'use client';
import { removeAllDrafts } from '@/components/form/draft-sweep';
import { useOfflineText } from '@/components/offline/offline-text';
import { clearDevice, pendingCount } from '@/components/offline/outbox-event';
import { PAGES_CACHE } from '@/sw/pages';

/**
 * Sign-out removes every unsaved draft from this browser before the session ends: the next person
 * at a shared computer must not find them (drafts are also stored per user, see draft-store.ts).
 * So go the pages kept for reading offline and the sends still waiting on the device (asked first).
 */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  const text = useOfflineText();
  function forget(e: React.FormEvent) {
    const waiting = pendingCount();
    if (waiting > 0 && !confirm(text.signOutPending.replace('{count}', String(waiting)))) {
      e.preventDefault();
      return;
    }
    removeAllDrafts(localStorage);
    clearDevice();
    if ('caches' in window) caches.delete(PAGES_CACHE).catch(() => {});
  }
  return (
    <form action={action} onSubmit={forget}>
      <button type="submit" className="min-h-11 rounded-md px-2 text-sm sm:px-3 underline-offset-2 hover:underline">
        {label}
      </button>
    </form>
  );
}
