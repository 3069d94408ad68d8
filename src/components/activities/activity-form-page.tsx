import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/session';
import { activityFormOptions, answerableRequests } from '@/lib/activities/queries';
import { PageHeader, Card } from '@/components/ui/page-header';
import { ActivityForm } from './activity-form';

/** The new and edit pages share everything but their title and starting values. */
export async function ActivityFormPage({ user, title, initial }: { user: SessionUser; title: string; initial: Record<string, string> }) {
  const t = await getTranslations('activities');
  // Editing offers the activity's own pairing only, even if it has ended since.
  const edited = initial.id
    ? { pairingId: initial.pairingId, participantIds: (initial.participantIds ?? '').split(',').filter(Boolean) }
    : undefined;
  const usable = await activityFormOptions(user, db, new Date(), edited);
  const requests = await answerableRequests(
    user,
    usable.filter((p) => p.canAnswerRequests).map((p) => p.id),
    db,
    initial.requestId || undefined,
  );
  return (
    <>
      <PageHeader title={title} />
      {usable.length === 0 ? (
        <Card>
          <p>{t('noPairing')}</p>
        </Card>
      ) : (
        <ActivityForm pairings={usable} requests={requests} initial={initial} />
      )}
    </>
  );
}
