import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { pairingRectifications } from '@/lib/rectifications/queries';
import { shortText } from '@/lib/rectifications/rules';
import { Card } from '@/components/ui/page-header';
import { RectificationFigures } from './home-card';
import { RectificationStatusBadge } from './status-badge';

/** The pairing's rectifications (those the viewer may see), with their states and overdue ones flagged. */
export async function PairingRectificationsCard({ user, pairingId }: { user: Actor; pairingId: string }) {
  const { rows, more, counts } = await pairingRectifications(user, pairingId, db);
  if (!counts || rows.length === 0) return null;
  const t = await getTranslations('rectifications');
  const format = await getFormatter();
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('homeTitle')}</h2>
      <RectificationFigures
        counts={counts}
        format={(n) => format.number(n)}
        label={(k) => t(`home.${k}`)}
        testId="pairing-rectification-counts"
        query={`&pairingId=${pairingId}`}
      />
      <ul className="mt-3 flex flex-col gap-2 text-sm" data-testid="pairing-rectifications">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/rectifications/${r.id}`} className="min-w-0 flex-1 break-words text-brand-800 underline">
              {shortText(r.requirement, 60)}
            </Link>
            <span className="text-xs text-stone-600">
              {r.kindergarten.name} · {t('deadlineText', { date: r.deadline })}
            </span>
            <RectificationStatusBadge
              status={r.status}
              label={t(`status.${r.status}`)}
              overdueLabel={r.overdue ? t('overdue') : undefined}
            />
          </li>
        ))}
      </ul>
      {more && (
        <Link href={`/rectifications?pairingId=${pairingId}`} className="mt-2 inline-block text-sm text-brand-800 underline">
          {t('viewAll')}
        </Link>
      )}
    </Card>
  );
}
