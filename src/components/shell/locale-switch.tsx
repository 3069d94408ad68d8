'use client';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * One button that switches to the other language and stays on the same page. Its words come
 * translated from the server (LocaleSwitchFor), so every page's shell works without next-intl in
 * the browser.
 */
export function LocaleSwitch({
  action,
  locale,
  label,
  switchTo,
  className = '',
}: {
  action: (fd: FormData) => Promise<void>;
  locale: 'zh' | 'en';
  label: string;
  switchTo: string;
  className?: string;
}) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === 'zh' ? 'en' : 'zh';
  return (
    <form action={action} className={className}>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={pathname + (search ? `?${search}` : '')} />
      <button
        type="submit"
        lang={other === 'zh' ? 'zh-CN' : 'en'}
        className="min-h-11 rounded-md border border-current px-3 py-1 text-sm"
        aria-label={`${label}: ${switchTo}`}
      >
        {switchTo}
      </button>
    </form>
  );
}
