import 'server-only';
import type { Db } from '@/lib/db';
import { DEFAULT_LOCALE } from '@/i18n/locales';
import { statusRows } from '@/lib/annual-plans/queries';
import { addDays } from '@/lib/cycles/periods';
import { COUNTED_TYPES } from '@/lib/effect-tests/evaluate';
import { appUrl as defaultAppUrl } from '@/lib/mail/settings';
import { translatorFor } from '@/lib/mail/compose';
import { queueOutbound } from '@/lib/outbox/queue';
import { overdueWhere } from '@/lib/rectifications/rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly, type IsoDate } from '@/lib/time/date-only';
import { localDate, monthRange } from '@/lib/time/zoned';
import { textMessage } from '@/lib/webhooks/post';
import { visitReminderMonth, waitingCutoff, WAITING_DAYS } from './rules';

/** Overdue kinds in the order the message lists them. */
const LINES = ['rectifications', 'requests', 'confirmations', 'plans', 'visits'] as const;
type Line = (typeof LINES)[number];
/** Kindergarten names owed something, per line (a name may owe several: counted, named once). */
export type CountyOverdue = Record<Line, { count: number; names: string[] }>;

/**
 * A plan or summary overdue for longer than this is the status list's business (it stays there), not
 * a line repeated every morning for years.
 */
const PLAN_OVERDUE_LISTED_DAYS = 365;

export type DigestOptions = { now?: Date; countyIds?: string[]; appUrl?: string };

/**
 * Each county with a group-robot webhook gets, once a day, the overdue items of its own
 * kindergartens: how many, and which kindergartens owe them (each item belongs to the county of the
 * kindergarten that must act). Nothing else: no titles, requirements or people, since everyone in the
 * county's group reads it. The post goes through the outbox, claimed by its occasion
 * ('webhook:<county>:<date>') in the same transaction, so it is sent once a day whatever runs it.
 */
export async function runCountyDigests(db: Db, options: DigestOptions = {}) {
  const now = options.now ?? new Date();
  const timeZone = await cityTimeZone(db);
  const today = localDate(now, timeZone);
  const counties = await db.region.findMany({
    where: { kind: 'COUNTY', webhookUrl: { not: null }, ...(options.countyIds ? { id: { in: options.countyIds } } : {}) },
    select: { id: true, name: true, webhookUrl: true },
  });
  const t = await translatorFor(DEFAULT_LOCALE);
  const url = options.appUrl ?? defaultAppUrl();
  let queued = 0;
  for (const county of counties) {
    const overdue = await countyOverdue(db, county.id, today, timeZone, now);
    const lines = LINES.filter((l) => overdue[l].count > 0);
    if (lines.length === 0) continue;
    const text = [
      t('notifications.webhook.heading', { county: county.name, date: today }),
      ...lines.map((l) =>
        t(`notifications.webhook.${l}`, { count: overdue[l].count, names: overdue[l].names.join('、'), days: WAITING_DAYS }),
      ),
      t('notifications.webhook.footer', { url }),
    ].join('\n');
    const sent = await db.$transaction(async (tx) => {
      const claimed =
        await tx.$executeRaw`INSERT INTO "ReminderOccasion" ("key") VALUES (${`webhook:${county.id}:${today}`}) ON CONFLICT DO NOTHING`;
      if (claimed === 0) return false;
      await queueOutbound(tx, { channel: 'WEBHOOK', url: county.webhookUrl!, subject: `${county.name} ${today}`, body: textMessage(text) });
      return true;
    });
    if (sent) queued += 1;
  }
  return { today, counties: counties.length, queued };
}

const unique = (names: string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh'));

/** The county's overdue items by the same rules as the reminders (rules.ts) and the status lists. */
export async function countyOverdue(db: Db, countyId: string, today: IsoDate, timeZone: string, now: Date): Promise<CountyOverdue> {
  const day = dateOnly(today);
  const cutoff = waitingCutoff(today, timeZone);
  const live = {
    startsOn: { lte: day },
    OR: [{ endsOn: null }, { endsOn: { gte: day } }],
    cycle: { semesters: { some: { endsOn: { gte: day } } } },
  };
  const month = visitReminderMonth(today);
  const s1 = COUNTED_TYPES.S1;
  const [rectifications, requests, pending, plans, visits] = await Promise.all([
    db.rectification.findMany({
      where: { AND: [overdueWhere(today), { kindergarten: { countyId } }] },
      select: { kindergarten: { select: { name: true } } },
    }),
    db.assistanceRequest.findMany({
      where: { status: 'OPEN', createdAt: { lt: cutoff }, pairing: { AND: [live, { supporting: { countyId } }] } },
      select: { pairing: { select: { supporting: { select: { name: true } } } } },
    }),
    db.activity.findMany({
      where: {
        status: 'DONE',
        confirmation: 'PENDING',
        updatedAt: { lt: cutoff },
        pairing: { AND: [live, { OR: [{ supporting: { countyId } }, { assisted: { countyId } }] }] },
      },
      select: {
        recordingKindergartenId: true,
        pairing: {
          select: {
            supportingId: true,
            supporting: { select: { name: true, countyId: true } },
            assisted: { select: { name: true, countyId: true } },
          },
        },
      },
    }),
    statusRows({ supporting: { countyId } }, db, now),
    month
      ? db.pairing.findMany({
          where: {
            AND: [
              live,
              { supporting: { countyId } },
              { cycle: { semesters: { some: { startsOn: { lte: day }, endsOn: { gte: day } } } } },
              {
                activities: {
                  none: {
                    type: { in: [...s1.types] },
                    direction: s1.direction,
                    status: 'DONE',
                    confirmation: { not: 'DISPUTED' },
                    startsAt: { gte: monthRange(month, timeZone).from, lt: monthRange(month, timeZone).to },
                  },
                },
              },
            ],
          },
          select: { supporting: { select: { name: true } } },
        })
      : [],
  ]);
  // The confirming side is the one that did not log the record: counted where it lies.
  const confirming = pending
    .map((a) => (a.recordingKindergartenId === a.pairing.supportingId ? a.pairing.assisted : a.pairing.supporting))
    .filter((k) => k.countyId === countyId);
  const since = addDays(today, -PLAN_OVERDUE_LISTED_DAYS);
  const overduePlans = plans.filter((r) => r.state === 'overdue' && r.dueOn >= since);
  return {
    rectifications: { count: rectifications.length, names: unique(rectifications.map((r) => r.kindergarten.name)) },
    requests: { count: requests.length, names: unique(requests.map((r) => r.pairing.supporting.name)) },
    confirmations: { count: confirming.length, names: unique(confirming.map((k) => k.name)) },
    plans: { count: overduePlans.length, names: unique(overduePlans.map((r) => r.supporting)) },
    visits: { count: visits.length, names: unique(visits.map((p) => p.supporting.name)) },
  };
}
