// Mail and group-robot webhooks (issue 11): written to the outbox in the transaction of the notification,
// delivered to a real SMTP server and a local HTTP server started here, in the recipient's language,
// retried after a refusal, each message once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runReminderChecks } from '@/lib/reminders/checks';
import { runCountyDigests } from '@/lib/reminders/county-digest';
import { deliverOutbound } from '@/lib/outbox/deliver';
import { queueOutbound } from '@/lib/outbox/queue';
import { notify } from '@/lib/notifications/notify';
import { setCountyWebhook, setOwnPreferences } from '@/lib/notification-settings/commands';
import { cityTimeZone } from '@/lib/time/city-zone';
import { actorFor, uniqueSuffix } from '../fixtures/factories';
import { cityTime, createRectification, createReminderWorld, createRequest } from '../fixtures/reminder-factories';
import { startRobot, startSmtp } from '../fixtures/smtp';

const APP = 'https://hih.example.cn';
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let robot: Awaited<ReturnType<typeof startRobot>>;
let tz: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  smtp = await startSmtp({ refuseOnce: ['busy@mail.test.cn'] });
  robot = await startRobot();
  tz = await cityTimeZone(db);
  for (const k of ['SMTP_URL', 'SMTP_HOST', 'SMTP_FROM', 'APP_URL']) saved[k] = process.env[k];
  delete process.env.SMTP_HOST;
  Object.assign(process.env, { SMTP_URL: smtp.url, SMTP_FROM: '手拉手 <noreply@hih.example.cn>', APP_URL: APP });
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await smtp?.close();
  await robot?.close();
});

/** Every outbox row not sent yet, delivered now (the queue's job does the same; see queue.test.ts). */
async function deliverAll(ids: string[]) {
  return Promise.all(ids.map((id) => deliverOutbound(db, id)));
}
const pending = async (recipients: string[]) =>
  (await db.outboundMessage.findMany({ where: { recipient: { in: recipients }, sentAt: null }, select: { id: true } })).map((r) => r.id);

async function worldWithMail() {
  const w = await createReminderWorld(db);
  const s = uniqueSuffix();
  const emails = { a: `a-${s}@mail.test.cn`, b: `b-${s}@mail.test.cn`, a2: `a2-${s}@mail.test.cn` };
  await db.user.update({ where: { id: w.directorA.id }, data: { email: emails.a, locale: 'zh' } });
  await db.user.update({ where: { id: w.directorB.id }, data: { email: emails.b, locale: 'en' } });
  await db.user.update({ where: { id: w.directorA2.id }, data: { email: emails.a2 } });
  return { ...w, emails };
}

describe('reminder mail', () => {
  it('reaches the SMTP server in each recipient’s language, with links to the app, once', async () => {
    const w = await worldWithMail();
    const y1 = w.Y + 1;
    const request = await createRequest(db, {
      pairingId: w.pairingA.id,
      createdById: w.directorA2.id,
      title: '请送教音乐活动',
      createdAt: cityTime(`${y1}-03-10`, '09:00', tz),
    });
    const run = await runReminderChecks(db, { now: cityTime(`${y1}-03-20`, '08:00', tz), countyIds: w.countyIds });
    expect(run).toMatchObject({ told: 2, mailed: 3 });
    const ids = await pending([w.emails.a, w.emails.b]);
    expect(ids).toHaveLength(2); // one mail per person, a digest for directorA's two reminders
    expect(await deliverAll(ids)).toEqual([{ status: 'sent' }, { status: 'sent' }]);

    const zh = smtp.mails.find((m) => m.to.includes(w.emails.a))!;
    expect(zh.from).toBe('noreply@hih.example.cn');
    expect(zh.subject).toBe('您有2项提醒');
    expect(zh.text).toContain(
      `本月（${y1}-03）还没有到${w.names.kgA2}看一日活动组织\n${APP}/activities/new?pairing=${w.pairingA.id}&type=DAILY_OBSERVATION`,
    );
    expect(zh.text).toContain(`帮扶需求「请送教音乐活动」已等待10天，尚未答复\n${APP}/requests?status=OPEN#request-${request.id}`);
    expect(zh.text).toContain(`在“我的账户 → 通知设置”中可以选择接收哪些通知：${APP}/account/notifications`);
    expect(zh.text).not.toContain(w.names.kgB2);

    const en = smtp.mails.find((m) => m.to.includes(w.emails.b))!;
    expect(en.subject).toBe(`No visit to ${w.names.kgB2} yet this month (${y1}-03) to observe the day`);
    expect(en.text).toContain(`${APP}/activities/new?pairing=${w.pairingB.id}&type=DAILY_OBSERVATION`);
    expect(en.text).toContain(`Choose what you receive under My account → Notifications: ${APP}/account/notifications`);

    // Delivered rows are marked; delivering again (a retried job) sends nothing; the next run queues nothing.
    expect(await db.outboundMessage.findMany({ where: { id: { in: ids } }, select: { attempts: true, error: true } })).toEqual([
      { attempts: 1, error: null },
      { attempts: 1, error: null },
    ]);
    expect(await deliverAll(ids)).toEqual([{ status: 'skipped' }, { status: 'skipped' }]);
    await runReminderChecks(db, { now: cityTime(`${y1}-03-21`, '08:00', tz), countyIds: w.countyIds });
    expect(await pending([w.emails.a, w.emails.b])).toEqual([]);
    expect(smtp.mails.filter((m) => m.to.includes(w.emails.a) || m.to.includes(w.emails.b))).toHaveLength(2);
  });

  it('follows the e-mail choice per kind, and goes nowhere without an address or a configured server', async () => {
    const w = await worldWithMail();
    await setOwnPreferences(await actorFor(db, w.directorA), { inApp: ['reminder.visit'], email: [] }, db);
    await db.user.update({ where: { id: w.directorB.id }, data: { email: null } });
    await runReminderChecks(db, { now: cityTime(`${w.Y + 1}-03-20`, '08:00', tz), countyIds: w.countyIds });
    expect(await db.notification.count({ where: { recipientId: { in: [w.directorA.id, w.directorB.id] } } })).toBe(2);
    expect(await pending([w.emails.a, w.emails.b])).toEqual([]);

    const { SMTP_URL } = process.env;
    delete process.env.SMTP_URL;
    try {
      await runReminderChecks(db, { now: cityTime(`${w.Y + 1}-04-20`, '08:00', tz), countyIds: w.countyIds });
      await db.$transaction((tx) =>
        notify(tx, { kind: 'request.created', recipientIds: [w.directorA2.id], href: '/requests', values: { title: 'x' } }),
      );
    } finally {
      process.env.SMTP_URL = SMTP_URL;
    }
    expect(await db.outboundMessage.count({ where: { recipient: { in: Object.values(w.emails) } } })).toBe(0);
  });

  it('is retried after the server refuses it, keeping the attempt and the error', async () => {
    const id = await db.$transaction((tx) =>
      queueOutbound(tx, { channel: 'EMAIL', to: 'busy@mail.test.cn', subject: '重试', text: '第二次送达' }),
    );
    const first = await deliverOutbound(db, id);
    expect(first).toMatchObject({ status: 'failed', error: expect.stringContaining('mailbox busy') });
    expect(await db.outboundMessage.findUnique({ where: { id }, select: { attempts: true, sentAt: true } })).toEqual({
      attempts: 1,
      sentAt: null,
    });
    expect(await deliverOutbound(db, id)).toEqual({ status: 'sent' });
    expect(await db.outboundMessage.findUnique({ where: { id }, select: { attempts: true, error: true } })).toEqual({
      attempts: 2,
      error: null,
    });
    expect(smtp.mails.filter((m) => m.to.includes('busy@mail.test.cn')).map((m) => m.text)).toEqual([
      expect.stringContaining('第二次送达'),
    ]);
  });
});

describe('event mail', () => {
  it('is queued with the inbox line, in the recipient’s language, and not when the change rolls back', async () => {
    const w = await worldWithMail();
    const event = {
      kind: 'activity.disputed' as const,
      recipientIds: [w.directorA.id, w.directorB.id],
      href: '/activities/x1',
      values: { title: '送教下乡示范课' },
    };
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, event);
        throw new Error('the change was refused');
      }),
    ).rejects.toThrow('refused');
    expect(await pending([w.emails.a, w.emails.b])).toEqual([]);

    await db.$transaction((tx) => notify(tx, event));
    const ids = await pending([w.emails.a, w.emails.b]);
    expect(ids).toHaveLength(2);
    await deliverAll(ids);
    expect(smtp.mails.find((m) => m.to.includes(w.emails.a))).toMatchObject({
      subject: '对方对活动记录「送教下乡示范课」提出异议',
      text: expect.stringContaining(`${APP}/activities/x1`),
    });
    expect(smtp.mails.find((m) => m.to.includes(w.emails.b))?.subject).toBe('The other side disputed the activity record “送教下乡示范课”');
  });
});

describe('county group robots', () => {
  it('are set by the city admin only, with an http(s) address, audited without the key', async () => {
    const w = await createReminderWorld(db);
    const director = await actorFor(db, w.directorA);
    const admin = await actorFor(db, w.cityAdmin);
    const url = `${robot.url}/cgi-bin/webhook/send?key=secret-key`;
    expect(await setCountyWebhook(director, { countyId: w.countyA.id, webhookUrl: url }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(await setCountyWebhook(admin, { countyId: w.countyA.id, webhookUrl: 'file:///etc/passwd' }, db)).toMatchObject({
      ok: false,
      fieldErrors: { webhookUrl: ['notifications.settings.invalidUrl'] },
    });
    expect(await setCountyWebhook(admin, { countyId: w.countyA.id, webhookUrl: url }, db)).toEqual({
      ok: true,
      value: { id: w.countyA.id },
    });
    expect((await db.region.findUnique({ where: { id: w.countyA.id } }))?.webhookUrl).toBe(url);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'settings.countyWebhook', entityId: w.countyA.id } });
    expect(JSON.stringify(entry.after)).not.toContain('secret-key');
    expect(await setCountyWebhook(admin, { countyId: w.countyA.id, webhookUrl: '' }, db)).toMatchObject({ ok: true });
    expect((await db.region.findUnique({ where: { id: w.countyA.id } }))?.webhookUrl).toBeNull();
  });

  it('receive the county’s daily digest of overdue items as WeCom/DingTalk JSON, once a day, retried when refused', async () => {
    const w = await createReminderWorld(db);
    const y1 = w.Y + 1;
    await db.region.update({ where: { id: w.countyA.id }, data: { webhookUrl: `${robot.url}/hook/${w.countyA.id}?key=k` } });
    await createRectification(db, {
      kindergartenId: w.kgA2.id,
      officeCountyId: w.countyA.id,
      createdById: w.countyAdminA.id,
      requirement: '不应出现在群消息里的整改要求',
      deadline: `${y1}-05-01`,
    });
    await createRequest(db, {
      pairingId: w.pairingA.id,
      createdById: w.directorA2.id,
      title: '不应出现的需求标题',
      createdAt: cityTime(`${y1}-04-20`, '09:00', tz),
    });
    // County B has overdue items too but no robot: nothing is posted for it.
    await createRectification(db, {
      kindergartenId: w.kgB2.id,
      officeCountyId: null,
      createdById: w.cityAdmin.id,
      requirement: '乙',
      deadline: `${y1}-05-01`,
    });

    const now = cityTime(`${y1}-05-11`, '08:30', tz);
    expect(await runCountyDigests(db, { now, countyIds: w.countyIds, appUrl: APP })).toMatchObject({ counties: 1, queued: 1 });
    expect(await runCountyDigests(db, { now: cityTime(`${y1}-05-11`, '18:00', tz), countyIds: w.countyIds, appUrl: APP })).toMatchObject({
      queued: 0,
    });
    const [row] = await db.outboundMessage.findMany({ where: { recipient: { contains: w.countyA.id } } });
    expect(row).toMatchObject({ channel: 'WEBHOOK', sentAt: null });

    robot.state.refuse = 1;
    expect(await deliverOutbound(db, row.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('errcode 45009') });
    expect(await deliverOutbound(db, row.id)).toEqual({ status: 'sent' });
    const got = robot.posts.filter((p) => p.path.includes(w.countyA.id));
    expect(got).toHaveLength(2); // the refused post and the accepted one
    const accepted = got[1];
    expect(accepted.contentType).toContain('application/json');
    expect(accepted.body).toEqual({ msgtype: 'text', text: { content: expect.any(String) } });
    const content = (accepted.body as { text: { content: string } }).text.content;
    expect(content.split('\n')).toEqual([
      `【甲县】${y1}-05-11 逾期事项`,
      `整改逾期：1项（${w.names.kgA2}）`,
      `帮扶需求超过7天未答复：1项（${w.names.kgA}）`,
      // Year Y's plan was due on 31 August before the cycle began (the seeds' rule) and never handed in.
      `年度计划或总结逾期未交：1份（${w.names.kgA}）`,
      `详情请登录查看：${APP}`,
    ]);
    expect(content).not.toContain('整改要求');
    expect(content).not.toContain('需求标题');
    expect(content).not.toContain(w.names.kgB2);

    // The next day is another occasion.
    expect(await runCountyDigests(db, { now: cityTime(`${y1}-05-12`, '08:30', tz), countyIds: w.countyIds, appUrl: APP })).toMatchObject({
      queued: 1,
    });
  });
});
