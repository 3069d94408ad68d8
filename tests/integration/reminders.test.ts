// Scheduled reminders (issue 11): each rule at its boundary on the city's clock, once per occasion
// (twice in a row, or two workers at once), several as one digest, never naming a record the person
// could not open, and each person's channels with the city's mandatory kinds.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { runReminderChecks } from '@/lib/reminders/checks';
import { deliverReminders, toRecipient, RECIPIENT_SELECT } from '@/lib/reminders/deliver';
import { setMandatoryKinds, setOwnPreferences } from '@/lib/notification-settings/commands';
import { notify } from '@/lib/notifications/notify';
import { pairingResource } from '@/lib/authz';
import { cityTimeZone } from '@/lib/time/city-zone';
import { createActivity } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { cityTime, createRectification, createReminderWorld, createRequest } from '../fixtures/reminder-factories';

let tz: string;
let other: PrismaClient;

beforeAll(async () => {
  tz = await cityTimeZone(db);
  other = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl'), max: 4 }) });
});
afterAll(async () => {
  await other?.$disconnect();
});

type World = Awaited<ReturnType<typeof createReminderWorld>>;
const run = (w: World, date: string, time = '10:00', client: PrismaClient = db) =>
  runReminderChecks(client, { now: cityTime(date, time, tz), countyIds: w.countyIds, mail: null });
const inbox = (userId: string) =>
  db.notification.findMany({
    where: { recipientId: userId },
    orderBy: { createdAt: 'asc' },
    select: { kind: true, title: true, body: true, href: true },
  });

/** The city's mandatory kinds, restored afterwards (a deployment has one city: the first). */
async function withMandatory<T>(kinds: string[], fn: () => Promise<T>): Promise<T> {
  const city = await db.region.findFirstOrThrow({ where: { kind: 'CITY' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const before = await db.citySetting.findUnique({ where: { cityId: city.id } });
  await db.citySetting.upsert({
    where: { cityId: city.id },
    create: { cityId: city.id, mandatoryNotificationKinds: kinds },
    update: { mandatoryNotificationKinds: kinds },
  });
  try {
    return await fn();
  } finally {
    if (before)
      await db.citySetting.update({ where: { cityId: city.id }, data: { mandatoryNotificationKinds: before.mandatoryNotificationKinds } });
    else await db.citySetting.delete({ where: { cityId: city.id } });
  }
}

describe('the monthly visit (S1)', () => {
  it('is reminded from 00:00 on the 20th in the city, to the supporting directors, once', async () => {
    const w = await createReminderWorld(db);
    const march = `${w.Y + 1}-03`;
    await run(w, `${march}-19`, '23:59');
    expect(await inbox(w.directorA.id)).toEqual([]);

    const first = await run(w, `${march}-20`, '00:00');
    expect(first).toMatchObject({ items: 2, told: 2, inApp: 2 });
    const [a] = await inbox(w.directorA.id);
    expect(a).toMatchObject({ kind: 'reminder.visit', href: `/activities/new?pairing=${w.pairingA.id}&type=DAILY_OBSERVATION` });
    expect(a.title).toContain(w.names.kgA2);
    expect(a.title).toContain(march);
    expect((await inbox(w.directorB.id)).map((n) => n.title)).toEqual([expect.stringContaining(w.names.kgB2)]);
    // The assisted side and teachers are not the ones to visit.
    expect(await inbox(w.directorA2.id)).toEqual([]);
    expect(await inbox(w.teacherA.id)).toEqual([]);

    // Later runs the same month (a restart, the next morning) tell nobody again.
    expect(await run(w, `${march}-20`, '10:00')).toMatchObject({ items: 2, told: 0, inApp: 0 });
    expect(await run(w, `${march}-21`)).toMatchObject({ told: 0 });
    expect(await inbox(w.directorA.id)).toHaveLength(1);
  });

  it('is not reminded once a visit was made this month', async () => {
    const w = await createReminderWorld(db);
    await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      type: 'DAILY_OBSERVATION',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      startsAt: cityTime(`${w.Y + 1}-03-02`, '09:00', tz),
    });
    await run(w, `${w.Y + 1}-03-20`);
    expect(await inbox(w.directorA.id)).toEqual([]);
    expect(await inbox(w.directorB.id)).toHaveLength(1);
  });
});

describe('several reminders due the same day', () => {
  it('arrive as one digest listing them, naming only the person’s own records', async () => {
    const w = await createReminderWorld(db);
    const y1 = w.Y + 1;
    // Asked at 09:00 on the 13th: seven city days on the 20th. Asked at 00:00 on the 14th: six.
    await createRequest(db, {
      pairingId: w.pairingA.id,
      createdById: w.directorA2.id,
      title: '请送教科学活动',
      createdAt: cityTime(`${y1}-04-13`, '09:00', tz),
    });
    await createRequest(db, {
      pairingId: w.pairingA.id,
      createdById: w.directorA2.id,
      title: '六天前的需求',
      createdAt: cityTime(`${y1}-04-14`, '00:00', tz),
    });
    // Logged by the assisted side, waiting for the supporting director's confirmation since the 12th.
    const record = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA2.id,
      createdById: w.directorA2.id,
      status: 'DONE',
      title: '跟岗学习记录',
      startsAt: cityTime(`${y1}-04-10`, '09:00', tz),
    });
    await db.activity.update({ where: { id: record.id }, data: { updatedAt: cityTime(`${y1}-04-12`, '18:00', tz) } });

    await run(w, `${y1}-04-20`);
    const mine = await inbox(w.directorA.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'reminder.digest', href: '/' });
    expect(mine[0].title).toBe('您有3项提醒');
    const lines = mine[0].body.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining(w.names.kgA2),
        expect.stringContaining('请送教科学活动'),
        expect.stringContaining('跟岗学习记录'),
      ]),
    );
    expect(mine[0].body).not.toContain('六天前的需求');
    // Scope: nothing of the other county's pairing.
    expect(mine[0].body).not.toContain(w.names.kgB2);
    expect((await inbox(w.directorB.id)).map((n) => n.kind)).toEqual(['reminder.visit']);
    expect((await inbox(w.directorB.id))[0].title).not.toContain(w.names.kgA2);
    // The asking side has nothing to do: the request and the record are the other side's to act on.
    expect(await inbox(w.directorA2.id)).toEqual([]);

    // The six-day request's turn comes the next day, alone.
    await run(w, `${y1}-04-21`);
    const next = await inbox(w.directorA.id);
    expect(next).toHaveLength(2);
    expect(next[1]).toMatchObject({ kind: 'reminder.request' });
    expect(next[1].title).toContain('六天前的需求');
  });

  it('are written in the recipient’s language', async () => {
    const w = await createReminderWorld(db);
    await db.user.update({ where: { id: w.directorB.id }, data: { locale: 'en' } });
    await run(w, `${w.Y + 1}-03-20`);
    const [b] = await inbox(w.directorB.id);
    expect(b.title).toBe(`No visit to ${w.names.kgB2} yet this month (${w.Y + 1}-03) to observe the day`);
  });

  it('never name a record the recipient could not open, whoever the caller picked', async () => {
    const w = await createReminderWorld(db);
    const directorA = toRecipient(await db.user.findUniqueOrThrow({ where: { id: w.directorA.id }, select: RECIPIENT_SELECT }));
    const p = await db.pairing.findUniqueOrThrow({
      where: { id: w.pairingB.id },
      include: { supporting: { select: { countyId: true } }, assisted: { select: { countyId: true } } },
    });
    const item = {
      kind: 'reminder.visit' as const,
      occasion: `visit:test:${p.id}`,
      href: `/pairings/${p.id}`,
      entityType: 'Pairing',
      entityId: p.id,
      values: { kindergarten: w.names.kgB2, month: 'x' },
      permission: 'activity.create' as const,
      resource: pairingResource(p),
    };
    expect(await deliverReminders(db, directorA, [item], { mail: null, appUrl: 'http://x' })).toEqual({ fresh: 0, inApp: 0, mailed: 0 });
    expect(await inbox(w.directorA.id)).toEqual([]);
    expect(await db.reminderOccasion.count({ where: { key: { startsWith: `visit:test:${p.id}` } } })).toBe(0);
  });
});

describe('plans and summaries', () => {
  it('not handed in are reminded 14 and 3 days before the due date', async () => {
    const w = await createReminderWorld(db);
    const y1 = w.Y + 1;
    // Due on 31 August: year Y's summary and year Y+1's plan.
    await run(w, `${y1}-08-16`);
    expect(await inbox(w.directorA.id)).toEqual([]);
    await run(w, `${y1}-08-17`);
    const [digest] = await inbox(w.directorA.id);
    expect(digest).toMatchObject({ kind: 'reminder.digest' });
    expect(digest.body).toContain('年度计划还有14天到期');
    expect(digest.body).toContain('年度总结还有14天到期');
    // Handed in meanwhile: the plan is not reminded again, the summary is.
    await db.annualPlan.create({
      data: {
        pairingId: w.pairingA.id,
        academicYear: y1,
        planStatus: 'SUBMITTED',
        planSubmittedAt: new Date(),
        updatedById: w.directorA.id,
      },
    });
    await run(w, `${y1}-08-28`);
    const later = await inbox(w.directorA.id);
    expect(later).toHaveLength(2);
    expect(later[1]).toMatchObject({ kind: 'reminder.annualPlan', href: `/annual-plans/${w.pairingA.id}/${w.Y}` });
    expect(later[1].title).toContain('年度总结还有3天到期');
    await run(w, `${y1}-08-31`);
    expect(await inbox(w.directorA.id)).toHaveLength(2);
    // The assisted side comments but does not write them.
    expect(await inbox(w.directorA2.id)).toEqual([]);
  });
});

describe('rectifications', () => {
  it('are reminded three days before and on the deadline, then overdue to the kindergarten and its office', async () => {
    const w = await createReminderWorld(db);
    const y1 = w.Y + 1;
    const r = await createRectification(db, {
      kindergartenId: w.kgA2.id,
      officeCountyId: w.countyA.id,
      createdById: w.countyAdminA.id,
      requirement: '户外场地安全隐患整改',
      deadline: `${y1}-05-10`,
    });
    await run(w, `${y1}-05-06`);
    expect(await inbox(w.directorA2.id)).toEqual([]);
    await run(w, `${y1}-05-07`);
    await run(w, `${y1}-05-09`);
    await run(w, `${y1}-05-10`);
    expect(await inbox(w.countyAdminA.id)).toEqual([]);
    await run(w, `${y1}-05-11`);
    await run(w, `${y1}-05-12`);
    expect((await inbox(w.directorA2.id)).map((n) => [n.kind, n.title])).toEqual([
      ['reminder.rectification', `整改「户外场地安全隐患整改」还有3天到期（${y1}-05-10）`],
      ['reminder.rectification', `整改「户外场地安全隐患整改」今天到期（${y1}-05-10）`],
      ['rectification.overdue', '整改已逾期：户外场地安全隐患整改'],
    ]);
    expect(await inbox(w.countyAdminA.id)).toEqual([
      { kind: 'rectification.overdue', title: '整改已逾期：户外场地安全隐患整改', body: '', href: `/rectifications/${r.id}` },
    ]);
    // Another county's office and the supporting side are not told.
    expect(await inbox(w.countyAdminB.id)).toEqual([]);
    expect(await inbox(w.directorA.id)).toEqual([]);
  });

  it('answered in time are not reminded', async () => {
    const w = await createReminderWorld(db);
    const r = await createRectification(db, {
      kindergartenId: w.kgB.id,
      officeCountyId: null,
      createdById: w.cityAdmin.id,
      requirement: '补齐档案',
      deadline: `${w.Y + 1}-05-10`,
    });
    await db.rectification.update({ where: { id: r.id }, data: { status: 'ANSWERED' } });
    await run(w, `${w.Y + 1}-05-11`);
    expect(await inbox(w.directorB.id)).toEqual([]);
  });
});

describe('class hours', () => {
  it('at risk are reminded once the semester has a month left', async () => {
    const w = await createReminderWorld(db);
    const y1 = w.Y + 1; // the spring semester ends on 31 July
    const hours = async () => (await inbox(w.directorA.id)).filter((n) => n.kind === 'reminder.classHours');
    await run(w, `${y1}-06-30`); // 31 days left (and June's visit, which is another reminder)
    expect(await hours()).toEqual([]);
    await run(w, `${y1}-07-01`);
    const [a] = await hours();
    expect(a).toMatchObject({ kind: 'reminder.classHours', href: `/pairings/${w.pairingA.id}/effect-tests` });
    expect(a.title).toContain(w.names.kgA2);
    expect(a.title).toContain('学期还剩30天');
  });
});

describe('idempotency across workers', () => {
  it('sends once when two clients run the checks at the same moment', async () => {
    const w = await createReminderWorld(db);
    const date = `${w.Y + 1}-03-20`;
    const [one, two] = await Promise.all([run(w, date, '08:00', db), run(w, date, '08:00', other)]);
    expect(one.told + two.told).toBe(2);
    expect(await inbox(w.directorA.id)).toHaveLength(1);
    expect(await inbox(w.directorB.id)).toHaveLength(1);
    expect(await db.reminderOccasion.count({ where: { key: { endsWith: `:${w.directorA.id}` } } })).toBe(1);
  });
});

describe('each person’s channels', () => {
  it('leave out a kind switched off in the app, unless the city made it mandatory', async () => {
    const w = await createReminderWorld(db);
    const b = await actorFor(db, w.directorB);
    const saved = await setOwnPreferences(b, { inApp: [], email: ['reminder.visit'] }, db);
    expect(saved.ok).toBe(true);
    expect(
      await db.notificationPreference.findUnique({
        where: { userId_kind_channel: { userId: b.id, kind: 'reminder.visit', channel: 'IN_APP' } },
      }),
    ).toMatchObject({
      enabled: false,
    });
    expect(await db.auditEntry.count({ where: { action: 'notification.preferencesChanged', entityId: b.id } })).toBe(1);

    await run(w, `${w.Y + 1}-03-20`);
    expect(await inbox(w.directorB.id)).toEqual([]);
    expect(await inbox(w.directorA.id)).toHaveLength(1);

    await withMandatory(['reminder.visit'], () => run(w, `${w.Y + 1}-04-20`));
    expect((await inbox(w.directorB.id)).map((n) => n.kind)).toEqual(['reminder.visit']);
  });

  it('apply to notifications of events too', async () => {
    const w = await createReminderWorld(db);
    const a = await actorFor(db, w.directorA);
    await setOwnPreferences(a, { inApp: ['activity.confirmed'], email: [] }, db);
    const event = { kind: 'activity.disputed' as const, recipientIds: [a.id], href: '/activities', values: { title: '联谊' } };
    expect(await db.$transaction((tx) => notify(tx, event))).toBe(0);
    expect(await withMandatory(['activity.disputed'], () => db.$transaction((tx) => notify(tx, event)))).toBe(1);
    expect(await db.$transaction((tx) => notify(tx, { ...event, kind: 'activity.confirmed' }))).toBe(1);
  });

  it('mandatory kinds are set by the city admin only, audited', async () => {
    const w = await createReminderWorld(db);
    const director = await actorFor(db, w.directorA);
    expect(await setMandatoryKinds(director, { kinds: ['reminder.visit'] }, db)).toMatchObject({ ok: false, error: 'notFound' });
    const admin = await actorFor(db, w.cityAdmin);
    expect(await setMandatoryKinds(admin, { kinds: ['reminder.visit', 'no.such'] }, db)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await setMandatoryKinds(admin, { kinds: ['rectification.overdue', 'reminder.visit'] }, db)).toEqual({
      ok: true,
      value: { id: w.city.id },
    });
    expect(await db.citySetting.findUnique({ where: { cityId: w.city.id } })).toMatchObject({
      mandatoryNotificationKinds: ['rectification.overdue', 'reminder.visit'],
    });
    expect(await db.auditEntry.count({ where: { action: 'settings.mandatoryNotifications', entityId: w.city.id } })).toBe(1);
  });
});
