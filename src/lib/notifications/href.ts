/**
 * Where opening a notification may lead: a path of this app, never another site (a stored href is
 * written by our own code, but a redirect built from stored data is checked all the same).
 */
export function safeAppPath(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return null;
  // Control characters and backslashes let some browsers read a path as another origin.
  if (/[\u0000-\u001F\u007F\\]/.test(href)) return null;
  return href;
}
