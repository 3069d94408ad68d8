'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import Link from '@/components/ui/link';
import { usePathname, useRouter } from 'next/navigation';
import { offlineCopySavedAt, PAGES_CACHE } from '@/sw/pages';
import { OUTBOX_CHANGED } from './outbox-event';

// Loaded after the page shows: most pages never queue anything, and the dashboards count every kilobyte.
const outbox = () => import('./outbox');

export type OfflineWords = {
  banner: string;
  /** With a {time} placeholder. */
  offlineCopy: string;
  /** With a {count} placeholder. */
  waiting: string;
  waitingHelp: string;
  sendNow: string;
  returned: string;
  openForm: string;
};

const OWNER_KEY = 'hih-offline-owner';

/**
 * Top of every signed-in page: registers the service worker, says when the device is offline and
 * when the page is a kept offline copy, and sends what waits on the device (the queued activities
 * of outbox.ts) when the network comes back. Words come as props: the dashboards load no next-intl
 * in the browser (decision 011).
 */
export function OfflineStatus({ owner, words }: { owner: string; words: OfflineWords }) {
  const router = useRouter();
  const pathname = usePathname();
  const [online, setOnline] = useState(true);
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [queued, setQueued] = useState(0);
  const [returned, setReturned] = useState(false);
  const firstPage = useRef(true);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    const savedAt = offlineCopySavedAt(document);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the mark is in the document the service worker served
    setCopyOf(
      savedAt
        ? new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(savedAt))
        : null,
    );
  }, [pathname]);

  useEffect(() => {
    // Someone else signed in on this browser since (a session that ended without signing out): their
    // kept pages go before this person can open them offline.
    try {
      const before = localStorage.getItem(OWNER_KEY);
      if (before !== owner) {
        if (before && 'caches' in window) caches.delete(PAGES_CACHE).catch(() => {});
        localStorage.setItem(OWNER_KEY, owner);
      }
    } catch {
      /* storage disabled */
    }
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/serwist/sw.js', { scope: '/' }).catch(() => {});
  }, [owner]);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const first = firstPage.current;
    firstPage.current = false;
    // A page loaded through the worker was kept by it already; the router's moves between pages were not.
    if (first && navigator.serviceWorker.controller) return;
    if (!navigator.onLine || offlineCopySavedAt(document)) return;
    const url = window.location.href;
    navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: 'hih-keep-page', url })).catch(() => {});
  }, [pathname]);

  const count = useCallback(async () => {
    const entries = await outbox()
      .then((o) => o.waiting(owner))
      .catch(() => []);
    setQueued(entries.length);
    return entries;
  }, [owner]);

  const sendAll = useCallback(async () => {
    if (!navigator.onLine) return;
    let sent = false;
    const { deliver, returnToForm } = await outbox();
    for (const entry of await count()) {
      const r = await deliver(owner, entry.key).catch(() => null);
      if (r?.outcome === 'sent') sent = true;
      if (r?.outcome === 'refused') {
        // Sent in the background and refused (the form needs a correction): back into the form, photos too.
        await returnToForm(owner, entry);
        setReturned(true);
      }
    }
    await count();
    if (sent) router.refresh();
  }, [count, owner, router]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- IndexedDB is read after mounting
    sendAll();
    const recount = () => void count();
    window.addEventListener('online', sendAll);
    window.addEventListener(OUTBOX_CHANGED, recount);
    return () => {
      window.removeEventListener('online', sendAll);
      window.removeEventListener(OUTBOX_CHANGED, recount);
    };
  }, [sendAll, count]);

  if (online && !copyOf && queued === 0 && !returned) return null;
  return (
    <div className="sticky top-0 z-20 mb-3 flex flex-col gap-2" aria-live="polite">
      {!online && (
        <p
          role="status"
          data-testid="offline-banner"
          className="rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950"
        >
          {words.banner}
        </p>
      )}
      {copyOf && (
        <p data-testid="offline-copy" className="rounded-md border border-stone-400 bg-stone-100 px-3 py-2 text-sm text-stone-900">
          {words.offlineCopy.replace('{time}', copyOf)}
        </p>
      )}
      {queued > 0 && (
        <div
          data-testid="outbox-status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-700 bg-sky-50 px-3 py-2 text-sm text-sky-950"
        >
          <p>
            <span className="font-medium">{words.waiting.replace('{count}', String(queued))}</span> {words.waitingHelp}
          </p>
          {online && (
            <button type="button" onClick={sendAll} className="min-h-11 rounded-md border border-sky-700 bg-white px-3">
              {words.sendNow}
            </button>
          )}
        </div>
      )}
      {returned && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
          {words.returned}{' '}
          <Link href="/activities/new" className="font-medium underline">
            {words.openForm}
          </Link>
        </p>
      )}
    </div>
  );
}
