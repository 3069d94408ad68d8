import 'server-only';
import type { Db } from '@/lib/db';
import { deleteAbandonedBatches } from '@/lib/spreadsheet/import-batch';

/** Delivered mails and webhook posts are kept this long (to answer "did it go out?"), then deleted: they hold addresses. */
export const SENT_MESSAGES_KEPT_DAYS = 90;

/** The daily clean-up job: expired import previews, then old delivered messages. */
export async function runCleanup(db: Db, now = new Date()) {
  const importPreviews = await deleteAbandonedBatches(db, now);
  const { count: sentMessages } = await db.outboundMessage.deleteMany({
    where: { sentAt: { lt: new Date(now.getTime() - SENT_MESSAGES_KEPT_DAYS * 86_400_000) } },
  });
  return { importPreviews, sentMessages };
}
