import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { QUEUES } from '@/lib/queue/queues.mjs';
import { sendInTransaction } from '@/lib/queue/send';
import type { TextMessage } from '@/lib/webhooks/post';

export type OutboundMail = { channel: 'EMAIL'; to: string; subject: string; text: string };
export type OutboundWebhook = { channel: 'WEBHOOK'; url: string; subject: string; body: TextMessage };

/**
 * The outbox: a mail or webhook post is a row written in the transaction of the notification it
 * carries, with its delivery job queued in that same transaction. Nothing leaves before the change
 * commits, and nothing committed is forgotten; the job retries with backoff (queues.mjs) and the row
 * keeps the attempts and the last error.
 */
export async function queueOutbound(tx: Tx, message: OutboundMail | OutboundWebhook): Promise<string> {
  const row = await tx.outboundMessage.create({
    data:
      message.channel === 'EMAIL'
        ? { channel: 'EMAIL', recipient: message.to, subject: message.subject, payload: { text: message.text } }
        : { channel: 'WEBHOOK', recipient: message.url, subject: message.subject, payload: message.body as Prisma.InputJsonValue },
    select: { id: true },
  });
  await sendInTransaction(tx, QUEUES.outboxDeliver.name, { id: row.id });
  return row.id;
}
