import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { unreadCount } from '@/lib/notifications/queries';

function BellIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M5 8a5 5 0 0110 0c0 4 1.5 5.5 2 6H3c.5-.5 2-2 2-6z" />
      <path d="M8.5 16.5a1.7 1.7 0 003 0" />
    </svg>
  );
}

const LINK = 'relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-brand-800';

/**
 * The header's way to the inbox, with the number of unread notifications (one indexed COUNT, drawn on
 * the server: no client code on any page for it). The number is read out through the link's label.
 */
export async function UnreadNotificationsLink({ user }: { user: Actor }) {
  const [count, t, format] = await Promise.all([unreadCount(user, db), getTranslations('notifications'), getFormatter()]);
  return (
    <Link href="/notifications" aria-label={t('bell', { count })} className={LINK} data-testid="unread-notifications" data-count={count}>
      <BellIcon />
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-amber-300 px-1 text-center text-xs font-bold leading-5 text-stone-900 tabular-nums"
        >
          {count > 99 ? '99+' : format.number(count)}
        </span>
      )}
    </Link>
  );
}

/** While the count is on its way: the same link, without the figure. */
export function NotificationsLinkFallback({ label }: { label: string }) {
  return (
    <Link href="/notifications" aria-label={label} className={LINK}>
      <BellIcon />
    </Link>
  );
}
