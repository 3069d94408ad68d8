import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { getCity } from '@/lib/cycles/city';
import { Card, PageHeader } from '@/components/ui/page-header';
import { SettingsForm } from '@/components/cycles/cycle-forms';
import { DueDatesForm } from '@/components/annual-plans/forms';
import { SavedNote } from '@/components/form/saved-note';
import { listDueDates } from '@/lib/annual-plans/queries';
import { titled } from '@/i18n/page-title';
import { AdviceSettingsCard } from '@/components/cycle-review/advice-settings-card';
import { SignalSettingsCard } from '@/components/spot-checks/signal-settings-card';
import { getDeliverySettings } from '@/lib/notification-settings/queries';
import { CountyWebhookForm, MandatoryKindsForm } from '@/components/notification-settings/delivery-settings';

export const generateMetadata = titled('cycles.settings.title');

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'settings.manage')) await denyAccess(user, { entityType: 'CitySetting', path: '/cycles/settings' });
  const t = await getTranslations('cycles');
  const tt = await getTranslations('teaching');
  const [city, dueDates, delivery] = await Promise.all([getCity(db, user.regionId), listDueDates(db), getDeliverySettings(user, db)]);
  const tn = await getTranslations('notifications.settings');
  const { saved } = await searchParams;
  return (
    <>
      <PageHeader title={t('settings.title')}>
        <Link href="/cycles" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </PageHeader>
      <Card className="max-w-2xl">
        <SettingsForm maxAssisted={city.maxAssistedPerSupporter} />
      </Card>
      {/* The city sets when plans and summaries are due (issue 10); a year without a date of its own keeps 31 August. */}
      <Card className="mt-4 max-w-2xl" id="annual-plan-due">
        <h2 className="mb-1 font-semibold">{tt('annualPlans.dueDates')}</h2>
        <p className="mb-3 text-sm text-stone-700">{tt('annualPlans.dueDatesHelp')}</p>
        <SavedNote show={!!saved} />
        <ul className="flex flex-col gap-3">
          {dueDates.map((d) => (
            <li key={d.academicYear} className="border-b border-stone-200 pb-3 last:border-0">
              <DueDatesForm
                key={`${d.academicYear}-${d.version ?? 0}`}
                academicYear={d.academicYear}
                planDueOn={d.planDueOn}
                summaryDueOn={d.summaryDueOn}
                version={d.version}
                yearLabel={`${tt('programmes.yearLabel', { year: String(d.academicYear), next: String(d.academicYear + 1) })} · ${d.custom ? tt('annualPlans.custom') : tt('annualPlans.default')}`}
              />
            </li>
          ))}
        </ul>
      </Card>
      {/* Signals (issue 10): how late an entry, how far a photo's capture date, before the bureau is pointed at it. */}
      <SignalSettingsCard user={user} />
      {/* Re-pairing advice at rollover (issue 14): the two thresholds of its rules. */}
      <AdviceSettingsCard user={user} />
      {/* Notifications (issue 11): kinds nobody may switch off, and each county's group robot. */}
      {delivery && (
        <>
          <Card className="mt-4 max-w-2xl" id="mandatory-notifications">
            <h2 className="mb-1 font-semibold">{tn('mandatoryTitle')}</h2>
            <p className="mb-3 text-sm text-stone-700">{tn('mandatoryHelp')}</p>
            <MandatoryKindsForm kinds={delivery.kinds} mandatory={delivery.mandatory} />
          </Card>
          <Card className="mt-4 max-w-2xl" id="county-webhooks">
            <h2 className="mb-1 font-semibold">{tn('webhooksTitle')}</h2>
            <p className="mb-3 text-sm text-stone-700">{tn('webhooksHelp')}</p>
            <ul className="flex flex-col gap-3">
              {delivery.counties.map((c) => (
                <li key={c.id}>
                  <CountyWebhookForm county={c} />
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </>
  );
}
