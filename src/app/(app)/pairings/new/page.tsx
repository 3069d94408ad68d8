import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { regionName } from '@/i18n/region-name';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { getCity } from '@/lib/cycles/city';
import { db } from '@/lib/db';
import { getCurrentPeriod } from '@/lib/cycles/queries';
import { cycleHasEnded, defaultCycle } from '@/lib/cycles/periods';
import { listPairingCandidates, supportersAtCap } from '@/lib/pairings/queries';
import { groupOptions } from '@/lib/pairings/people';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod, cycleName } from '@/components/cycles/current-period';
import { PairingForm } from '@/components/pairings/pairing-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('pairings.new');

type Search = { cycleId?: string; supportingId?: string; assistedId?: string };

/**
 * Two steps without client-side fetching: choosing the kindergartens is a plain GET form, so the
 * second step can list exactly the people of those two kindergartens for the leading group.
 */
export default async function NewPairingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'pairing.create')) await denyAccess(user, { entityType: 'Pairing', path: '/pairings/new' });
  const params = await searchParams;
  const t = await getTranslations('pairings');
  const locale = await getLocale();
  const tc = await getTranslations('cycles');
  const tk = await getTranslations('level');
  const [period, candidates, city] = await Promise.all([getCurrentPeriod(), listPairingCandidates(user), getCity(db)]);
  const open = period.cycles.filter((c) => !cycleHasEnded(c, period.today));
  const cycle = open.find((c) => c.id === params.cycleId) ?? defaultCycle(open, period.today);
  const startsOn =
    cycle && cycle.startsOn && cycle.endsOn
      ? period.today > cycle.startsOn && period.today <= cycle.endsOn
        ? period.today
        : cycle.startsOn
      : '';
  const full = cycle && startsOn ? await supportersAtCap(cycle.id, startsOn, city.maxAssistedPerSupporter, db) : new Set<string>();
  const supporting = candidates.supporters.find((k) => k.id === params.supportingId && !full.has(k.id));
  const supportingFull = !!params.supportingId && full.has(params.supportingId);
  const assisted = candidates.assisted.find((k) => k.id === params.assistedId);
  const samePicked = !!supporting && supporting.id === assisted?.id;
  const step2 = cycle && supporting && assisted && !samePicked;
  const select = 'min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 text-base';
  const label = (k: { name: string; county: { name: string; nameEn: string | null } }) =>
    user.role === 'CITY_ADMIN' ? `${k.name} · ${regionName(k.county, locale)}` : k.name;
  return (
    <>
      <PageHeader title={t('new')} />
      <CurrentPeriod className="mb-4" />
      {open.length === 0 ? (
        <p>{t('noCycles')}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <Card>
            <h2 className="mb-3 font-semibold">{t('step1')}</h2>
            <form className="grid gap-3 md:grid-cols-3">
              <div className="flex flex-col gap-1">
                <label htmlFor="n-cycle" className="text-sm font-medium">
                  {t('cycle')}
                </label>
                <select id="n-cycle" name="cycleId" defaultValue={cycle?.id} className={select}>
                  {open.map((c) => (
                    <option key={c.id} value={c.id}>
                      {cycleName(tc, c.startYear)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="n-sup" className="text-sm font-medium">
                  {t('supporting')}
                </label>
                <select id="n-sup" name="supportingId" defaultValue={supporting?.id ?? ''} className={select} aria-describedby="n-sup-help">
                  <option value="">{t('chooseKindergarten')}</option>
                  {/* At its cap for the chosen cycle: shown, so the admin sees why it cannot be picked. */}
                  {candidates.supporters.map((k) => (
                    <option key={k.id} value={k.id} disabled={full.has(k.id)}>
                      {label(k)} · {tk(k.level)}
                      {full.has(k.id) ? ` · ${t('atCap', { max: city.maxAssistedPerSupporter })}` : ''}
                    </option>
                  ))}
                </select>
                <p id="n-sup-help" className="text-xs text-stone-600">
                  {t('supportingHelp')} {t('capHint', { max: city.maxAssistedPerSupporter })}
                </p>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="n-ass" className="text-sm font-medium">
                  {t('assisted')}
                </label>
                <select id="n-ass" name="assistedId" defaultValue={assisted?.id ?? ''} className={select} aria-describedby="n-ass-help">
                  <option value="">{t('chooseKindergarten')}</option>
                  {candidates.assisted.map((k) => (
                    <option key={k.id} value={k.id}>
                      {label(k)}
                    </option>
                  ))}
                </select>
                <p id="n-ass-help" className="text-xs text-stone-600">
                  {t('assistedHelp')}
                </p>
              </div>
              {supportingFull && (
                <p role="alert" className="text-sm text-red-800 md:col-span-3">
                  {t('errors.capReached', { max: city.maxAssistedPerSupporter })}
                </p>
              )}
              {samePicked && (
                <p role="alert" className="text-sm text-red-800 md:col-span-3">
                  {t('errors.sameKindergarten')}
                </p>
              )}
              <button
                type="submit"
                className="min-h-11 rounded-md border border-stone-400 bg-white px-4 md:col-start-3 md:justify-self-end"
              >
                {t('next')}
              </button>
            </form>
          </Card>
          {step2 && cycle && (
            <Card>
              <h2 className="mb-1 font-semibold">{t('step2')}</h2>
              <p className="mb-3 text-sm text-stone-700">
                {cycleName(tc, cycle.startYear)} · {t('supportingShort')} {supporting.name} · {t('assistedShort')} {assisted.name}{' '}
                {/* Back to step 1 with the choices kept, so changing one side does not mean picking all three again. */}
                <Link
                  href={`/pairings/new?cycleId=${cycle.id}&supportingId=${supporting.id}&assistedId=${assisted.id}#n-sup`}
                  className="text-brand-700 underline"
                >
                  {t('change')}
                </Link>
              </p>
              <PairingForm
                mode="create"
                hidden={{ cycleId: cycle.id, supportingId: supporting.id, assistedId: assisted.id }}
                defaults={{
                  startsOn,
                  goalConditions: '',
                  goalManagement: '',
                  goalTeachers: '',
                  goalChildren: '',
                  leaderId: '',
                  memberIds: '',
                }}
                people={await groupOptions([supporting.id, assisted.id])}
                dateBounds={{ min: cycle.startsOn ?? '', max: cycle.endsOn ?? '' }}
              />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
