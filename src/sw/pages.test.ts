import { describe, expect, it } from 'vitest';
import { isKeptPage, keptCopy, noCopyPage, offlineCopySavedAt } from './pages';

const doc = (html: string) => {
  // The parser puts a comment before <html> among the document's own children: the same shape here.
  const comments = [...html.matchAll(/<!--([\s\S]*?)-->(?=[\s\S]*<html)/g)].map((m) => ({ nodeType: 8, nodeValue: m[1] }));
  return { childNodes: [{ nodeType: 10, nodeValue: null }, ...comments] } as unknown as Document;
};

describe('pages the service worker keeps', () => {
  it('keeps signed-in pages only: never the sign-in page, the API, files, exports or the worker itself', () => {
    for (const p of ['/director', '/activities', '/activities/abc?saved=1', '/pairings/x'])
      expect(isKeptPage(new URL(p, 'http://h'))).toBe(true);
    for (const p of [
      '/login',
      '/api/files/abc',
      '/api/v1/activities',
      '/activities/export',
      '/effect-tests/export?x=1',
      '/serwist/sw.js',
      '/_next/static/a.js',
    ])
      expect(isKeptPage(new URL(p, 'http://h'))).toBe(false);
  });

  it('marks a kept page as an offline copy with the time it was kept, after the doctype, keeping its headers', async () => {
    const kept = new Response('<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/></head><body>活动</body></html>', {
      headers: {
        'content-type': 'text/html',
        date: 'Mon, 30 Nov 2026 06:00:00 GMT',
        'content-security-policy': "script-src 'nonce-abc'",
        'content-length': '99',
      },
    });
    const copy = await keptCopy(kept);
    const html = await copy.text();
    expect(html.startsWith('<!DOCTYPE html><!--hih-offline-copy 2026-11-30T06:00:00.000Z--><html')).toBe(true);
    expect(copy.headers.get('content-security-policy')).toBe("script-src 'nonce-abc'");
    expect(copy.headers.get('content-length')).toBeNull();
    expect(offlineCopySavedAt(doc(html))).toBe('2026-11-30T06:00:00.000Z');
  });

  it('a page from the network carries no mark; a page never kept says so in both languages', async () => {
    expect(offlineCopySavedAt(doc('<!DOCTYPE html><html><body></body></html>'))).toBeNull();
    const none = noCopyPage();
    expect(none.status).toBe(503);
    const text = await none.text();
    expect(text).toContain('没有网络连接');
    expect(text).toContain('No connection');
  });
});
