import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { candidatesFor, getRound } from '@/lib/commendations/queries';
import { shortlist, type Reason } from '@/lib/commendations/rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { instantToZoned } from '@/lib/time/zoned';
import { PageHeader, Card } from '@/components/ui/page-header';
import { AdvanceRoundButton, DecideButtons, NominateButton, OtherNominationForm, WithdrawButton } from '@/components/commendations/forms';
import { titled } from '@/i18n/page-title';
import { regionName } from '@/i18n/region-name';

export const generateMetadata = titled('commendations.title');

export default async function CommendationRoundPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ county?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const round = await getRound(user, id);
  if (!round) notFound();
  const [t, locale] = await Promise.all([getTranslations('commendations'), getLocale()]);
  const manage = hasPermission(user, 'commendation.manage');
  const nominating = round.status === 'NOMINATING' && hasPermission(user, 'commendation.nominate');
  // A county admin nominates for their county; the city may look at (and nominate for) any county.
  const requested = (await searchParams).county;
  const countyId = user.role === 'COUNTY_ADMIN' ? user.countyId : (round.counties.find((c) => c.id === requested) ?? round.counties[0])?.id;
  const reason = (r: Reason) =>
    r.key === 'grade' ? t('reasons.grade', { grade: t(`grade.${r.values.grade as 'GOOD'}`) }) : t(`reasons.${r.key}`, r.values);

  return (
    <>
      <PageHeader title={round.title}>
        {manage && round.status !== 'PUBLISHED' && (
          <AdvanceRoundButton id={round.id} version={round.version} step={round.status === 'DRAFT' ? 'open' : 'publish'} />
        )}
      </PageHeader>
      <p className="mb-2 text-sm text-stone-600">
        {round.cycle.name} · {t(`status.${round.status}`)}
        {round.publishedAt && ` · ${t('published', { date: instantToZoned(round.publishedAt, await cityTimeZone(db)).date })}`}
      </p>
      {round.body && <p className="mb-4 whitespace-pre-line text-stone-800">{round.body}</p>}

      {round.status !== 'PUBLISHED' && (
        <Card className="mb-4">
          <h2 className="mb-2 font-semibold text-stone-900">{t('rules')}</h2>
          <ul className="list-disc pl-5 text-sm text-stone-700">
            <li>{t('rulesPairing')}</li>
            <li>{t('rulesKindergarten')}</li>
            <li>{t('rulesPerson')}</li>
          </ul>
        </Card>
      )}

      {manage && nominating && (
        <form className="mb-4 flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm text-stone-700">
            {t('county')}
            <select
              name="county"
              defaultValue={countyId ?? undefined}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3"
            >
              {round.counties.map((c) => (
                <option key={c.id} value={c.id}>
                  {regionName(c, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm">
            {t('chooseCounty')}
          </button>
        </form>
      )}

      <div className="flex flex-col gap-4">
        {await Promise.all(
          round.categories.map(async (c) => {
            const approved = c.nominations.filter((n) => n.status === 'APPROVED');
            const mine = countyId ? c.nominations.filter((n) => n.countyId === countyId) : [];
            const live = mine.filter((n) => n.status !== 'REJECTED');
            const candidates = nominating && countyId ? await candidatesFor(c.kind, round.cycleId, countyId) : [];
            const listed = shortlist(candidates, c.quotaPerCounty);
            const taken = new Set(live.map((n) => n.pairingId ?? n.kindergartenId ?? n.userId));
            return (
              <Card key={c.id}>
                <h2 className="font-semibold text-stone-900">
                  {c.name} <span className="text-sm font-normal text-stone-600">· {t('quota', { quota: c.quotaPerCounty })}</span>
                </h2>

                {round.status === 'PUBLISHED' ? (
                  <ul className="mt-2 divide-y divide-stone-100 text-sm">
                    {approved.map((n) => (
                      <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <span>
                          <span className="font-medium">{n.nominee.name}</span> <span className="text-stone-600">{n.nominee.detail}</span>{' '}
                          <span className="text-stone-600">· {regionName(n.county, locale)}</span>
                        </span>
                        <a
                          className="inline-flex min-h-11 items-center text-brand-700 underline"
                          href={`/api/commendations/certificates/${n.id}`}
                        >
                          {t('certificate')}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <>
                    {nominating && countyId && (
                      <>
                        <p className="mt-1 text-sm text-stone-700">{t('used', { used: live.length, quota: c.quotaPerCounty })}</p>
                        <h3 className="mt-3 text-sm font-semibold text-stone-800">{t('shortlist')}</h3>
                        {listed.length === 0 ? (
                          <p className="text-sm text-stone-600">{t('noShortlist')}</p>
                        ) : (
                          <ul className="divide-y divide-stone-100 text-sm">
                            {listed.map((x) => (
                              <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                                <span>
                                  <span className="font-medium">{x.name}</span> <span className="text-stone-600">{x.detail}</span>
                                  <span className="block text-xs text-stone-600">
                                    {t('score')} {x.scored.score} · {x.scored.reasons.map(reason).join('；')}
                                  </span>
                                </span>
                                {taken.has(x.id) ? (
                                  <span className="text-sm text-brand-800">{t('nominated')}</span>
                                ) : (
                                  <NominateButton roundId={round.id} categoryId={c.id} nomineeId={x.id} />
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                        <details className="mt-3">
                          <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand-700">{t('other')}</summary>
                          <OtherNominationForm
                            roundId={round.id}
                            categoryId={c.id}
                            options={candidates
                              .filter((x) => !taken.has(x.id))
                              .map((x) => ({ value: x.id, label: x.detail ? `${x.name}（${x.detail}）` : x.name }))}
                          />
                        </details>
                      </>
                    )}
                    <h3 className="mt-3 text-sm font-semibold text-stone-800">{t('nominations')}</h3>
                    {(manage ? c.nominations : mine).length === 0 ? (
                      <p className="text-sm text-stone-600">{t('noNominations')}</p>
                    ) : (
                      <ul className="divide-y divide-stone-100 text-sm">
                        {(manage ? c.nominations : mine).map((n) => (
                          <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                            <span>
                              <span className="font-medium">{n.nominee.name}</span>{' '}
                              <span className="text-stone-600">{n.nominee.detail}</span>{' '}
                              <span className="text-stone-600">
                                · {regionName(n.county, locale)} · {t(`nomination.${n.status}`)}
                              </span>
                              <span className="block text-xs text-stone-600">
                                {n.fromShortlist ? t('fromShortlist') : t('withReason', { reason: n.reason })}
                              </span>
                            </span>
                            {round.status === 'NOMINATING' && n.status === 'NOMINATED' && (
                              <span className="flex gap-2">
                                {manage && <DecideButtons roundId={round.id} id={n.id} />}
                                {!manage && <WithdrawButton roundId={round.id} id={n.id} />}
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </Card>
            );
          }),
        )}
      </div>
    </>
  );
}
