import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { cancelActivity, closeRequest, confirmActivity, confirmReceipt, createRequest, saveActivity } from '@/lib/activities/commands';
import { countAwaitingConfirmation, getActivity, listActivities, listRequests } from '@/lib/activities/queries';
import { ACTIVITY_TYPES, TYPE_RULES } from '@/lib/activities/rules';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor, createUser } from '../fixtures/factories';

const NOW = new Date('2026-03-10T04:00:00Z');

/** The actor as the session would give it: scope from the account row. */
type User = { id: string; name: string };
const actor = (u: User) => actorFor(db, u);

/** The smallest input a type accepts: exactly its required fields. */
function minimal(pairingId: string, type: (typeof ACTIVITY_TYPES)[number], over: Record<string, unknown> = {}) {
  const r = TYPE_RULES[type];
  return {
    pairingId,
    type,
    direction: r.direction,
    targetArea: r.targetArea,
    status: 'DONE',
    title: `测试 ${type}`,
    startDate: '2026-03-05',
    startTime: '09:00',
    location: r.location === 'required' ? '柳湾镇中心幼儿园' : '',
    classHours: r.classHours === 'required' ? '1.5' : '',
    childCount: r.childCount === 'required' ? '30' : '',
    donationLines: r.donationLines === 'required' ? [{ item: '图书', quantity: '200', unit: '册', estimatedValue: '3000' }] : [],
    ...over,
  };
}

async function audits(entityId: string) {
  return db.auditEntry.findMany({
    where: { entityId },
    orderBy: { id: 'asc' },
    select: { action: true, before: true, after: true, actorId: true },
  });
}

describe('activity validation per type', () => {
  it.each(ACTIVITY_TYPES)('%s: accepts its required fields, refuses each one missing and fields it does not use', async (type) => {
    const w = await createPairingWorld(db);
    const director = await actor(w.directorA);
    const r = TYPE_RULES[type];
    const saved = await saveActivity(director, minimal(w.pairingA.id, type), db, NOW);
    expect(saved).toMatchObject({ ok: true });

    const missing: [string, unknown, string][] = [];
    if (r.location === 'required') missing.push(['location', '', 'activities.errors.locationRequired']);
    if (r.classHours === 'required') missing.push(['classHours', '', 'activities.errors.classHoursRequired']);
    if (r.childCount === 'required') missing.push(['childCount', '', 'activities.errors.childCountRequired']);
    if (r.donationLines === 'required') missing.push(['donationLines', [], 'activities.errors.donationLinesRequired']);
    if (r.classHours === 'none') missing.push(['classHours', '2', 'activities.errors.classHoursNotForType']);
    if (r.childCount === 'none') missing.push(['childCount', '20', 'activities.errors.childCountNotForType']);
    if (r.donationLines === 'none')
      missing.push([
        'donationLines',
        [{ item: '书', quantity: '1', unit: '册', estimatedValue: '10' }],
        'activities.errors.donationLinesNotForType',
      ]);
    for (const [field, value, key] of missing) {
      const result = await saveActivity(director, minimal(w.pairingA.id, type, { [field]: value }), db, NOW);
      expect(result, `${type} ${field}`).toEqual({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });
    }
    for (const field of ['title', 'startDate', 'startTime']) {
      const result = await saveActivity(director, minimal(w.pairingA.id, type, { [field]: '' }), db, NOW);
      expect(result.ok || result.fieldErrors?.[field]).toEqual(['form.errors.required']);
    }
  });

  it('refuses malformed numbers, a done activity dated tomorrow and a donation without a direction', async () => {
    const w = await createPairingWorld(db);
    const director = await actor(w.directorA);
    expect(await saveActivity(director, minimal(w.pairingA.id, 'SENT_LECTURE', { classHours: '1.25' }), db, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { classHours: ['activities.errors.classHoursInvalid'] },
    });
    expect(await saveActivity(director, minimal(w.pairingA.id, 'FELLOWSHIP', { startDate: '2026-03-11' }), db, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { startDate: ['activities.errors.doneInFuture'] },
    });
    expect(
      await saveActivity(director, minimal(w.pairingA.id, 'FELLOWSHIP', { startDate: '2026-03-11', status: 'PLANNED' }), db, NOW),
    ).toMatchObject({ ok: true });
    expect(await saveActivity(director, minimal(w.pairingA.id, 'DONATION', { direction: 'JOINT' }), db, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { direction: ['activities.errors.directionNotForType'] },
    });
    expect(
      await saveActivity(
        director,
        minimal(w.pairingA.id, 'DONATION', { donationLines: [{ item: '书', quantity: '0', unit: '册', estimatedValue: '' }] }),
        db,
        NOW,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { donationLines: ['activities.errors.quantityInvalid'] } });
  });

  it('stores class hours as a decimal and the times in the city time zone, audited with the values', async () => {
    const w = await createPairingWorld(db);
    const result = await saveActivity(
      await actor(w.directorA),
      minimal(w.pairingA.id, 'SENT_DEMONSTRATION', {
        startTime: '14:30',
        endTime: '16:00',
        participantIds: [w.teacherA.id, w.teacherA2.id],
      }),
      db,
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await db.activity.findUniqueOrThrow({ where: { id: result.value.id }, include: { participants: true } });
    expect(row.classHours?.toString()).toBe('1.5');
    expect(row.startsAt.toISOString()).toBe('2026-03-05T06:30:00.000Z');
    expect(row.endsAt?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(row.recordingKindergartenId).toBe(w.kgA.id);
    expect(row.participants.map((p) => p.userId).sort()).toEqual([w.teacherA.id, w.teacherA2.id].sort());
    const [entry] = await audits(row.id);
    expect(entry).toMatchObject({
      action: 'activity.created',
      actorId: w.directorA.id,
      after: { classHours: '1.5', type: 'SENT_DEMONSTRATION' },
    });
  });
});

describe('who may log activities', () => {
  it('lets a teacher log an activity they take part in, and adds them as a participant', async () => {
    const w = await createPairingWorld(db);
    const result = await saveActivity(await actor(w.teacherA2), minimal(w.pairingA.id, 'FELLOWSHIP'), db, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await db.activity.findUniqueOrThrow({ where: { id: result.value.id }, include: { participants: true } });
    expect(row.participants.map((p) => p.userId)).toEqual([w.teacherA2.id]);
    expect(row.recordingKindergartenId).toBe(w.kgA2.id);
  });

  it('answers "not found" outside the pairing and "not allowed" to admins, who only read', async () => {
    const w = await createPairingWorld(db);
    for (const u of [w.directorB, w.teacherB, w.directorA3, w.countyAdminB]) {
      expect(await saveActivity(await actor(u), minimal(w.pairingA.id, 'FELLOWSHIP'), db, NOW)).toEqual({ ok: false, error: 'notFound' });
    }
    for (const u of [w.cityAdmin, w.countyAdminA]) {
      expect(await saveActivity(await actor(u), minimal(w.pairingA.id, 'FELLOWSHIP'), db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    }
  });

  it('refuses participants from outside the two kindergartens', async () => {
    const w = await createPairingWorld(db);
    expect(
      await saveActivity(await actor(w.directorA), minimal(w.pairingA.id, 'FELLOWSHIP', { participantIds: [w.teacherB.id] }), db, NOW),
    ).toMatchObject({ ok: false, fieldErrors: { participantIds: ['activities.errors.participantNotInPairing'] } });
  });

  it('lets a teacher edit only what they logged; a director edits anything of the pairing', async () => {
    const w = await createPairingWorld(db);
    const byDirector = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
    });
    const edit = (id: string, version: number) => ({
      ...minimal(w.pairingA.id, 'FELLOWSHIP'),
      id,
      version,
      title: '改过的标题',
      status: 'PLANNED',
    });
    expect(await saveActivity(await actor(w.teacherA), edit(byDirector.id, 1), db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveActivity(await actor(w.directorA2), edit(byDirector.id, 1), db, NOW)).toMatchObject({ ok: true });
    // The version moved on: an edit based on the old one is a conflict.
    expect(await saveActivity(await actor(w.directorA), edit(byDirector.id, 1), db, NOW)).toEqual({
      ok: false,
      error: 'conflict',
      conflict: { version: 2 },
    });
  });
});

describe('confirmation by the other side', () => {
  async function done(w: Awaited<ReturnType<typeof createPairingWorld>>) {
    return createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      classHours: 2,
      startsAt: new Date('2026-03-05T01:00:00Z'),
    });
  }

  it('is given by the director of the other kindergarten, and by nobody else', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w);
    const confirm = { id: a.id, version: a.version, decision: 'CONFIRMED', comment: '' };
    expect(await confirmActivity(await actor(w.directorA), confirm, db)).toEqual({ ok: false, error: 'notAllowed' }); // same side
    expect(await confirmActivity(await actor(w.teacherA2), confirm, db)).toEqual({ ok: false, error: 'notAllowed' }); // a teacher
    expect(await confirmActivity(await actor(w.countyAdminA), confirm, db)).toEqual({ ok: false, error: 'notAllowed' }); // an admin
    expect(await confirmActivity(await actor(w.directorB), confirm, db)).toEqual({ ok: false, error: 'notFound' }); // another county
    expect(await confirmActivity(await actor(w.directorA3), confirm, db)).toEqual({ ok: false, error: 'notFound' }); // a sibling
    expect(await confirmActivity(await actor(w.directorA2), confirm, db)).toEqual({ ok: true, value: { id: a.id } });
    const row = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ confirmation: 'CONFIRMED', confirmedById: w.directorA2.id });
    expect((await audits(a.id)).map((e) => e.action)).toEqual(['activity.confirmed']);
  });

  it('is refused for a planned activity and for a version the confirmer did not see', async () => {
    const w = await createPairingWorld(db);
    const planned = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    expect(await confirmActivity(await actor(w.directorA2), { id: planned.id, version: 1, decision: 'CONFIRMED' }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    const a = await done(w);
    expect(await confirmActivity(await actor(w.directorA2), { id: a.id, version: 7, decision: 'CONFIRMED' }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
  });

  it('a dispute needs a comment, and is shown as disputed', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w);
    const director = await actor(w.directorA2);
    expect(await confirmActivity(director, { id: a.id, version: 1, decision: 'DISPUTED', comment: '' }, db)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { comment: ['activities.errors.disputeNeedsComment'] },
    });
    expect(
      await confirmActivity(director, { id: a.id, version: 1, decision: 'DISPUTED', comment: '只上了一节课，不是两节' }, db),
    ).toMatchObject({ ok: true });
    const detail = await getActivity(director, a.id, db);
    expect(detail).toMatchObject({ confirmation: 'DISPUTED', confirmationComment: '只上了一节课，不是两节', canConfirm: true });
  });

  it('re-opens when a confirmed done activity is edited, and the audit says so', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w);
    await confirmActivity(await actor(w.directorA2), { id: a.id, version: 1, decision: 'CONFIRMED' }, db);
    const edit = { ...minimal(w.pairingA.id, 'SENT_DEMONSTRATION'), id: a.id, version: 2, classHours: '3' };
    expect(await saveActivity(await actor(w.directorA), edit, db, NOW)).toMatchObject({ ok: true });
    const row = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ confirmation: 'PENDING', confirmedById: null, confirmedAt: null, version: 3 });
    const trail = await audits(a.id);
    expect(trail.map((e) => e.action)).toEqual(['activity.confirmed', 'activity.updated', 'activity.confirmationReopened']);
    expect(trail[1]).toMatchObject({
      before: { classHours: '2', confirmation: 'CONFIRMED' },
      after: { classHours: '3', confirmation: 'PENDING' },
    });
  });

  it('lets only the side that logged a done activity change it; the other side disputes instead', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w);
    const edit = { ...minimal(w.pairingA.id, 'SENT_DEMONSTRATION'), id: a.id, version: 1, classHours: '1' };
    expect(await saveActivity(await actor(w.directorA2), edit, db, NOW)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await getActivity(await actor(w.directorA2), a.id, db)).toMatchObject({ canEdit: false, canConfirm: true });
    expect(await getActivity(await actor(w.directorA), a.id, db)).toMatchObject({ canEdit: true, canConfirm: false });
  });

  it('a plan one side made and the other side logs as done is confirmed by the side that made the plan', async () => {
    const w = await createPairingWorld(db);
    // The supporting side (A) plans it; the assisted side (A2) writes the record of what happened.
    const planned = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      classHours: 2,
      startsAt: new Date('2026-03-05T01:00:00Z'),
    });
    const logged = {
      ...minimal(w.pairingA.id, 'SENT_DEMONSTRATION'),
      id: planned.id,
      version: planned.version,
      record: '乡村园写的记录',
      summary: '总结',
    };
    expect(await saveActivity(await actor(w.directorA2), logged, db, NOW)).toMatchObject({ ok: true });
    const row = await db.activity.findUniqueOrThrow({ where: { id: planned.id } });
    expect(row).toMatchObject({ status: 'DONE', recordingKindergartenId: w.pairingA.assistedId, confirmation: 'PENDING' });
    // Nobody vouches for their own side's record.
    const confirm = { id: planned.id, version: row.version, decision: 'CONFIRMED', comment: '' };
    expect(await confirmActivity(await actor(w.directorA2), confirm, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await getActivity(await actor(w.directorA2), planned.id, db)).toMatchObject({ canEdit: true, canConfirm: false });
    expect(await getActivity(await actor(w.directorA), planned.id, db)).toMatchObject({ canEdit: false, canConfirm: true });
    expect(await confirmActivity(await actor(w.directorA), confirm, db)).toEqual({ ok: true, value: { id: planned.id } });
  });

  it('a done one cannot go back to planned', async () => {
    const w = await createPairingWorld(db);
    const a = await done(w);
    const director = await actor(w.directorA);
    expect(
      await saveActivity(director, { ...minimal(w.pairingA.id, 'SENT_DEMONSTRATION'), id: a.id, version: 1, status: 'PLANNED' }, db, NOW),
    ).toMatchObject({ ok: false, fieldErrors: { status: ['activities.errors.cannotUnlog'] } });
  });
});

describe('donations', () => {
  it('totals the lines; the receiving director confirms receipt; changed lines re-open it', async () => {
    const w = await createPairingWorld(db);
    const lines = [
      { item: '绘本', quantity: '120', unit: '册', estimatedValue: '2400' },
      { item: '积木', quantity: '10', unit: '套', estimatedValue: '1500.50' },
    ];
    const saved = await saveActivity(await actor(w.directorA), minimal(w.pairingA.id, 'DONATION', { donationLines: lines }), db, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.value.id;
    const detail = await getActivity(await actor(w.directorA2), id, db);
    expect(detail?.donationTotal).toBeCloseTo(3900.5);
    expect(detail?.canConfirmReceipt).toBe(true);
    expect(await confirmReceipt(await actor(w.directorA), { id }, db)).toEqual({ ok: false, error: 'notAllowed' }); // the giver
    expect(await confirmReceipt(await actor(w.teacherA2), { id }, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await confirmReceipt(await actor(w.directorB), { id }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await confirmReceipt(await actor(w.directorA2), { id, comment: '已全部收到' }, db)).toMatchObject({ ok: true });
    expect(await confirmReceipt(await actor(w.directorA2), { id }, db)).toEqual({ ok: false, error: 'wrongState' });

    const edit = { ...minimal(w.pairingA.id, 'DONATION', { donationLines: [lines[0]] }), id, version: 2 };
    expect(await saveActivity(await actor(w.directorA), edit, db, NOW)).toMatchObject({ ok: true });
    const row = await db.activity.findUniqueOrThrow({ where: { id } });
    expect(row.receiptConfirmedAt).toBeNull();
    expect((await audits(id)).map((e) => e.action)).toContain('activity.receiptReopened');
  });
});

describe('donation confirmed by its receiver', () => {
  const line = { item: '绘本', quantity: '50', unit: '册', estimatedValue: '1000' };

  it('the receiving side confirms it is true and received in one step, both audited', async () => {
    const w = await createPairingWorld(db);
    const saved = await saveActivity(await actor(w.directorA), minimal(w.pairingA.id, 'DONATION', { donationLines: [line] }), db, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.value.id;
    const detail = await getActivity(await actor(w.directorA2), id, db);
    expect(detail?.confirmAlsoReceives).toBe(true);
    const receiver = await actor(w.directorA2);
    // The version is in the WHERE: a stale page confirms nothing.
    expect(await confirmActivity(receiver, { id, version: 0, decision: 'CONFIRMED' }, db, NOW)).toEqual({ ok: false, error: 'conflict' });
    expect(await confirmActivity(receiver, { id, version: 1, decision: 'CONFIRMED', comment: '都收到了' }, db, NOW)).toMatchObject({
      ok: true,
    });
    const row = await db.activity.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      confirmation: 'CONFIRMED',
      confirmedById: w.directorA2.id,
      receiptConfirmedById: w.directorA2.id,
      receiptConfirmedAt: NOW,
      receiptComment: '都收到了',
      version: 2,
    });
    const trail = (await audits(id)).map((e) => [e.action, e.actorId]);
    expect(trail.slice(-2)).toEqual([
      ['activity.confirmed', w.directorA2.id],
      ['activity.receiptConfirmed', w.directorA2.id],
    ]);
    // Nothing is left to do as a second step.
    expect(await confirmReceipt(receiver, { id }, db)).toEqual({ ok: false, error: 'wrongState' });
  });

  it('a dispute does not say the goods arrived', async () => {
    const w = await createPairingWorld(db);
    const saved = await saveActivity(await actor(w.directorA), minimal(w.pairingA.id, 'DONATION', { donationLines: [line] }), db, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.value.id;
    expect(
      await confirmActivity(await actor(w.directorA2), { id, version: 1, decision: 'DISPUTED', comment: '少了十册' }, db, NOW),
    ).toMatchObject({
      ok: true,
    });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).receiptConfirmedAt).toBeNull();
    expect((await audits(id)).map((e) => e.action)).not.toContain('activity.receiptConfirmed');
  });

  it("when the giver confirms, receipt stays the receiver's own step", async () => {
    const w = await createPairingWorld(db);
    // Logged by the receiving (assisted) side: the giving side confirms.
    const saved = await saveActivity(await actor(w.directorA2), minimal(w.pairingA.id, 'DONATION', { donationLines: [line] }), db, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.value.id;
    expect((await getActivity(await actor(w.directorA), id, db))?.confirmAlsoReceives).toBe(false);
    expect(await confirmActivity(await actor(w.directorA), { id, version: 1, decision: 'CONFIRMED' }, db, NOW)).toMatchObject({ ok: true });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).receiptConfirmedAt).toBeNull();
    expect(await confirmReceipt(await actor(w.directorA2), { id }, db, NOW)).toMatchObject({ ok: true });
    expect((await audits(id)).map((e) => e.action).filter((x) => x !== 'activity.created')).toEqual([
      'activity.confirmed',
      'activity.receiptConfirmed',
    ]);
  });
});

describe('requests', () => {
  it('the assisted side asks, the supporting side answers with a planned activity, the asker closes', async () => {
    const w = await createPairingWorld(db);
    const ask = { pairingId: w.pairingA.id, kind: 'LECTURE_TOPIC', title: '幼儿园区域活动的组织', details: '希望下学期第一个月来讲' };
    expect(await createRequest(await actor(w.directorA), ask, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await createRequest(await actor(w.directorB), ask, db)).toEqual({ ok: false, error: 'notFound' });
    const created = await createRequest(await actor(w.directorA2), ask, db);
    if (!created.ok) throw new Error('request');
    const requestId = created.value.id;

    // The asking side cannot "answer" its own request.
    expect(
      await saveActivity(
        await actor(w.directorA2),
        minimal(w.pairingA.id, 'SPECIAL_LECTURE', { status: 'PLANNED', startDate: '2026-04-01', requestId }),
        db,
        NOW,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { requestId: ['activities.errors.requestNotAnswerable'] } });
    const answer = await saveActivity(
      await actor(w.directorA),
      minimal(w.pairingA.id, 'SPECIAL_LECTURE', { status: 'PLANNED', startDate: '2026-04-01', requestId }),
      db,
      NOW,
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(await db.assistanceRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'ANSWERED' });
    const [listed] = await listRequests(await actor(w.directorA2), { pairing: w.pairingA.id }, db);
    expect(listed.activities.map((a) => a.id)).toEqual([answer.value.id]);
    expect(listed).toMatchObject({ canClose: true, canAnswer: false });

    // Cancelling the only answer opens the request again.
    expect(await cancelActivity(await actor(w.directorA), { id: answer.value.id, version: 1, reason: '专家临时有事' }, db)).toMatchObject({
      ok: true,
    });
    expect(await db.assistanceRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'OPEN' });

    expect(await closeRequest(await actor(w.directorA), { id: requestId }, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await closeRequest(await actor(w.directorA2), { id: requestId }, db)).toMatchObject({ ok: true });
    expect((await audits(requestId)).map((e) => e.action)).toEqual([
      'request.created',
      'request.answered',
      'request.reopened',
      'request.closed',
    ]);
  });

  it('cancelling needs a reason and a planned activity', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
    });
    expect(await cancelActivity(await actor(w.directorA), { id: a.id, version: 1, reason: '' }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await cancelActivity(await actor(w.directorA), { id: a.id, version: 1, reason: '下雨' }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
  });
});

describe('scope of the lists', () => {
  it('shows each role exactly the activities and requests of its scope', async () => {
    const w = await createPairingWorld(db);
    const inA = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      title: 'A',
    });
    const inB = await createActivity(db, {
      pairingId: w.pairingB.id,
      recordingKindergartenId: w.kgB.id,
      createdById: w.directorB.id,
      title: 'B',
    });
    const reqA = await createRequest(await actor(w.directorA2), { pairingId: w.pairingA.id, kind: 'ITEM', title: '图书' }, db);
    const reqB = await createRequest(await actor(w.directorB2), { pairingId: w.pairingB.id, kind: 'ITEM', title: '玩具' }, db);
    if (!reqA.ok || !reqB.ok) throw new Error('requests');
    // Every page: other tests of this file add activities to the same database.
    const ids = async (u: User) => {
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const { rows } = await listActivities(await actor(u), { pairing: undefined, page }, db);
        if (!rows.length) break;
        seen.push(...rows.map((r) => r.id));
      }
      return seen.filter((id) => [inA.id, inB.id].includes(id)).sort();
    };
    const reqIds = async (u: User) =>
      (await listRequests(await actor(u), {}, db))
        .map((r) => r.id)
        .filter((id) => [reqA.value.id, reqB.value.id].includes(id))
        .sort();
    const cases: [User, string[]][] = [
      [w.cityAdmin, [inA.id, inB.id]],
      [w.countyAdminA, [inA.id]],
      [w.countyAdminB, [inB.id]],
      [w.directorA, [inA.id]],
      [w.directorA2, [inA.id]],
      [w.teacherA, [inA.id]],
      [w.teacherA2, [inA.id]],
      [w.directorA3, []],
      [w.directorB, [inB.id]],
      [w.teacherB, [inB.id]],
    ];
    for (const [u, expected] of cases) {
      expect(await ids(u), u.name).toEqual([...expected].sort());
      const expectedReq = expected.map((id) => (id === inA.id ? reqA.value.id : reqB.value.id));
      expect(await reqIds(u), u.name).toEqual([...expectedReq].sort());
    }
    // A detail outside the scope is simply not there.
    expect(await getActivity(await actor(w.directorB), inA.id, db)).toBeNull();
    expect(await getActivity(await actor(w.countyAdminB), inA.id, db)).toBeNull();
    expect(await getActivity(await actor(w.countyAdminA), inA.id, db)).toMatchObject({ canEdit: false, canConfirm: false });
  });

  it('filters by type, status, confirmation and month, newest first, and marks incomplete ones', async () => {
    const w = await createPairingWorld(db);
    const base = { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id };
    const march = await createActivity(db, {
      ...base,
      status: 'DONE',
      startsAt: new Date('2026-03-02T02:00:00Z'),
      record: '有记录',
      summary: '',
    });
    const feb = await createActivity(db, {
      ...base,
      status: 'DONE',
      startsAt: new Date('2026-02-02T02:00:00Z'),
      plan: 'p',
      measures: 'm',
      record: 'r',
      summary: 's',
      confirmation: 'CONFIRMED',
    });
    // 31 March 23:30 in Beijing is still March.
    const lateMarch = await createActivity(db, {
      ...base,
      type: 'DONATION',
      direction: 'TO_ASSISTED',
      startsAt: new Date('2026-03-31T15:30:00Z'),
    });
    const director = await actor(w.directorA);
    const list = (f: Record<string, string>) =>
      listActivities(director, { pairing: w.pairingA.id, ...f }, db).then((r) => r.rows.map((x) => x.id));
    expect(await list({})).toEqual([lateMarch.id, march.id, feb.id]);
    expect(await list({ month: '2026-03' })).toEqual([lateMarch.id, march.id]);
    expect(await list({ type: 'DONATION' })).toEqual([lateMarch.id]);
    expect(await list({ status: 'PLANNED' })).toEqual([lateMarch.id]);
    expect(await list({ confirmation: 'CONFIRMED' })).toEqual([feb.id]);
    expect(await list({ confirmation: 'PENDING' })).toEqual([march.id]);
    // Waiting for the other side: done, pending, logged by kgA → the kgA2 director's list, not kgA's.
    expect((await listActivities(await actor(w.directorA2), { toConfirm: '1' }, db)).rows.map((r) => r.id)).toEqual([march.id]);
    expect((await listActivities(director, { toConfirm: '1' }, db)).rows).toEqual([]);
    expect((await listActivities(await actor(w.teacherA2), { toConfirm: '1' }, db)).rows).toEqual([]);
    expect(await countAwaitingConfirmation(await actor(w.directorA2), db)).toBe(1);
    const rows = (await listActivities(director, { pairing: w.pairingA.id }, db)).rows;
    expect(rows.find((r) => r.id === march.id)?.incomplete).toBe(true);
    expect(rows.find((r) => r.id === feb.id)?.incomplete).toBe(false);
  });
});

describe('two writes from the same version', () => {
  // Both read version 1 before either writes: only the version in the update's WHERE tells them apart.
  it('confirm and dispute by two directors of the confirming side: exactly one is recorded', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
    });
    const deputy = await createUser(db, { role: 'DIRECTOR', kindergartenId: w.kgA2.id, name: '甲二副园长' });
    const [first, second] = [await actor(w.directorA2), await actor(deputy)];
    const results = await Promise.all([
      confirmActivity(first, { id: a.id, version: 1, decision: 'CONFIRMED', comment: '' }, db),
      confirmActivity(second, { id: a.id, version: 1, decision: 'DISPUTED', comment: '只来了一位老师' }, db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    const [winner, decision] = results[0].ok ? [w.directorA2.id, 'CONFIRMED'] : [deputy.id, 'DISPUTED'];
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      version: 2,
      confirmation: decision,
      confirmedById: winner,
    });
    expect(await audits(a.id)).toEqual([expect.objectContaining({ action: `activity.${decision.toLowerCase()}`, actorId: winner })]);
  });

  it('two edits of an activity: exactly one is saved, the other is refused as out of date', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    const [supporting, assisted] = [await actor(w.directorA), await actor(w.directorA2)];
    const edit = (title: string) => ({ ...minimal(w.pairingA.id, 'FELLOWSHIP'), id: a.id, version: 1, status: 'PLANNED', title });
    const results = await Promise.all([
      saveActivity(supporting, edit('甲方的标题'), db, NOW),
      saveActivity(assisted, edit('乙方的标题'), db, NOW),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict', conflict: { version: 2 } }]);
    const title = results[0].ok ? '甲方的标题' : '乙方的标题';
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ version: 2, title });
    expect((await audits(a.id)).map((e) => e.action)).toEqual(['activity.updated']);
  });

  it('two cancels of a planned activity by the directors of both sides: exactly one is recorded', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    const [supporting, assisted] = [await actor(w.directorA), await actor(w.directorA2)];
    const results = await Promise.all([
      cancelActivity(supporting, { id: a.id, version: 1, reason: '下雨' }, db),
      cancelActivity(assisted, { id: a.id, version: 1, reason: '园里有活动' }, db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    const reason = results[0].ok ? '下雨' : '园里有活动';
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      version: 2,
      status: 'CANCELLED',
      cancelReason: reason,
    });
    expect((await audits(a.id)).map((e) => e.action)).toEqual(['activity.cancelled']);
  });

  it('a cancel and an edit of a planned activity: one wins, the other changes nothing', async () => {
    const w = await createPairingWorld(db);
    const a = await createActivity(db, { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id });
    const [supporting, assisted] = [await actor(w.directorA), await actor(w.directorA2)];
    const [cancelled, saved] = await Promise.all([
      cancelActivity(supporting, { id: a.id, version: 1, reason: '下雨' }, db),
      saveActivity(
        assisted,
        { ...minimal(w.pairingA.id, 'FELLOWSHIP'), id: a.id, version: 1, status: 'PLANNED', title: '改期后的联谊' },
        db,
        NOW,
      ),
    ]);
    const lost = [cancelled, saved].flatMap((r) => (r.ok ? [] : [r.error]));
    expect(lost).toHaveLength(1);
    // The loser read before the winner wrote (conflict), or just after a cancel (a cancelled activity is not edited).
    expect(['conflict', 'wrongState']).toContain(lost[0]);
    const row = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject(
      cancelled.ok ? { version: 2, status: 'CANCELLED', title: a.title } : { version: 2, status: 'PLANNED', title: '改期后的联谊' },
    );
    expect((await audits(a.id)).map((e) => e.action)).toEqual([cancelled.ok ? 'activity.cancelled' : 'activity.updated']);
  });
});
