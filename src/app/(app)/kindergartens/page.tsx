import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission, scopeRuleFor } from '@/lib/authz';
import { db } from '@/lib/db';
import { currentPairingFilter, KINDERGARTENS_PAGE_SIZE, listCounties, listKindergartens } from '@/lib/kindergartens/queries';
import { filtersQuery, parseFilters } from '@/lib/kindergartens/filters';
import { PageHeader } from '@/components/ui/page-header';
import { regionName } from '@/i18n/region-name';
import type { Translator } from '@/i18n/translator';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.title');

const button = 'inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm';

export default async function KindergartensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  // Directors and teachers have one kindergarten: their profile page is their list.
  if (scopeRuleFor(user, 'kindergarten.view') === 'kindergarten' && user.kindergartenId) redirect(`/kindergartens/${user.kindergartenId}`);
  if (!['city', 'county'].includes(scopeRuleFor(user, 'kindergarten.view') ?? ''))
    return denyAccess(user, { entityType: 'Page', path: '/kindergartens' });
  const f = parseFilters(await searchParams);
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const [{ rows, total }, counties, pairing] = await Promise.all([
    listKindergartens(user, f),
    listCounties(user),
    currentPairingFilter(db),
  ]);
  const pages = Math.max(1, Math.ceil(total / KINDERGARTENS_PAGE_SIZE));
  const n = (v: number) => format.number(v);
  const countyName = (c: { name: string; nameEn: string | null }) => regionName(c, locale);
  // Full width of its grid cell on a phone, so a long English option cannot push the page wider than the screen.
  const select = 'min-h-11 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm sm:w-auto';
  return (
    <>
      <PageHeader title={t('kindergartens.title')}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(user, 'kindergarten.create') && (
            <Link
              href="/kindergartens/new"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t('kindergartens.new')}
            </Link>
          )}
          {hasPermission(user, 'kindergarten.import') && (
            <Link href="/kindergartens/import" className={button}>
              {t('kindergartens.importButton')}
            </Link>
          )}
          {hasPermission(user, 'kindergarten.export') && (
            <a href={`/kindergartens/export${filtersQuery(f)}`} className={button} download>
              {t('kindergartens.export')}
            </a>
          )}
        </div>
      </PageHeader>

      <form role="search" aria-label={t('kindergartens.filters')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <label className="col-span-2 flex flex-col gap-1 text-sm sm:min-w-64">
          <span className="sr-only">{t('kindergartens.search')}</span>
          <input
            name="q"
            type="search"
            defaultValue={f.q}
            placeholder={t('kindergartens.search')}
            className="min-h-11 w-full min-w-0 rounded-md border border-stone-400 px-3"
          />
        </label>
        {counties.length > 1 && (
          <select name="county" defaultValue={f.county ?? ''} aria-label={t('kindergartens.county')} className={select}>
            <option value="">{t('kindergartens.allCounties')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {countyName(c)}
              </option>
            ))}
          </select>
        )}
        <select name="area" defaultValue={f.area ?? ''} aria-label={t('kindergartens.area')} className={select}>
          <option value="">{t('kindergartens.allAreas')}</option>
          {(['URBAN', 'RURAL'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`area.${a}`)}
            </option>
          ))}
        </select>
        <select name="level" defaultValue={f.level ?? ''} aria-label={t('kindergartens.level')} className={select}>
          <option value="">{t('kindergartens.allLevels')}</option>
          {(['PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'NONE'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
        <select name="paired" defaultValue={f.paired ?? ''} aria-label={t('kindergartens.paired')} className={select}>
          <option value="">{t('kindergartens.pairedAny')}</option>
          <option value="yes">{t('kindergartens.pairedYes')}</option>
          <option value="no">{t('kindergartens.pairedNo')}</option>
        </select>
        <select name="status" defaultValue={f.status} aria-label={t('kindergartens.status')} className={select}>
          <option value="active">{t('kindergartens.statusActive')}</option>
          <option value="inactive">{t('kindergartens.statusInactive')}</option>
          <option value="all">{t('kindergartens.statusAll')}</option>
        </select>
        <button type="submit" className={`${button} justify-center`}>
          {t('kindergartens.apply')}
        </button>
        <Link href="/kindergartens" className="inline-flex min-h-11 items-center justify-center px-2 text-sm text-brand-700 underline">
          {t('kindergartens.reset')}
        </Link>
      </form>

      <p className="mb-2 text-sm text-stone-600" role="status">
        {t('kindergartens.count', { count: total })}
      </p>
      {f.paired && !pairing && <p className="mb-2 text-sm text-amber-800">{t('kindergartens.noCycle')}</p>}
      {rows.length === 0 ? (
        <p>{t('kindergartens.empty')}</p>
      ) : (
        <>
          {/* Phones get cards; wider screens a table. */}
          <ul className="flex flex-col gap-2 md:hidden">
            {rows.map((k) => (
              <li key={k.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <Link
                  href={`/kindergartens/${k.id}`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {k.name}
                </Link>
                <p className="text-sm text-stone-600">
                  <span className="font-mono text-xs">{k.code}</span> · {countyName(k.county)} · {t(`area.${k.area}`)} ·{' '}
                  {t(`level.${k.level}`)}
                </p>
                <p className="text-sm text-stone-600">
                  {t('kindergartens.classCount')} {n(k.classCount)} · {t('kindergartens.childCount')} {n(k.childCount)} ·{' '}
                  {t('kindergartens.teacherCount')} {n(k.teacherCount)}
                </p>
                <Badges paired={k.paired} active={k.active} t={t} />
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  {(
                    ['code', 'name', 'county', 'area', 'level', 'classCount', 'childCount', 'teacherCount', 'staffCount', 'paired'] as const
                  ).map((k) => (
                    <th key={k} scope="col" className="p-2">
                      {t(`kindergartens.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.id} className="border-t border-stone-200">
                    <td className="p-2 font-mono text-xs">{k.code}</td>
                    <td className="p-2">
                      <Link href={`/kindergartens/${k.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                        {k.name}
                      </Link>
                      {!k.active && (
                        <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs">{t('kindergartens.inactiveBadge')}</span>
                      )}
                    </td>
                    <td className="p-2">{countyName(k.county)}</td>
                    <td className="p-2">{t(`area.${k.area}`)}</td>
                    <td className="p-2">{t(`level.${k.level}`)}</td>
                    <td className="p-2 tabular-nums">{n(k.classCount)}</td>
                    <td className="p-2 tabular-nums">{n(k.childCount)}</td>
                    <td className="p-2 tabular-nums">{n(k.teacherCount)}</td>
                    <td className="p-2 tabular-nums">{n(k.staffCount)}</td>
                    <td className="p-2">{k.paired ? t('kindergartens.yes') : t('kindergartens.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {pages > 1 && (
        <nav className="mt-3 flex items-center gap-4 text-sm" aria-label={t('kindergartens.pageOf', { page: f.page, pages })}>
          {f.page > 1 && (
            <Link
              className="inline-flex min-h-11 items-center underline"
              href={`/kindergartens${filtersQuery(f, { page: String(f.page - 1) })}`}
            >
              {t('kindergartens.previous')}
            </Link>
          )}
          <span>{t('kindergartens.pageOf', { page: f.page, pages })}</span>
          {f.page < pages && (
            <Link
              className="inline-flex min-h-11 items-center underline"
              href={`/kindergartens${filtersQuery(f, { page: String(f.page + 1) })}`}
            >
              {t('kindergartens.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function Badges({ paired, active, t }: { paired: boolean; active: boolean; t: Translator }) {
  if (!paired && active) return null;
  return (
    <p className="mt-1 flex gap-2 text-xs">
      {paired && <span className="rounded bg-brand-50 px-1.5 py-0.5 text-brand-800">{t('kindergartens.pairedBadge')}</span>}
      {!active && <span className="rounded bg-stone-200 px-1.5 py-0.5">{t('kindergartens.inactiveBadge')}</span>}
    </p>
  );
}
