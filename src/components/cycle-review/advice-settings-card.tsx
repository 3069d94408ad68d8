import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/session';
import { adviceSettings } from '@/lib/cycle-review/advice';
import { Card } from '@/components/ui/page-header';
import { AdviceSettingsForm } from './advice-settings-form';

/** The re-pairing advice's thresholds, on the city's settings page (decision 026). */
export async function AdviceSettingsCard({ user }: { user: SessionUser }) {
  const [s, t] = await Promise.all([adviceSettings(db, user), getTranslations('cycleReview.settings')]);
  return (
    <Card className="mt-4 max-w-2xl" id="advice-settings">
      <h2 className="mb-1 font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-stone-700">{t('help')}</p>
      <AdviceSettingsForm semesterMetPercent={Math.round(s.semesterMetShare * 100)} missedPercent={Math.round(s.missedShare * 100)} />
    </Card>
  );
}
