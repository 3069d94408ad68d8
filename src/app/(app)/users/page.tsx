import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listUsers } from '@/lib/users/queries';
import { parseUserFilters } from '@/lib/users/filters';
import { PageHeader } from '@/components/ui/page-header';
import { UserRowActions } from '@/components/users/user-row-actions';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('users.title');

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'user.view')) return denyAccess(user, { entityType: 'Page', path: '/users' });
  const { q } = parseUserFilters(await searchParams);
  const t = await getTranslations();
  const format = await getFormatter();
  const { rows, total } = await listUsers(user, { q });
  return (
    <>
      <PageHeader title={t('users.title')}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(user, 'user.create') && (
            <Link
              href="/users/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t('staff.new')}
            </Link>
          )}
          {hasPermission(user, 'user.import') && (
            <Link
              href="/users/import"
              className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm"
            >
              {t('staff.importButton')}
            </Link>
          )}
        </div>
        <form role="search" className="flex max-w-full min-w-0 gap-2">
          <label className="sr-only" htmlFor="q">
            {t('users.name')}
          </label>
          <input
            id="q"
            name="q"
            defaultValue={q}
            type="search"
            className="min-h-11 min-w-0 flex-1 rounded-md border border-stone-400 px-3"
          />
          <button type="submit" className="min-h-11 rounded-md border border-stone-400 bg-white px-3">
            {t('audit.filter')}
          </button>
        </form>
      </PageHeader>
      <p className="mb-2 text-sm text-stone-600">{t('users.count', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {rows.map((u) => (
            <li
              key={u.id}
              className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:flex-row sm:items-start sm:justify-between"
            >
              <div>
                <p className="font-medium">
                  {u.name}{' '}
                  <span
                    className={`ml-1 rounded px-1.5 py-0.5 text-xs ${u.active ? 'bg-brand-50 text-brand-800' : 'bg-stone-200 text-stone-700'}`}
                  >
                    {u.active ? t('users.active') : t('users.inactive')}
                  </span>
                </p>
                <p className="text-sm text-stone-600">
                  {t(`roles.${u.role}`)} · {u.unit} · {u.login}
                </p>
              </div>
              {(u.canReset || u.canSetActive) && (
                <UserRowActions userId={u.id} name={u.name} active={u.active} canReset={u.canReset} canSetActive={u.canSetActive} />
              )}
            </li>
          ))}
        </ul>
      )}
      {total > rows.length && (
        <p className="mt-2 text-sm text-stone-600">
          {format.number(rows.length)} / {format.number(total)}
        </p>
      )}
    </>
  );
}
