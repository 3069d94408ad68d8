import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { HOME_PATH } from '@/lib/navigation';
import { can, hasPermission } from '@/lib/authz';
import { getScopeSummary } from '@/lib/home/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod } from '@/components/cycles/current-period';
import { EffectsHome } from '@/components/effect-tests/home-cards';
import { AnnualPlansHome } from '@/components/annual-plans/home-card';
import { TodoList } from '@/components/todos/todo-list';

/** Each role has its own landing page; the other roles' pages do not exist for it. */
export async function RoleHome({ path }: { path: string }) {
  const user = await requireUser();
  if (HOME_PATH[user.role] !== path) return denyAccess(user, { entityType: 'Page', path });
  const t = await getTranslations('home');
  const tk = await getTranslations('kindergartens');
  const format = await getFormatter();
  const s = await getScopeSummary(user, await getLocale());
  const isAdmin = user.role === 'CITY_ADMIN' || user.role === 'COUNTY_ADMIN';
  const figures = isAdmin
    ? [
        ...(s.counties != null ? [{ label: t('counties'), value: s.counties }] : []),
        { label: t('kindergartens'), value: s.kindergartens },
        { label: t('demonstration'), value: s.demonstration },
        { label: t('rural'), value: s.rural },
        { label: t('users'), value: s.users },
      ]
    : user.role === 'DIRECTOR'
      ? [{ label: t('colleagues'), value: s.users }]
      : [];
  const scope =
    user.role === 'CITY_ADMIN'
      ? t('scopeCity')
      : user.role === 'COUNTY_ADMIN'
        ? t('scopeCounty', { county: s.countyName ?? '' })
        : t('scopeKindergarten', { kindergarten: user.kindergartenName ?? '' });
  return (
    <>
      <PageHeader title={t('welcome', { name: user.name })} />
      <p className="mb-2 text-stone-700">{scope}</p>
      <CurrentPeriod className="mb-4" />
      <TodoList user={user}>
        {figures.length > 0 && (
          <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {figures.map((f) => (
              <div key={f.label} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
                <dt className="text-sm text-stone-600">{f.label}</dt>
                <dd className="text-2xl font-semibold tabular-nums" data-testid={`figure-${f.label}`}>
                  {format.number(f.value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {/* The most frequent task of a kindergarten's people, one tap from where they land. */}
        {user.kindergartenId && hasPermission(user, 'activity.create') && (
          <Card className="mb-4">
            <Link
              href="/activities/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              + {t('logActivity')}
            </Link>
            <p className="mt-1 text-sm text-stone-700">{t('logActivityHelp')}</p>
          </Card>
        )}
        {user.kindergartenId && can(user, 'kindergarten.updateProfile', { kindergartenIds: [user.kindergartenId] }) && (
          <Card className="mb-4">
            <Link
              href={`/kindergartens/${user.kindergartenId}`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
            >
              {tk('ownProfile')}
            </Link>
            <p className="text-sm text-stone-700">{tk('ownProfileHelp')}</p>
          </Card>
        )}
        <AnnualPlansHome user={user} />
        <EffectsHome user={user} />
      </TodoList>
    </>
  );
}
