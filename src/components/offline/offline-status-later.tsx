'use client';
import { useEffect, useState } from 'react';
import type { OfflineStatus as Status, OfflineWords } from './offline-status';

/**
 * OfflineStatus, loaded once the page has shown. It renders nothing on the server nor before its
 * effects have run (the banners depend on the browser's state), so loading it after hydration shows
 * the same page: 1 KB gzip less in every page's first load (docs/performance.md). The chunk stays
 * in the service worker's static cache like every other, so it loads offline too.
 */
export function OfflineStatusLater(props: { owner: string; words: OfflineWords }) {
  const [Loaded, setLoaded] = useState<typeof Status | null>(null);
  useEffect(() => {
    let live = true;
    import('./offline-status').then(
      (m) => live && setLoaded(() => m.OfflineStatus),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}
