import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/session';
import { duplicatesForActivity, listEvidence } from '@/lib/evidence/queries';
import type { Target } from '@/lib/evidence/commands';
import { Card } from '@/components/ui/page-header';
import { EvidencePanel } from './evidence-panel';

/** The photos and documents card of a record page; duplicate photos are flagged to admins. */
export async function EvidenceCard({ user, target, id }: { user: SessionUser; target: Target; id: string }) {
  const data = await listEvidence(user, target, id, db);
  if (!data) return null;
  const t = await getTranslations('evidence');
  const format = await getFormatter();
  const dups = target === 'activity' ? await duplicatesForActivity(user, id, db) : [];
  const dupOf = new Map<string, string[]>();
  for (const d of dups) dupOf.set(d.fileId, [...(dupOf.get(d.fileId) ?? []), d.otherTitle]);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{t('title')}</h2>
      {dups.length > 0 && (
        <div
          role="status"
          className="mb-3 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="duplicate-warning"
        >
          {t('duplicateWarning', {
            titles: format.list([...new Set(dups.map((d) => d.otherTitle))], { type: 'conjunction', style: 'narrow' }),
          })}
          <ul className="mt-1 list-disc pl-5">
            {[...new Map(dups.map((d) => [d.otherActivityId, d])).values()].map((d) => (
              <li key={d.otherActivityId}>
                <Link href={`/activities/${d.otherActivityId}`} className="underline">
                  {d.otherTitle}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.locked && <p className="mb-2 text-xs text-stone-600">{t('locked')}</p>}
      <EvidencePanel
        target={target}
        recordId={id}
        canAttach={data.canAttach}
        items={data.items.map((i) => ({
          ...i,
          createdAt: i.createdAt.toISOString(),
          duplicate: dupOf.has(i.id) ? format.list(dupOf.get(i.id)!, { type: 'conjunction', style: 'narrow' }) : undefined,
        }))}
      />
    </Card>
  );
}
