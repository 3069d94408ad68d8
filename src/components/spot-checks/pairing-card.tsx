import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { pairingSpotCheckShare, verifiedShare } from '@/lib/spot-checks/queries';
import { Card } from '@/components/ui/page-header';

/** The share of the pairing's spot-checked records found true (属实), for the bureau; nothing before any was checked. */
export async function PairingSpotCheckCard({ user, pairingId }: { user: Actor; pairingId: string }) {
  const share = await pairingSpotCheckShare(user, pairingId, db);
  if (!share || share.checked === 0) return null;
  const t = await getTranslations('spotChecks');
  const format = await getFormatter();
  return (
    <Card className="mb-4">
      <h2 className="mb-1 font-semibold">{t('pairing.title')}</h2>
      <p className="text-sm" data-testid="pairing-spot-check-share">
        {t('pairing.share', {
          verified: share.verified,
          checked: share.checked,
          percent: format.number(verifiedShare(share) ?? 0, { style: 'percent' }),
        })}
        {share.questioned > 0 && ` · ${t('pairing.questioned', { count: share.questioned })}`}
      </p>
      <Link href="/spot-checks" className="inline-flex min-h-11 items-center text-sm text-brand-800 underline">
        {t('pairing.all')}
      </Link>
    </Card>
  );
}
