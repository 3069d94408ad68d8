import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listNotifications } from '@/lib/notifications/queries';
import { InboxFilters } from '@/lib/notifications/schemas';
import { markAllNotificationsReadAction } from '@/lib/notifications/actions';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('notifications.title');

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'notification.view')) return denyAccess(user, { entityType: 'Page', path: '/notifications' });
  const q = await searchParams;
  const filters = InboxFilters.parse(q);
  const [inbox, t, format] = await Promise.all([listNotifications(user, filters, db), getTranslations('notifications'), getFormatter()]);
  const query = (over: { page: string }) => {
    const params = new URLSearchParams({ ...(filters.unread ? { unread: '1' } : {}), ...over });
    return `/notifications?${params}`;
  };
  const tab = (unread: boolean, label: string) => (
    <Link
      href={unread ? '/notifications?unread=1' : '/notifications'}
      aria-current={!!filters.unread === unread ? 'page' : undefined}
      className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm ${!!filters.unread === unread ? 'bg-brand-700 text-white' : 'border border-stone-300 bg-white'}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-3 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      {q.read && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t('allRead')}
        </p>
      )}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <nav className="flex flex-wrap gap-2" aria-label={t('title')}>
          {tab(false, t('showAll'))}
          {tab(true, t('showUnread'))}
        </nav>
        {inbox.unread > 0 && inbox.newest && (
          <RecordForm
            action={markAllNotificationsReadAction}
            className=""
            submitLabel={t('markAllRead')}
            pendingLabel={t('marking')}
            fields={[{ name: 'seenUpTo', kind: 'hidden', defaultValue: inbox.newest.toISOString() }]}
          />
        )}
      </div>
      <p className="mb-2 text-sm text-stone-600">{t('count', { count: inbox.total, unread: inbox.unread })}</p>
      {inbox.rows.length === 0 ? (
        <p data-testid="notifications-empty">{filters.unread ? t('emptyUnread') : t('empty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="notifications">
          {inbox.rows.map((n) => (
            <li key={n.id} data-unread={n.readAt ? undefined : ''}>
              {/* A plain <a>: opening marks it read, so nothing may fetch it ahead of the tap (see its route). */}
              <a
                href={`/notifications/${n.id}`}
                className={`flex min-h-11 items-start gap-2 px-3 py-2 hover:bg-stone-50 ${n.readAt ? 'text-stone-700' : 'font-semibold text-stone-900'}`}
              >
                <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${n.readAt ? 'bg-transparent' : 'bg-amber-600'}`} />
                <span className="flex min-w-0 flex-col">
                  <span className="underline decoration-stone-300">
                    {!n.readAt && <span className="sr-only">{t('unread')}: </span>}
                    {n.title}
                  </span>
                  {n.body && <span className="text-sm font-normal text-stone-700">{n.body}</span>}
                  <time dateTime={n.createdAt.toISOString()} className="text-xs font-normal text-stone-600">
                    {format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {(inbox.page > 1 || inbox.hasMore) && (
        <nav className="mt-4 flex justify-between" aria-label={t('pages')}>
          {inbox.page > 1 ? (
            <Link href={query({ page: String(inbox.page - 1) })} className="min-h-11 rounded-md border px-3 py-2 text-sm">
              {t('prev')}
            </Link>
          ) : (
            <span />
          )}
          {inbox.hasMore && (
            <Link href={query({ page: String(inbox.page + 1) })} className="min-h-11 rounded-md border px-3 py-2 text-sm">
              {t('next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
