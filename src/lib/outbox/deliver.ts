import 'server-only';
import type { Db } from '@/lib/db';
import { mailSettings, type MailSettings } from '@/lib/mail/settings';
import { sendMail, type Mail } from '@/lib/mail/transport';
import { postWebhook } from '@/lib/webhooks/post';

export type Senders = {
  mail: (settings: MailSettings, mail: Mail) => Promise<void>;
  webhook: (url: string, body: unknown) => Promise<void>;
};
const SENDERS: Senders = { mail: sendMail, webhook: postWebhook };

export type Delivery = { status: 'sent' } | { status: 'skipped' } | { status: 'failed'; error: string };

/**
 * Delivers one outbox row. The row is locked while it is sent (SKIP LOCKED: a second worker holding
 * the same job leaves it), and `sentAt` is set in that transaction, so a message is sent once unless
 * the process dies between the server's acceptance and the commit (then at most twice). A failure is
 * recorded on the row and returned; the job handler throws it so pg-boss retries.
 */
export async function deliverOutbound(db: Db, id: string, senders: Senders = SENDERS, now = new Date()): Promise<Delivery> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<
        { id: string; channel: 'EMAIL' | 'WEBHOOK' | 'IN_APP'; recipient: string; subject: string; payload: unknown }[]
      >`
        SELECT id, channel::text AS channel, recipient, subject, payload FROM "OutboundMessage"
        WHERE id = ${id} AND "sentAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (!row) return { status: 'skipped' } as const;
      try {
        if (row.channel === 'EMAIL') {
          const settings = mailSettings();
          if (!settings) throw new Error('SMTP is not configured on this instance (SMTP_URL or SMTP_HOST)');
          const { text } = row.payload as { text: string };
          await senders.mail(settings, { to: row.recipient, subject: row.subject, text });
        } else if (row.channel === 'WEBHOOK') {
          await senders.webhook(row.recipient, row.payload);
        } else {
          throw new Error(`channel ${row.channel} is not delivered through the outbox`);
        }
      } catch (e) {
        const error = String((e as Error)?.message ?? e).slice(0, 1000);
        await tx.outboundMessage.update({ where: { id }, data: { attempts: { increment: 1 }, error } });
        return { status: 'failed', error } as const;
      }
      await tx.outboundMessage.update({ where: { id }, data: { attempts: { increment: 1 }, sentAt: now, error: null } });
      return { status: 'sent' } as const;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
