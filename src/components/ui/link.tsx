'use client';
import { useRouter } from 'next/navigation';

/**
 * A link that moves between the app's pages without reloading, like next/link, for a fraction of
 * its weight: next/link and what it pulls in (its prefetching on sight, URL objects, its merged
 * refs) were 6 KB gzip of every page's first load, counted twice because two chunks carried it
 * (docs/performance.md, "What the first-load kilobytes are"). No prefetching: every signed-in page
 * is rendered per request, so a prefetch fetched little beyond the route tree, once per link in
 * view, on the weak networks the app is used on (decision 010 already chose plain links for the
 * dashboards' tables for that reason).
 * A plain left click on a link to this origin goes through the router; anything else (a new tab,
 * a download, another site) is left to the browser, as next/link does.
 */
export default function Link({ href, onClick, ...rest }: React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const router = useRouter();
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        if ((rest.target && rest.target !== '_self') || rest.download !== undefined) return;
        const url = new URL(href, window.location.href);
        if (url.origin !== window.location.origin) return;
        e.preventDefault();
        router.push(url.pathname + url.search + url.hash);
      }}
    />
  );
}
