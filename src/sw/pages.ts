/**
 * What the service worker keeps of pages, and how a kept page says it is one. Pure functions of
 * URLs and responses, shared with the page (the cache's name, to drop it at sign-out).
 */
export const PAGES_CACHE = 'hih-pages';

/** Signed-in pages only: never the sign-in page, an API answer, a file or an export. */
export function isKeptPage(url: URL) {
  const p = url.pathname;
  return !(p === '/login' || p.startsWith('/api/') || p.startsWith('/serwist/') || p.startsWith('/_next/') || /\/export(\/|$)/.test(p));
}

export const OFFLINE_COPY_MARK = 'hih-offline-copy ';

/**
 * A kept page, marked so the page's banner says it is an offline copy and since when. The mark is a
 * comment beside <html>, outside what React hydrates: a tag in <head> is dropped whenever React
 * renders the document again on the client.
 */
export async function keptCopy(kept: Response) {
  const savedAt = new Date(kept.headers.get('date') ?? Date.now()).toISOString();
  const mark = `<!--${OFFLINE_COPY_MARK}${savedAt}-->`;
  const page = await kept.text();
  const html = /^\s*<!doctype[^>]*>/i.test(page) ? page.replace(/^\s*<!doctype[^>]*>/i, (d) => d + mark) : mark + page;
  const headers = new Headers(kept.headers);
  headers.delete('content-length');
  return new Response(html, { status: 200, headers });
}

/** Offline, a page never opened before: said in both languages (no catalogue is at hand here). */
export function noCopyPage() {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>没有网络连接 · No connection</title></head>
<body style="font-family:sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem;line-height:1.6;color:#1c1917"><main>
<h1 style="font-size:1.25rem">没有网络连接</h1><p>这个页面还没有离线副本。联网后再打开，或返回之前打开过的页面。</p>
<h2 style="font-size:1.1rem" lang="en">No connection</h2><p lang="en">This page has no offline copy yet. Open it again when you are online, or go back to a page you opened before.</p>
<p><a href="/" style="color:#115c3f">首页 · Home</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The time a page served as an offline copy was kept, from its mark; null for a page from the network. */
export function offlineCopySavedAt(doc: Document): string | null {
  for (const n of doc.childNodes)
    if (n.nodeType === 8 && n.nodeValue?.startsWith(OFFLINE_COPY_MARK)) return n.nodeValue.slice(OFFLINE_COPY_MARK.length);
  return null;
}
