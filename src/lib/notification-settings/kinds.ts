import { NOTIFICATION_KINDS } from '@/lib/notifications/notify';
import { REMINDER_KINDS } from '@/lib/reminders/rules';
import type { MessageKey } from '@/i18n/translator';

/** The kinds a person chooses channels for, in two groups: events as they happen, and reminders. */
export const REMINDER_GROUP: readonly string[] = ['rectification.overdue', ...REMINDER_KINDS];
export const EVENT_GROUP: readonly string[] = NOTIFICATION_KINDS.filter((k) => !REMINDER_GROUP.includes(k));
export const PREFERENCE_KINDS: readonly string[] = [...EVENT_GROUP, ...REMINDER_GROUP];

/** The name of a kind on My account and the city's settings (a unit test checks every kind has one). */
export function kindLabelKey(kind: string): MessageKey {
  return `notifications.labels.${kind}` as MessageKey;
}
