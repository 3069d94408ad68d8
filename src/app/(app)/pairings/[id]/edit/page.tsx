import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { loadPairingOr404 } from '@/lib/pairings/load';
import { groupOptions } from '@/lib/pairings/people';
import { Card, PageHeader } from '@/components/ui/page-header';
import { PairingForm } from '@/components/pairings/pairing-form';
import { EndPairingForm } from '@/components/pairings/end-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('pairings.editTitle');

export default async function EditPairingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const p = await loadPairingOr404(user, id, `/pairings/${id}/edit`);
  if (!p.canUpdate && !p.canEnd) await denyAccess(user, { entityType: 'Pairing', entityId: id, path: `/pairings/${id}/edit` });
  const t = await getTranslations('pairings');
  const people = await groupOptions(
    [p.supportingId, p.assistedId],
    p.members.map((m) => m.userId),
  );
  const bounds = { min: p.cycle.startsOn ?? '', max: p.cycle.endsOn ?? '' };
  const leader = p.members.find((m) => m.role === 'LEADER')?.userId ?? '';
  const defaults = {
    version: String(p.version),
    startsOn: p.startsOn,
    goalConditions: p.goalConditions,
    goalManagement: p.goalManagement,
    goalTeachers: p.goalTeachers,
    goalChildren: p.goalChildren,
    leaderId: leader,
    memberIds: p.members
      .filter((m) => m.role === 'MEMBER')
      .map((m) => m.userId)
      .join(','),
  };
  return (
    <>
      <PageHeader title={t('editTitle')}>
        <Link
          href={`/pairings/${p.id}`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >{`${p.supporting.name} · ${p.assisted.name}`}</Link>
      </PageHeader>
      <p className="mb-4 text-sm text-stone-600">{t('version', { version: p.version })}</p>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        {p.canUpdate && (
          <Card>
            <PairingForm mode="edit" hidden={{ pairingId: p.id }} defaults={defaults} people={people} dateBounds={bounds} />
          </Card>
        )}
        {p.canEnd && (
          <Card className="self-start">
            <h2 className="mb-1 font-semibold">{t('end')}</h2>
            <p className="mb-3 text-sm text-stone-600">{t('endHelp')}</p>
            <EndPairingForm
              pairingId={p.id}
              defaults={{ version: String(p.version), endsOn: p.endsOn ?? '', endReason: p.endReason ?? '' }}
              dateBounds={{ min: p.startsOn, max: bounds.max }}
            />
          </Card>
        )}
      </div>
    </>
  );
}
