import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { regionName } from '@/i18n/region-name';
import { requireUser } from '@/lib/session';
import { loadPairingOr404 } from '@/lib/pairings/load';
import { GOAL_FIELDS } from '@/lib/pairings/schemas';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod, cycleName } from '@/components/cycles/current-period';
import { StatusBadge } from '@/components/pairings/status-badge';
import { Suspense } from 'react';
import { PairingEffectsCard } from '@/components/effect-tests/pairing-card';
import { PairingAnnualPlansCard } from '@/components/annual-plans/pairing-card';
import { PairingRectificationsCard } from '@/components/rectifications/pairing-card';
import { PairingInspectionsCard } from '@/components/inspections/pairing-card';
import { titled } from '@/i18n/page-title';
import { hasPermission } from '@/lib/authz';
import { PairingSpotCheckCard } from '@/components/spot-checks/pairing-card';

export const generateMetadata = titled('pairings.title');

export default async function PairingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { done } = await searchParams;
  const p = await loadPairingOr404(user, id);
  const t = await getTranslations('pairings');
  const tc = await getTranslations('cycles');
  const locale = await getLocale();
  const tk = await getTranslations();
  const tarc = await getTranslations('archive');
  const format = await getFormatter();
  const leader = p.members.find((m) => m.role === 'LEADER');
  const members = p.members.filter((m) => m.role === 'MEMBER');
  const kgName = (kgId: string | null) => (kgId === p.supportingId ? p.supporting.name : kgId === p.assistedId ? p.assisted.name : '');
  return (
    <>
      <PageHeader title={`${p.supporting.name} · ${p.assisted.name}`}>
        {(p.canUpdate || p.canEnd) && (
          <Link
            href={`/pairings/${p.id}/edit`}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            {t('edit')}
          </Link>
        )}
      </PageHeader>
      {done && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {done === 'created' ? t('created') : t('saved')}
        </p>
      )}
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <StatusBadge status={p.status} label={t(`status.${p.status}`)} />
        <span className="text-sm text-stone-700">
          {cycleName(tc, p.cycle.startYear)} ·{' '}
          {p.endsOn ? t('period', { from: p.startsOn, to: p.endsOn }) : t('openEnded', { from: p.startsOn })}
        </span>
        {p.previousId && (
          <Link href={`/pairings/${p.previousId}`} className="text-sm text-brand-700 underline">
            {t('continuedFrom')}
          </Link>
        )}
        {p.next && (
          <Link href={`/pairings/${p.next.id}`} className="text-sm text-brand-700 underline">
            {t('continuedTo')}
          </Link>
        )}
      </div>
      <CurrentPeriod className="mb-4" />
      {p.cycleEnded && <p className="mb-4 text-sm text-stone-700">{t('readOnly')}</p>}
      {!p.cycleEnded && p.endsOn && (
        <p className="mb-4 text-sm text-stone-700">
          {p.status === 'ended' ? t('ended', { date: p.endsOn }) : t('endsLater', { date: p.endsOn })}{' '}
          {p.endReason && t('endReasonIs', { reason: p.endReason })}
        </p>
      )}

      <div className="mb-4 grid gap-4 md:grid-cols-2">
        {(
          [
            ['supporting', p.supporting],
            ['assisted', p.assisted],
          ] as const
        ).map(([side, k]) => (
          <Card key={side}>
            <p className="text-xs font-medium text-stone-500">{t(side)}</p>
            <h2 className="mb-2 text-lg font-semibold">{k.name}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{t('profile.county')}</dt>
              <dd>{regionName(k.county, locale)}</dd>
              <dt className="text-stone-600">{t('profile.area')}</dt>
              <dd>{tk(`area.${k.area}`)}</dd>
              <dt className="text-stone-600">{t('profile.level')}</dt>
              <dd>{tk(`level.${k.level}`)}</dd>
              <dt className="text-stone-600">{t('profile.classes')}</dt>
              <dd className="tabular-nums">{format.number(k.classCount)}</dd>
              <dt className="text-stone-600">{t('profile.children')}</dt>
              <dd className="tabular-nums">{format.number(k.childCount)}</dd>
              <dt className="text-stone-600">{t('profile.teachers')}</dt>
              <dd className="tabular-nums">{format.number(k.teacherCount)}</dd>
              <dt className="text-stone-600">{t('profile.staff')}</dt>
              <dd className="tabular-nums">{format.number(k.staffCount)}</dd>
              <dt className="text-stone-600">{t('profile.address')}</dt>
              <dd>{k.address || '—'}</dd>
            </dl>
          </Card>
        ))}
      </div>

      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('goals')}</h2>
          <dl className="flex flex-col gap-2 text-sm">
            {GOAL_FIELDS.map((f) => (
              <div key={f}>
                <dt className="font-medium text-stone-800">{t(`goal.${f}`)}</dt>
                <dd className={`whitespace-pre-line ${p[f] ? 'text-stone-700' : 'text-stone-500'}`}>{p[f] || t('noGoal')}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('group')}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t('leader')}</dt>
            <dd>{leader ? t('personAt', { name: leader.user.name, kindergarten: kgName(leader.user.kindergartenId) }) : '—'}</dd>
            <dt className="text-stone-600">{t('members')}</dt>
            <dd>
              {members.length === 0 ? (
                t('noMembers')
              ) : (
                <ul>
                  {members.map((m) => (
                    <li key={m.userId}>{t('personAt', { name: m.user.name, kindergarten: kgName(m.user.kindergartenId) })}</li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </Card>
      </div>

      <Suspense
        fallback={
          <Card className="mb-4">
            <p className="text-sm text-stone-500">…</p>
          </Card>
        }
      >
        <PairingEffectsCard user={user} pairingId={p.id} cycleId={p.cycle.id} />
      </Suspense>
      <Suspense fallback={null}>
        <PairingAnnualPlansCard user={user} pairingId={p.id} />
      </Suspense>
      <Suspense fallback={null}>
        <PairingInspectionsCard user={user} pairingId={p.id} />
      </Suspense>
      <Suspense fallback={null}>
        <PairingRectificationsCard user={user} pairingId={p.id} />
      </Suspense>
      <Suspense fallback={null}>
        <PairingSpotCheckCard user={user} pairingId={p.id} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-1 font-semibold">{t('records.title')}</h2>
          <p className="mb-2 text-sm text-stone-700">{t('records.help')}</p>
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/activities?pairing=${p.id}`}
              className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800"
            >
              {t('records.activities')}
            </Link>
            <Link
              href={`/pairings/${p.id}/calendar`}
              className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800"
            >
              {t('records.calendar')}
            </Link>
          </div>
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">{tarc('title')}</h2>
          <p className="mb-2 text-sm text-stone-700">{tarc('linkHelp')}</p>
          <Link
            href={`/pairings/${p.id}/archive`}
            className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800"
          >
            {tarc('link')}
          </Link>
        </Card>
      </div>
      {hasPermission(user, 'cycleReview.view') && (
        <Card className="mt-4">
          <h2 className="mb-1 font-semibold">{tk('cycleReview.link')}</h2>
          <p className="mb-2 text-sm text-stone-700">{tk('cycleReview.linkHelp')}</p>
          <Link
            href={`/pairings/${p.id}/review`}
            className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800"
          >
            {tk('cycleReview.title')}
          </Link>
        </Card>
      )}
    </>
  );
}
