import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { hasPermission } from '@/lib/authz';
import type { SessionUser } from '@/lib/session';
import { activitySignals } from '@/lib/signals/queries';
import { signalSettings } from '@/lib/signals/sql';
import { Card } from '@/components/ui/page-header';
import { SignalDetail, SignalKindBadge } from './signal-detail';

/** The bureau's box on an activity's page: its reasons to look, if any. Nothing at all for directors and teachers. */
export async function ActivitySignalsCard({ user, activityId }: { user: SessionUser; activityId: string }) {
  if (!hasPermission(user, 'signals.view')) return null;
  const [signals, settings] = await Promise.all([activitySignals(user, activityId, db), signalSettings(db, user)]);
  if (!signals) return null;
  const t = await getTranslations('spotChecks.signals');
  return (
    <Card>
      <h2 className="mb-1 font-semibold">{t('box.title')}</h2>
      <p className="mb-2 text-xs text-stone-600">{t('box.help')}</p>
      {signals.length === 0 ? (
        <p className="text-sm text-stone-700" data-testid="activity-signals-none">
          {t('box.none')}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="activity-signals">
          {signals.map((s) => (
            <li key={s.kind} className="flex flex-col gap-1">
              <SignalKindBadge kind={s.kind} />
              <SignalDetail signal={s} settings={settings} />
            </li>
          ))}
        </ul>
      )}
      <Link href="/signals" className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-800 underline">
        {t('box.all')}
      </Link>
    </Card>
  );
}
