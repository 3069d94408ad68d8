import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { pairingInspections } from '@/lib/inspections/queries';
import { Card } from '@/components/ui/page-header';
import { GradeBadge } from './badges';

/** The pairing's recorded inspections, newest first (drafts stay on the bureau's list). */
export async function PairingInspectionsCard({ user, pairingId }: { user: Actor; pairingId: string }) {
  const rows = await pairingInspections(user, pairingId, db);
  if (rows.length === 0) return null;
  const t = await getTranslations('inspections');
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('pairingCard.title')}</h2>
      <ul className="flex flex-col gap-1 text-sm" data-testid="pairing-inspections">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/inspections/${r.id}`} className="inline-flex min-h-11 items-center tabular-nums text-brand-800 underline">
              {r.inspectedOn}
            </Link>
            {r.grade && <GradeBadge grade={r.grade} label={t(`grade.${r.grade}`)} />}
            <span className="text-stone-600">{r.announced ? t('announced.yes') : t('announced.no')}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
