import 'server-only';
import type { Db } from '@/lib/db';
import { can, userCountyId, type Action, type Actor, type Resource } from '@/lib/authz';
import type { Role } from '@/generated/prisma/enums';
import { toLocale } from '@/i18n/locales';
import { kindTitleKey, mailText, translatorFor } from '@/lib/mail/compose';
import type { MailSettings } from '@/lib/mail/settings';
import { queueOutbound } from '@/lib/outbox/queue';
import { channelChoice } from '@/lib/notification-settings/channels';
import { DIGEST_KIND, occasionKey, type ReminderItemKind } from './rules';

/** One thing to remind one person of, with what they need to open it. */
export type ReminderItem = {
  kind: ReminderItemKind;
  /** The occasion's key without the person, e.g. 'rect:<id>:d3'. */
  occasion: string;
  href: string;
  entityType: string;
  entityId: string;
  values: Record<string, string | number>;
  /** Checked for each recipient before anything is written: a reminder never names a record they could not open. */
  permission: Action;
  resource: Resource;
};

export type Recipient = Actor & { locale: string; email: string | null };

/** What recipients are loaded with: enough to check their scope and to write to them in their language. */
export const RECIPIENT_SELECT = {
  id: true,
  role: true,
  kindergartenId: true,
  regionId: true,
  locale: true,
  email: true,
  kindergarten: { select: { countyId: true } },
} as const;

export function toRecipient(u: {
  id: string;
  role: Role;
  kindergartenId: string | null;
  regionId: string | null;
  locale: string;
  email: string | null;
  kindergarten: { countyId: string } | null;
}): Recipient {
  return { id: u.id, role: u.role, kindergartenId: u.kindergartenId, countyId: userCountyId(u), locale: u.locale, email: u.email };
}

export type DeliverOptions = { mail: MailSettings | null; appUrl: string };
export type Delivered = { fresh: number; inApp: number; mailed: number };

/**
 * One person's reminders of a run, in one transaction: the occasions are claimed first (INSERT … ON
 * CONFLICT DO NOTHING), and only those this transaction claimed are told, so a second run or a
 * concurrent worker tells nobody twice (the second waits on the first's uncommitted keys, then skips
 * them). Several items become one digest line in the inbox and one mail; each channel takes only the
 * kinds the person keeps on (or the city made mandatory).
 */
export async function deliverReminders(db: Db, recipient: Recipient, items: ReminderItem[], opts: DeliverOptions): Promise<Delivered> {
  const byOccasion = new Map<string, ReminderItem>();
  for (const item of items) if (can(recipient, item.permission, item.resource)) byOccasion.set(item.occasion, item);
  const visible = [...byOccasion.values()];
  if (visible.length === 0) return { fresh: 0, inApp: 0, mailed: 0 };

  return db.$transaction(
    async (tx) => {
      // Sorted: two workers claiming the same keys take their locks in one order, so neither deadlocks.
      const keys = visible.map((i) => occasionKey(i.occasion, recipient.id)).sort();
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "ReminderOccasion" ("key") SELECT unnest(${keys}::text[]) ON CONFLICT DO NOTHING RETURNING "key"`;
      const mine = new Set(claimed.map((r) => r.key));
      const fresh = visible.filter((i) => mine.has(occasionKey(i.occasion, recipient.id)));
      if (fresh.length === 0) return { fresh: 0, inApp: 0, mailed: 0 };

      const choose = await channelChoice(tx, [recipient.id], [...new Set(fresh.map((i) => i.kind))]);
      const t = await translatorFor(toLocale(recipient.locale));
      const lines = fresh.map((item) => ({ item, text: t(kindTitleKey(item.kind), item.values) }));
      const digestTitle = (count: number) => t('notifications.kinds.reminder.digest.title', { count });

      const inApp = lines.filter((l) => choose(recipient.id, l.item.kind, 'IN_APP'));
      if (inApp.length === 1) {
        const { item, text } = inApp[0];
        await tx.notification.create({
          data: {
            recipientId: recipient.id,
            kind: item.kind,
            title: text,
            href: item.href,
            entityType: item.entityType,
            entityId: item.entityId,
          },
        });
      } else if (inApp.length > 1) {
        // The home page lists what waits, each item with its link; the line itself says what is in it.
        await tx.notification.create({
          data: {
            recipientId: recipient.id,
            kind: DIGEST_KIND,
            title: digestTitle(inApp.length),
            body: inApp.map((l) => l.text).join('\n'),
            href: '/',
          },
        });
      }

      const byMail = opts.mail && recipient.email ? lines.filter((l) => choose(recipient.id, l.item.kind, 'EMAIL')) : [];
      if (byMail.length > 0) {
        await queueOutbound(tx, {
          channel: 'EMAIL',
          to: recipient.email!,
          subject: byMail.length === 1 ? byMail[0].text : digestTitle(byMail.length),
          text: mailText(
            t,
            byMail.map((l) => ({ text: l.text, href: l.item.href })),
            opts.appUrl,
          ),
        });
      }
      return { fresh: fresh.length, inApp: inApp.length, mailed: byMail.length };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
