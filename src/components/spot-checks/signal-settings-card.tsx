import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/session';
import { signalSettings } from '@/lib/signals/sql';
import { Card } from '@/components/ui/page-header';
import { SignalSettingsForm } from './signal-settings-form';

/** The city's signal thresholds, on its settings page (decision 019). */
export async function SignalSettingsCard({ user }: { user: SessionUser }) {
  const [settings, t] = await Promise.all([signalSettings(db, user), getTranslations('spotChecks.signals.settings')]);
  return (
    <Card className="mt-4 max-w-2xl" id="signal-settings">
      <h2 className="mb-1 font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-stone-700">{t('help')}</p>
      <SignalSettingsForm lateEntryDays={settings.lateEntryDays} captureDateToleranceDays={settings.captureDateToleranceDays} />
    </Card>
  );
}
