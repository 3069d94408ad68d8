import 'server-only';
import { createTranslator, type Messages } from 'next-intl';
import type { Tx } from '@/lib/db';
import { loadMessages } from '@/i18n/catalogue';
import { toLocale, type Locale } from '@/i18n/locales';
import type { MessageKey } from '@/i18n/translator';
import { queueEventMail, splitByChannel } from '@/lib/notification-settings/event-delivery';

/** Every kind of notification; its title is `notifications.kinds.<kind>.title` in the catalogue. */
export const NOTIFICATION_KINDS = [
  'activity.confirmed',
  'activity.disputed',
  'request.created',
  'request.answered',
  'annualPlan.returned',
  'annualPlan.filed',
  'inspection.recorded',
  'rectification.assigned',
  'rectification.answered',
  'rectification.accepted',
  'rectification.returned',
  'rectification.overdue',
  'bulletin.published',
  'lesson.rated',
  'commendation.published',
  'measurement.recorded',
  'measurement.confirmed',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A value put into the title: text as is, or a catalogue key translated in the recipient's language. */
export type NotificationValue = string | number | { key: MessageKey };

export type NotificationEvent = {
  kind: NotificationKind;
  /** Users to tell. The caller picks only people who may open `href`; the actor is left out here. */
  recipientIds: string[];
  /** The actor of the change: never notified of their own act. */
  actorId?: string | null;
  /** An app path of the record. */
  href: string;
  entityType?: string;
  entityId?: string;
  values?: Record<string, NotificationValue>;
};

const catalogues = new Map<Locale, Promise<Messages>>();
function messagesFor(locale: Locale): Promise<Messages> {
  let m = catalogues.get(locale);
  if (!m) {
    m = loadMessages(locale);
    catalogues.set(locale, m);
  }
  return m;
}

/** The title of a notification in one language (also used by reminders and mail). */
export async function renderNotificationTitle(
  locale: Locale,
  kind: NotificationKind,
  values: Record<string, NotificationValue> = {},
): Promise<string> {
  const t = createTranslator({ locale, messages: await messagesFor(locale) });
  const resolved: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(values)) resolved[name] = typeof v === 'object' ? t(v.key) : v;
  return t(`notifications.kinds.${kind}.title` as MessageKey, resolved);
}

/**
 * Writes the inbox lines of one event inside the caller's transaction, so a change that rolls back
 * tells nobody. Each recipient reads it in the language stored with their account, at the moment of
 * the event. Inactive accounts get nothing.
 */
export async function notify(tx: Tx, event: NotificationEvent): Promise<number> {
  const ids = [...new Set(event.recipientIds)].filter((id) => id !== event.actorId);
  if (ids.length === 0) return 0;
  const people = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, locale: true, email: true } });
  const titles = new Map<Locale, string>();
  for (const p of people) {
    const locale = toLocale(p.locale);
    if (!titles.has(locale)) titles.set(locale, await renderNotificationTitle(locale, event.kind, event.values));
  }
  // Each person's channels for this kind (My account; the city's mandatory kinds), mail through the outbox.
  const by = await splitByChannel(tx, people, event.kind);
  await queueEventMail(tx, by.email, titles, event.href);
  const { count } = await tx.notification.createMany({
    data: by.inApp.map((p) => ({
      recipientId: p.id,
      kind: event.kind,
      title: titles.get(toLocale(p.locale))!,
      href: event.href,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
    })),
  });
  return count;
}
