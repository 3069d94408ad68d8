import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getActivity } from '@/lib/activities/queries';
import { instantToZoned } from '@/lib/time/zoned';
import { cityTimeZone } from '@/lib/time/city-zone';
import { ActivityFormPage } from '@/components/activities/activity-form-page';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('activities.editTitle');

export default async function EditActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { done } = await searchParams;
  const a = await getActivity(user, id, db);
  if (!a || !a.canEdit) await denyAccess(user, { entityType: 'Activity', entityId: id, path: `/activities/${id}/edit` });
  const t = await getTranslations('activities');
  // The form shows the wall clock the save will read the typed times on.
  const timeZone = await cityTimeZone(db);
  const start = instantToZoned(a!.startsAt, timeZone);
  const end = a!.endsAt ? instantToZoned(a!.endsAt, timeZone) : null;
  const initial: Record<string, string> = {
    id: a!.id,
    version: String(a!.version),
    pairingId: a!.pairing.id,
    type: a!.type,
    direction: a!.direction,
    targetArea: a!.targetArea,
    status: done ? 'DONE' : a!.status,
    title: a!.title,
    startDate: start.date,
    startTime: start.time,
    endDate: end && end.date !== start.date ? end.date : '',
    endTime: end?.time ?? '',
    location: a!.location,
    classHours: a!.classHours?.toString() ?? '',
    childCount: a!.childCount?.toString() ?? '',
    outsideExperts: a!.outsideExperts.join('\n'),
    participantIds: a!.participants.map((p) => p.id).join(','),
    plan: a!.plan,
    measures: a!.measures,
    record: a!.record,
    summary: a!.summary,
    requestId: a!.request?.id ?? '',
    donationLines: JSON.stringify(
      a!.donationLines.map((l) => ({ item: l.item, quantity: String(l.quantity), unit: l.unit, estimatedValue: String(l.estimatedValue) })),
    ),
  };
  return <ActivityFormPage user={user} title={t('editTitle')} initial={initial} />;
}
