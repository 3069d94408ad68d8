'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto whitespace-nowrap [scrollbar-width:thin]">
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
  );
}
