import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { getRequestPrefill } from '@/lib/activities/queries';
import { cityToday } from '@/lib/time/today';
import { TYPE_RULES } from '@/lib/activities/rules';
import { DateString, searchId } from '@/lib/schema-fields';
import { ActivityFormPage } from '@/components/activities/activity-form-page';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('activities.newTitle');

// A request suggests the type of activity that answers it.
const TYPE_FOR_REQUEST = {
  LECTURE_TOPIC: 'SPECIAL_LECTURE',
  DEMONSTRATION_CLASS: 'SENT_DEMONSTRATION',
  ITEM: 'DONATION',
  OTHER: '',
} as const;

export default async function NewActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'activity.create')) await denyAccess(user, { entityType: 'Page', path: '/activities/new' });
  const q = await searchParams;
  const t = await getTranslations('activities');
  const today = await cityToday(db);
  const initial: Record<string, string> = {
    pairingId: searchId.parse(q.pairing) ?? '',
    type: q.type ?? '',
    status: q.status === 'PLANNED' ? 'PLANNED' : 'DONE',
    startDate: DateString.safeParse(q.date).data ?? today,
    startTime: '09:00',
  };
  const requestId = searchId.parse(q.request);
  if (requestId) {
    const request = await getRequestPrefill(user, requestId, db);
    if (request) {
      Object.assign(initial, {
        pairingId: request.pairingId,
        requestId: request.id,
        status: 'PLANNED',
        title: request.title,
        plan: request.details,
        type: TYPE_FOR_REQUEST[request.kind],
      });
    }
  }
  const rule = TYPE_RULES[initial.type as keyof typeof TYPE_RULES];
  if (rule) Object.assign(initial, { direction: rule.direction, targetArea: rule.targetArea });
  return <ActivityFormPage user={user} title={t('newTitle')} initial={initial} />;
}
