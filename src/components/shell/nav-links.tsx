'use client';
import { useEffect, useRef, useState } from 'react';
import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';

/**
 * On a phone the menu is wider than the screen and scrolls sideways; phones hide scroll bars, so
 * a fade and an arrow at the edge where more items wait say that it scrolls (the arrow also
 * scrolls it, for those who tap rather than swipe).
 */
export function NavLinks({ items, moreLabel }: { items: { href: string; label: string }[]; moreLabel: string }) {
  const pathname = usePathname();
  const list = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ left: false, right: false });

  useEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const measure = () => setMore({ left: ul.scrollLeft > 1, right: ul.scrollLeft + ul.clientWidth < ul.scrollWidth - 1 });
    // The current page's item in view, even when it sits beyond the screen's edge. Not with
    // scrollIntoView: that would also scroll the page back up to the menu, away from a link's #target.
    const current = ul.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && current.offsetLeft + current.offsetWidth > ul.scrollLeft + ul.clientWidth) ul.scrollLeft = current.offsetLeft - 8;
    measure();
    ul.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      ul.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [pathname]);

  const edge = 'pointer-events-none absolute inset-y-0 flex w-12 items-center from-brand-700 to-transparent';
  return (
    <div className="relative">
      <ul ref={list} className="flex gap-1 overflow-x-auto whitespace-nowrap [scrollbar-width:thin]">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(item.href + '/');
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm ${current ? 'bg-white font-semibold text-brand-800' : 'text-white hover:bg-brand-800'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {more.left && <div aria-hidden="true" className={`${edge} left-0 bg-gradient-to-r`} data-testid="nav-more-left" />}
      {more.right && (
        <div aria-hidden="true" className={`${edge} right-0 justify-end bg-gradient-to-l`} data-testid="nav-more">
          <button
            type="button"
            tabIndex={-1}
            title={moreLabel}
            onClick={() => list.current?.scrollBy({ left: list.current.clientWidth * 0.7, behavior: 'smooth' })}
            className="pointer-events-auto inline-flex min-h-11 min-w-8 items-center justify-center text-2xl leading-none text-white"
          >
            ›
          </button>
        </div>
      )}
    </div>
  );
}
