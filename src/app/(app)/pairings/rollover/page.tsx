import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { regionName } from '@/i18n/region-name';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission, NotFoundError } from '@/lib/authz';
import { getRolloverPlan } from '@/lib/pairings/rollover';
import { searchId } from '@/lib/schema-fields';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CurrentPeriod, cycleName } from '@/components/cycles/current-period';
import { RolloverForm } from '@/components/pairings/rollover-form';
import { titled } from '@/i18n/page-title';
import { RolloverAdvice } from '@/components/cycle-review/rollover-advice';

export const generateMetadata = titled('pairings.rolloverPage.title');

export default async function RolloverPage({ searchParams }: { searchParams: Promise<{ source?: string }> }) {
  const user = await requireUser();
  const sourceId = searchId.parse((await searchParams).source);
  let plan;
  try {
    plan = await getRolloverPlan(user, sourceId || undefined);
  } catch (error) {
    if (error instanceof NotFoundError)
      return denyAccess(user, { entityType: 'Pairing', entityId: sourceId || null, path: '/pairings/rollover' });
    throw error;
  }
  const t = await getTranslations('pairings');
  const locale = await getLocale();
  const tr = await getTranslations('pairings.rolloverPage');
  const tc = await getTranslations('cycles');
  const { source, target } = plan;
  const t2 = (c: { startYear: number }) => cycleName(tc, c.startYear);
  return (
    <>
      <PageHeader title={tr('title')} />
      <CurrentPeriod className="mb-3" />
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{tr('intro')}</p>
      {!source ? (
        <p>{t('noCycles')}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <form className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="r-source" className="text-sm">
                {tr('source')}
              </label>
              <select
                id="r-source"
                name="source"
                defaultValue={source.id}
                className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base"
              >
                {plan.cycles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t2(c)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-11 rounded-md border border-stone-400 bg-white px-4">
              {tr('show')}
            </button>
            <p className="min-h-11 content-center text-sm text-stone-700">
              {tr('targetIs', { name: target ? t2(target) : t2({ startYear: source.startYear + 2 }) })}
            </p>
          </form>
          {!target ? (
            <Card>
              <p>
                {tr('noTarget', { name: t2({ startYear: source.startYear + 2 }) })}{' '}
                {hasPermission(user, 'cycle.manage') ? (
                  <Link href="/cycles" className="text-brand-700 underline">
                    {tr('noTargetCity')}
                  </Link>
                ) : (
                  tr('noTargetCounty')
                )}
              </p>
            </Card>
          ) : plan.targetEnded ? (
            <Card>
              <p>{tr('targetEnded')}</p>
            </Card>
          ) : plan.rows.length === 0 ? (
            <p>{tr('empty')}</p>
          ) : (
            <RolloverForm
              sourceCycleId={source.id}
              supporters={plan.supporters.map((s) => ({
                id: s.id,
                label: user.role === 'CITY_ADMIN' ? `${s.name} · ${regionName(s.county, locale)}` : s.name,
              }))}
              rows={plan.rows.map((r) => ({
                id: r.id,
                supporting: r.supporting.name,
                assisted: r.assisted.name,
                supportingId: r.supporting.id,
                county:
                  r.supporting.county.name === r.assisted.county.name
                    ? regionName(r.supporting.county, locale)
                    : `${regionName(r.supporting.county, locale)} · ${regionName(r.assisted.county, locale)}`,
                doneWith: r.next ? r.next.supporting.name : null,
                doneId: r.next?.id ?? null,
                note: r.endsOn ? t('ended', { date: r.endsOn }) : null,
                suggest: r.endsOn ? 'end' : 'keep',
              }))}
            />
          )}
          {plan.rows.length > 0 && (
            <RolloverAdvice
              user={user}
              cycle={source}
              pairings={plan.rows.map((r) => ({ id: r.id, assistedId: r.assisted.id, label: `${r.supporting.name} · ${r.assisted.name}` }))}
            />
          )}
        </div>
      )}
    </>
  );
}
