/**
 * The reminder checks run once for the demo date, after every other seed module, so each demo account
 * opens on the reminders the morning job would have sent (issue 11). In-app only: demo addresses are
 * not real mailboxes.
 */
import type { PrismaClient } from '@/generated/prisma/client';

const DAY = 86_400_000;

export async function seedReminders(db: PrismaClient, now = new Date()) {
  // Every demo row was written a moment ago. Give the ones reminders wait on the age they would have:
  // a record waits for confirmation since the day it was kept, an open request since it was asked.
  await db.$executeRaw`
    UPDATE "Activity" SET "updatedAt" = "startsAt" + interval '3 hours'
    WHERE status = 'DONE' AND confirmation = 'PENDING' AND "startsAt" + interval '3 hours' < ${now}`;
  await db.assistanceRequest.updateMany({
    where: { status: 'OPEN', createdAt: { gt: new Date(now.getTime() - DAY) } },
    data: { createdAt: new Date(now.getTime() - 9 * DAY) },
  });
  // App modules are marked server-only: load them the way `npm run worker` does.
  await import('../scripts/outside-next.mjs');
  const { runReminderChecks } = await import('../src/lib/reminders/checks');
  try {
    return await runReminderChecks(db, { now, mail: null });
  } catch (error) {
    // The demo is still usable without its reminders; the job would retry, the seed says why.
    console.warn(`Demo reminders incomplete: ${(error as Error).message}`);
    return null;
  }
}
