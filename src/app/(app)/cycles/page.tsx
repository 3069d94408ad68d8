import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { NotFoundError } from '@/lib/authz';
import { getCyclesOverview } from '@/lib/cycles/overview';
import { cycleStatus } from '@/lib/cycles/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod, academicYearName, cycleName } from '@/components/cycles/current-period';
import { CreateCycleForm } from '@/components/cycles/cycle-forms';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('cycles.title');

export default async function CyclesPage() {
  const user = await requireUser();
  let o;
  try {
    o = await getCyclesOverview(user);
  } catch (error) {
    if (error instanceof NotFoundError) return denyAccess(user, { entityType: 'Cycle', path: '/cycles' });
    throw error;
  }
  const t = await getTranslations('cycles');
  const last = o.cycles[o.cycles.length - 1];
  const suggested = last ? last.startYear + 2 : Number(o.today.slice(0, 4));
  return (
    <>
      <PageHeader title={t('title')}>
        <Link
          href="/cycles/settings"
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm"
        >
          {t('settings.link')}
        </Link>
      </PageHeader>
      <CurrentPeriod className="mb-3" />
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{t('intro', { timeZone: o.timeZone })}</p>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <ul className="flex flex-col gap-3">
          {[...o.cycles].reverse().map((c) => {
            const status = cycleStatus(c, o.today);
            return (
              <li key={c.id}>
                <Card>
                  <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                    <h2 className="font-semibold">
                      {cycleName(t, c.startYear)}{' '}
                      <span
                        className={`ml-1 rounded px-1.5 py-0.5 text-xs font-normal ${status === 'current' ? 'bg-brand-50 text-brand-800' : 'bg-stone-200 text-stone-700'}`}
                      >
                        {t(`status.${status}`)}
                      </span>
                    </h2>
                    <span className="text-sm text-stone-600">{t('pairings', { count: o.pairingCounts.get(c.id) ?? 0 })}</span>
                  </div>
                  <table className="w-full text-left text-sm">
                    <tbody>
                      {c.semesters.map((s) => (
                        <tr
                          key={`${s.academicYear}-${s.term}`}
                          className="flex flex-col border-t border-stone-100 py-1 sm:table-row sm:py-0"
                        >
                          <th scope="row" className="pr-2 font-normal text-stone-600 sm:py-1">
                            {academicYearName(t, s.academicYear)} · {t(`term.${s.term}`)}
                          </th>
                          <td className="whitespace-nowrap tabular-nums sm:py-1">{t('span', { from: s.startsOn, to: s.endsOn })}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {status !== 'past' && (
                    <Link href={`/cycles/${c.id}`} className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
                      {t('edit')}
                    </Link>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
        <Card className="self-start">
          <h2 className="mb-2 font-semibold">{t('create')}</h2>
          <CreateCycleForm suggestedYear={suggested} />
        </Card>
      </div>
    </>
  );
}
