import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { confirmActivities, confirmActivity, createRequest, saveActivity } from '@/lib/activities/commands';
import { listActivities } from '@/lib/activities/queries';
import { reviewAnnualPlan, saveAnnualPlan } from '@/lib/annual-plans/commands';
import { evaluateLesson } from '@/lib/lessons/commands';
import { notify } from '@/lib/notifications/notify';
import { markAllNotificationsRead, openNotification } from '@/lib/notifications/commands';
import { listNotifications, unreadCount } from '@/lib/notifications/queries';
import { listTodos } from '@/lib/todos/queries';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor, createUser } from '../fixtures/factories';

const NOW = new Date('2026-03-10T04:00:00Z');
type User = { id: string };
const actor = (u: User) => actorFor(db, u);
const parts = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };

/** Every line written about a record: who got it, of which kind, in which words, leading where. */
async function linesAbout(entityId: string) {
  const rows = await db.notification.findMany({
    where: { entityId },
    orderBy: [{ recipientId: 'asc' }, { createdAt: 'asc' }],
    select: { recipientId: true, kind: true, title: true, href: true, readAt: true },
  });
  return rows;
}
const recipients = async (entityId: string) => (await linesAbout(entityId)).map((l) => l.recipientId).sort();
const sorted = (...ids: string[]) => [...ids].sort();

/** Pairing A with a done record logged by the urban side (kgA): its director, and a teacher who logged it. */
async function loggedByUrban(title = '送教下乡：大班科学') {
  const w = await createPairingWorld(db);
  const a = await createActivity(db, {
    pairingId: w.pairingA.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.teacherA.id,
    status: 'DONE',
    title,
    ...parts,
  });
  return { w, a };
}

describe('events tell the people they concern, in their language, at the moment of the change', () => {
  it('a confirmation tells the recording side’s directors and the teacher who logged it; never the confirmer or another side', async () => {
    const { w, a } = await loggedByUrban('送教下乡：大班科学');
    await db.user.update({ where: { id: w.directorA.id }, data: { locale: 'en' } });
    const deputyA = await createUser(db, { role: 'DIRECTOR', kindergartenId: w.kgA.id, name: '甲副园长' });
    expect(
      await confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW),
    ).toMatchObject({
      ok: true,
    });
    const lines = await linesAbout(a.id);
    expect(lines.map((l) => l.recipientId).sort()).toEqual(sorted(w.directorA.id, deputyA.id, w.teacherA.id));
    const of = (u: User) => lines.find((l) => l.recipientId === u.id)!;
    expect(of(w.directorA)).toMatchObject({
      kind: 'activity.confirmed',
      title: 'The other side confirmed the activity record “送教下乡：大班科学”',
      href: `/activities/${a.id}`,
      readAt: null,
    });
    expect(of(w.teacherA).title).toBe('对方已确认活动记录「送教下乡：大班科学」');
    expect(of(deputyA).title).toBe('对方已确认活动记录「送教下乡：大班科学」');
  });

  it('a dispute tells the same people, with its own words', async () => {
    const { w, a } = await loggedByUrban('联谊活动');
    await confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'DISPUTED', comment: '当天未到场' }, db, NOW);
    const lines = await linesAbout(a.id);
    expect(lines.map((l) => l.recipientId).sort()).toEqual(sorted(w.directorA.id, w.teacherA.id));
    expect(lines.every((l) => l.kind === 'activity.disputed' && l.title === '对方对活动记录「联谊活动」提出异议')).toBe(true);
  });

  it('a planner on the confirming side is not told “the other side confirmed” their own side’s answer', async () => {
    const w = await createPairingWorld(db);
    // Planned by the urban teacher, logged as done by the rural side: the urban side confirms.
    const a = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA2.id,
      createdById: w.teacherA.id,
      status: 'DONE',
      ...parts,
    });
    await confirmActivity(await actor(w.directorA), { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW);
    expect(await recipients(a.id)).toEqual([w.directorA2.id]);
  });

  it('a request tells the supporting directors; an activity planned for it tells the assisted directors', async () => {
    const w = await createPairingWorld(db);
    await db.user.update({ where: { id: w.directorA2.id }, data: { locale: 'en' } });
    const created = await createRequest(await actor(w.directorA2), { pairingId: w.pairingA.id, kind: 'OTHER', title: '户外器械' }, db, NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await linesAbout(created.value.id)).toEqual([
      {
        recipientId: w.directorA.id,
        kind: 'request.created',
        title: '收到新的帮扶需求「户外器械」',
        href: `/requests#request-${created.value.id}`,
        readAt: null,
      },
    ]);
    const answer = await saveActivity(
      await actor(w.directorA),
      {
        pairingId: w.pairingA.id,
        type: 'DONATION',
        direction: 'TO_ASSISTED',
        targetArea: 'CONDITIONS',
        status: 'PLANNED',
        title: '捐赠平衡木',
        startDate: '2026-03-20',
        startTime: '09:00',
        location: '柳湾',
        donationLines: [{ item: '平衡木', quantity: '2', unit: '套', estimatedValue: '1000' }],
        requestId: created.value.id,
      },
      db,
      NOW,
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(await linesAbout(answer.value.id)).toEqual([
      {
        recipientId: w.directorA2.id,
        kind: 'request.answered',
        title: 'An activity was planned for the request “户外器械”',
        href: `/activities/${answer.value.id}`,
        readAt: null,
      },
    ]);
  });

  it('a plan returned or filed tells the supporting directors, not the assisted side or the reviewer', async () => {
    const w = await createPairingWorld(db);
    await db.user.update({ where: { id: w.directorA.id }, data: { locale: 'en' } });
    const plan = { content: '送教', goals: '目标', methods: '观摩', steps: '九月', personnel: '园长', measures: '督查' };
    const saved = await saveAnnualPlan(
      await actor(w.directorA),
      { pairingId: w.pairingA.id, academicYear: 2025, ...plan, submit: 'plan' },
      db,
      NOW,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.value.id;
    const review = async (decision: 'file' | 'return', version: number) =>
      reviewAnnualPlan(await actor(w.countyAdminA), { planId: id, version, kind: 'PLAN', decision, comment: '请补充' }, db, NOW);
    expect(await review('return', 1)).toMatchObject({ ok: true });
    expect(await linesAbout(id)).toEqual([
      {
        recipientId: w.directorA.id,
        kind: 'annualPlan.returned',
        title: 'The annual plan for 2025–2026 was returned for changes',
        href: `/annual-plans/${w.pairingA.id}/2025`,
        readAt: null,
      },
    ]);
    await db.user.update({ where: { id: w.directorA.id }, data: { locale: 'zh' } });
    await saveAnnualPlan(
      await actor(w.directorA),
      { pairingId: w.pairingA.id, academicYear: 2025, version: '2', ...plan, submit: 'plan' },
      db,
      NOW,
    );
    expect(await review('file', 3)).toMatchObject({ ok: true });
    expect((await linesAbout(id)).map((l) => l.title)).toEqual([
      'The annual plan for 2025–2026 was returned for changes',
      '2025–2026学年年度计划已备案',
    ]);
  });

  it('a rating tells the teacher whose lesson it is', async () => {
    const w = await createPairingWorld(db);
    await db.user.update({ where: { id: w.teacherA.id }, data: { locale: 'en' } });
    const lesson = await db.lessonRecord.create({
      data: {
        teacherId: w.teacherA.id,
        kindergartenId: w.kgA.id,
        heldOn: new Date('2026-03-02T00:00:00Z'),
        className: '大一班',
        domain: 'ART',
        title: '画春天',
      },
    });
    expect(
      await evaluateLesson(await actor(w.directorA), { id: lesson.id, version: 1, rating: 'EXCELLENT', comment: '' }, db, NOW),
    ).toMatchObject({
      ok: true,
    });
    expect(await linesAbout(lesson.id)).toEqual([
      {
        recipientId: w.teacherA.id,
        kind: 'lesson.rated',
        title: 'Your lesson “画春天” was rated: Excellent',
        href: `/lessons/${lesson.id}`,
        readAt: null,
      },
    ]);
  });
});

describe('a change that does not happen tells nobody', () => {
  it('a refused or stale confirmation writes no line', async () => {
    const { w, a } = await loggedByUrban();
    // The recording side cannot confirm its own record; another county does not see it; a stale page is refused.
    expect(
      await confirmActivity(await actor(w.directorA), { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW),
    ).toMatchObject({
      error: 'notAllowed',
    });
    expect(
      await confirmActivity(await actor(w.directorB), { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW),
    ).toMatchObject({
      error: 'notFound',
    });
    expect(
      await confirmActivity(await actor(w.directorA2), { id: a.id, version: 7, decision: 'CONFIRMED', comment: '' }, db, NOW),
    ).toMatchObject({
      error: 'conflict',
    });
    expect(await linesAbout(a.id)).toEqual([]);
  });

  it('a request refused for its input writes no line', async () => {
    const w = await createPairingWorld(db);
    expect(await createRequest(await actor(w.directorA2), { pairingId: w.pairingA.id, kind: 'OTHER', title: '' }, db, NOW)).toMatchObject({
      error: 'invalid',
    });
    expect(
      await createRequest(await actor(w.directorA), { pairingId: w.pairingA.id, kind: 'OTHER', title: '求助' }, db, NOW),
    ).toMatchObject({
      error: 'notAllowed',
    });
    expect(await db.notification.count({ where: { recipientId: { in: [w.directorA.id, w.directorA2.id] } } })).toBe(0);
  });

  it('lines written inside a transaction that rolls back are gone with it', async () => {
    const w = await createPairingWorld(db);
    await expect(
      db.$transaction(async (tx) => {
        expect(
          await notify(tx, { kind: 'request.created', recipientIds: [w.directorA.id], href: '/requests', values: { title: 'x' } }),
        ).toBe(1);
        throw new Error('the change failed after notify');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.notification.count({ where: { recipientId: w.directorA.id } })).toBe(0);
  });

  it('a confirmation whose transaction fails at the last step leaves the record, its audit and every line unwritten', async () => {
    const { w, a } = await loggedByUrban('ROLLBACK 演练');
    // A failure after notify() wrote its lines, inside the same transaction: one trigger, for this record only.
    const fn = `fail_notification_${Date.now()}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF NEW."entityId" = '${a.id}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NULL; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE CONSTRAINT TRIGGER ${fn} AFTER INSERT ON "Notification" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      await expect(
        confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW),
      ).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Notification"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ confirmation: 'PENDING', version: 1 });
    expect(await db.auditEntry.count({ where: { entityId: a.id } })).toBe(0);
    expect(await linesAbout(a.id)).toEqual([]);
  });

  it('nobody is told of their own act', async () => {
    const w = await createPairingWorld(db);
    const lesson = await db.lessonRecord.create({
      data: {
        teacherId: w.directorA.id,
        kindergartenId: w.kgA.id,
        heldOn: new Date('2026-03-02T00:00:00Z'),
        className: '大一班',
        domain: 'ART',
        title: '园长的课',
      },
    });
    // A deputy rates the director's lesson: the director is told. The director's own act never tells the director.
    await db.$transaction((tx) =>
      notify(tx, {
        kind: 'lesson.rated',
        recipientIds: [w.directorA.id],
        actorId: w.directorA.id,
        href: `/lessons/${lesson.id}`,
        entityId: lesson.id,
        values: { title: 't', rating: 'x' },
      }),
    );
    expect(await linesAbout(lesson.id)).toEqual([]);
  });
});

describe('the inbox', () => {
  async function inboxWorld() {
    const { w, a } = await loggedByUrban('第一条');
    await confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'DISPUTED', comment: '不实' }, db, NOW);
    const b = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      title: '第二条',
      ...parts,
    });
    await confirmActivity(await actor(w.directorA2), { id: b.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, NOW);
    return { w, a, b };
  }

  it('shows a person their own lines only, newest first, with the unread count', async () => {
    const { w, a, b } = await inboxWorld();
    const mine = await listNotifications(await actor(w.directorA), {}, db);
    expect(mine.rows.map((r) => r.title)).toEqual(['对方已确认活动记录「第二条」', '对方对活动记录「第一条」提出异议']);
    expect(mine).toMatchObject({ total: 2, unread: 2, page: 1, hasMore: false });
    expect(await unreadCount(await actor(w.directorA), db)).toBe(2);
    // The teacher logged only the first; the confirming side and another county have nothing of these.
    expect((await listNotifications(await actor(w.teacherA), {}, db)).rows.map((r) => r.title)).toEqual([
      '对方对活动记录「第一条」提出异议',
    ]);
    expect((await listNotifications(await actor(w.directorA2), {}, db)).total).toBe(0);
    expect((await listNotifications(await actor(w.directorB), {}, db)).total).toBe(0);
    expect((await listNotifications(await actor(w.cityAdmin), {}, db)).total).toBe(0);
    expect(await db.notification.count({ where: { entityId: { in: [a.id, b.id] } } })).toBe(3);
  });

  it('opening a line marks it read and leads to its record; someone else’s line is not found and stays unread', async () => {
    const { w, a } = await inboxWorld();
    const line = await db.notification.findFirstOrThrow({ where: { recipientId: w.directorA.id, entityId: a.id } });
    expect(await openNotification(await actor(w.teacherA), { id: line.id }, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect(await openNotification(await actor(w.cityAdmin), { id: line.id }, db, NOW)).toEqual({ ok: false, error: 'notFound' });
    expect((await db.notification.findUniqueOrThrow({ where: { id: line.id } })).readAt).toBeNull();

    expect(await openNotification(await actor(w.directorA), { id: line.id }, db, NOW)).toEqual({
      ok: true,
      value: { href: `/activities/${a.id}` },
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: line.id } })).readAt).toEqual(NOW);
    expect(await unreadCount(await actor(w.directorA), db)).toBe(1);
    // Opening it again leads there again and records nothing more.
    expect(await openNotification(await actor(w.directorA), { id: line.id }, db, NOW)).toMatchObject({ ok: true });
    expect(await db.auditEntry.count({ where: { entityId: line.id, action: 'notification.read' } })).toBe(1);
    // The teacher's own line about the same record is still unread.
    expect(await unreadCount(await actor(w.teacherA), db)).toBe(1);
    expect(await openNotification(await actor(w.directorA), { id: 'not-an-id!' }, db, NOW)).toEqual({ ok: false, error: 'notFound' });
  });

  it('“mark all read” marks the person’s own lines up to the newest one shown, and nobody else’s', async () => {
    const { w, a } = await inboxWorld();
    const shown = (await listNotifications(await actor(w.directorA), {}, db)).newest!;
    // A line that arrives after the page was drawn stays unread.
    const later = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      title: '第三条',
      ...parts,
    });
    await new Promise((r) => setTimeout(r, 5));
    await confirmActivity(await actor(w.directorA2), { id: later.id, version: 1, decision: 'CONFIRMED', comment: '' }, db, new Date());
    expect(await unreadCount(await actor(w.directorA), db)).toBe(3);

    expect(await markAllNotificationsRead(await actor(w.directorA), { seenUpTo: shown.toISOString() }, db, NOW)).toEqual({
      ok: true,
      value: { count: 2 },
    });
    expect(await unreadCount(await actor(w.directorA), db)).toBe(1);
    expect((await listNotifications(await actor(w.directorA), { unread: '1' }, db)).rows.map((r) => r.title)).toEqual([
      '对方已确认活动记录「第三条」',
    ]);
    expect(await unreadCount(await actor(w.teacherA), db)).toBe(1);
    expect(await db.notification.count({ where: { entityId: a.id, readAt: null } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { actorId: w.directorA.id, action: 'notification.allRead' } });
    expect(audit.after).toMatchObject({ count: 2 });
    // Without a bound: everything unread.
    expect(await markAllNotificationsRead(await actor(w.directorA), {}, db, NOW)).toEqual({ ok: true, value: { count: 1 } });
    expect(await unreadCount(await actor(w.directorA), db)).toBe(0);
  });

  it('pages through a long inbox, newest first', async () => {
    const w = await createPairingWorld(db);
    await db.notification.createMany({
      data: Array.from({ length: 35 }, (_, i) => ({
        recipientId: w.directorA.id,
        kind: 'request.created',
        title: `第 ${i} 条`,
        href: '/requests',
        createdAt: new Date(NOW.getTime() + i * 1000),
      })),
    });
    const first = await listNotifications(await actor(w.directorA), {}, db);
    const second = await listNotifications(await actor(w.directorA), { page: 2 }, db);
    expect(first.rows).toHaveLength(30);
    expect(first.rows[0].title).toBe('第 34 条');
    expect(first.hasMore).toBe(true);
    expect(second.rows.map((r) => r.title)).toEqual(['第 4 条', '第 3 条', '第 2 条', '第 1 条', '第 0 条']);
    expect(second.hasMore).toBe(false);
  });
});

describe('a disputed record, fixed by the side that logged it', () => {
  it('returns to pending when edited: the dispute clears and the other side is asked again', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      classHours: 2,
      startsAt: new Date('2026-03-05T01:00:00Z'),
      title: '示范课',
      ...parts,
    });
    await confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'DISPUTED', comment: '只上了一节课' }, db, NOW);
    const todos = async (u: User) => Object.fromEntries((await listTodos(await actor(u), db, NOW)).map((t) => [t.key, t.count]));
    expect((await todos(w.directorA)).disputed).toBe(1);
    expect((await todos(w.directorA2)).toConfirm).toBeUndefined();

    const edit = {
      pairingId: w.pairingA.id,
      id: a.id,
      version: 2,
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      targetArea: 'TEACHERS',
      status: 'DONE',
      title: '示范课',
      startDate: '2026-03-05',
      startTime: '09:00',
      location: '柳湾',
      classHours: '1',
      childCount: '',
      donationLines: [],
      ...parts,
    };
    expect(await saveActivity(await actor(w.directorA), edit, db, NOW)).toMatchObject({ ok: true });
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      confirmation: 'PENDING',
      confirmedById: null,
      confirmationComment: null,
    });
    expect((await todos(w.directorA)).disputed).toBeUndefined();
    expect((await todos(w.directorA2)).toConfirm).toBe(1);
    const trail = await db.auditEntry.findMany({
      where: { entityId: a.id },
      orderBy: { id: 'asc' },
      select: { action: true, before: true },
    });
    expect(trail.map((e) => e.action)).toEqual(['activity.disputed', 'activity.updated', 'activity.confirmationReopened']);
    expect(trail[2].before).toMatchObject({ confirmation: 'DISPUTED' });
  });
});

describe('confirming several activities at once', () => {
  async function three() {
    const w = await createPairingWorld(db);
    const logged = (title: string) =>
      createActivity(db, {
        pairingId: w.pairingA.id,
        recordingKindergartenId: w.kgA.id,
        createdById: w.directorA.id,
        status: 'DONE',
        title,
        ...parts,
      });
    const [one, two, changed] = [await logged('一'), await logged('二'), await logged('改过')];
    const elsewhere = await createActivity(db, {
      pairingId: w.pairingB.id,
      recordingKindergartenId: w.kgB.id,
      createdById: w.directorB.id,
      status: 'DONE',
      title: '乙县的记录',
      ...parts,
    });
    const ownSide = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA2.id,
      createdById: w.directorA2.id,
      status: 'DONE',
      title: '自己记的',
      ...parts,
    });
    // Changed after the list was shown: its version moved on.
    await db.activity.update({ where: { id: changed.id }, data: { version: 2 } });
    return { w, one, two, changed, elsewhere, ownSide };
  }

  it('the list offers exactly the rows this director may confirm', async () => {
    const { w, one, two, changed, ownSide } = await three();
    const rows = (await listActivities(await actor(w.directorA2), { pairing: w.pairingA.id }, db)).rows;
    expect(
      rows
        .filter((r) => r.confirmable)
        .map((r) => r.id)
        .sort(),
    ).toEqual(sorted(one.id, two.id, changed.id));
    expect(rows.find((r) => r.id === ownSide.id)?.confirmable).toBe(false);
    // The urban director's turn is the record the rural side logged.
    const theirs = (await listActivities(await actor(w.directorA), { pairing: w.pairingA.id }, db)).rows;
    expect(theirs.filter((r) => r.confirmable).map((r) => r.id)).toEqual([ownSide.id]);
    expect((await listActivities(await actor(w.countyAdminA), { pairing: w.pairingA.id }, db)).rows.some((r) => r.confirmable)).toBe(false);
  });

  it('confirms each it may, versioned, audited and told; reports the stale and refused ones and changes nothing else', async () => {
    const { w, one, two, changed, elsewhere, ownSide } = await three();
    const items = [one, two, changed, elsewhere, ownSide].map((a) => ({ id: a.id, version: '1' }));
    const result = await confirmActivities(await actor(w.directorA2), { items }, db, NOW);
    expect(result).toEqual({ ok: true, value: { confirmed: 2, stale: [{ id: changed.id, title: '改过' }], refused: 2 } });

    for (const a of [one, two]) {
      expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
        confirmation: 'CONFIRMED',
        confirmedById: w.directorA2.id,
        version: 2,
      });
      expect((await db.auditEntry.findMany({ where: { entityId: a.id } })).map((e) => e.action)).toEqual(['activity.confirmed']);
      expect(await recipients(a.id)).toEqual([w.directorA.id]);
    }
    // Another county's record and one's own side's record: untouched, told to nobody, the attempt audited.
    for (const a of [changed, elsewhere, ownSide]) {
      const row = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
      expect(row.confirmation).toBe('PENDING');
      expect(await linesAbout(a.id)).toEqual([]);
    }
    expect(await db.activity.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ version: 1, confirmedById: null });
    const denied = await db.auditEntry.findMany({
      where: { actorId: w.directorA2.id, action: 'access.denied' },
      select: { entityId: true },
    });
    expect(denied.map((d) => d.entityId).sort()).toEqual(sorted(elsewhere.id, ownSide.id));
  });

  it('refuses an empty selection, and another county’s ids alone change nothing', async () => {
    const { w, elsewhere } = await three();
    expect(await confirmActivities(await actor(w.directorA2), { items: [] }, db, NOW)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { items: ['activities.bulk.noneSelected'] },
    });
    expect(await confirmActivities(await actor(w.directorA2), { items: [{ id: elsewhere.id, version: '1' }] }, db, NOW)).toEqual({
      ok: true,
      value: { confirmed: 0, stale: [], refused: 1 },
    });
    expect(await db.activity.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ confirmation: 'PENDING', version: 1 });
  });
});
