import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { activityFormOptions, answerableRequests, requestPairingOptions } from '@/lib/activities/queries';
import { saveActivity } from '@/lib/activities/commands';
import { actorFor, createCycle, createPairing, createScopeWorld, createUser, freeStartYear } from '../fixtures/factories';
import { createActivity } from '../fixtures/activity-factories';

describe('pairings offered when logging an activity', () => {
  it('are the current ones only: the same two kindergartens paired in an ended cycle are not offered', async () => {
    const w = await createScopeWorld(db);
    const year = await freeStartYear(db);
    const past = await createCycle(db, { startYear: year });
    const current = await createCycle(db, { startYear: year + 2 });
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    const now = await createPairing(db, { cycleId: current.id, supportingId: w.kgA.id, assistedId: w.kgA2.id, previousId: old.id });
    const today = new Date(`${year + 2}-10-15T04:00:00Z`);

    const director = await actorFor(db, w.directorA);
    const options = await activityFormOptions(director, db, today);
    expect(options.map((o) => o.id)).toEqual([now.id]);

    // The day after the current cycle's last semester, nothing is offered any more.
    const after = new Date(`${year + 4}-08-01T04:00:00Z`);
    expect(await activityFormOptions(director, db, after)).toEqual([]);
  });

  it('for requests: only current pairings in which the asker is the assisted side', async () => {
    const w = await createScopeWorld(db);
    // A cycle that really ended before today (freeStartYear gives far-future years). Years before those the
    // closing tests take (period-factories: from 2001), so a full suite cannot use them all up.
    const taken = new Set((await db.cycle.findMany({ select: { startYear: true } })).map((c) => c.startYear));
    const year = Array.from({ length: 40 }, (_, i) => 1951 + i).find((y) => !taken.has(y));
    expect(year).toBeDefined();
    const past = await createCycle(db, { startYear: year! });
    await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    // The past cycle's pairing is not offered (requestPairingOptions uses today's date).
    expect(await requestPairingOptions(await actorFor(db, w.directorA2), db)).toEqual([]);
  });

  it('when editing: the activity’s own pairing even after it ended, its closed request and its participants who left', async () => {
    const w = await createScopeWorld(db);
    // A past cycle: a record's date lies within two years of the real today (schema-fields' DateString),
    // so the far-future years of freeStartYear cannot be saved.
    const taken = new Set((await db.cycle.findMany({ select: { startYear: true } })).map((c) => c.startYear));
    const year = [2013, 2015, 2017, 2019].find((y) => !taken.has(y))!;
    const cycle = await createCycle(db, { startYear: year });
    const pairing = await createPairing(db, { cycleId: cycle.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    const teacher = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA.id, name: '后来调走的老师' });
    const request = await db.assistanceRequest.create({
      data: {
        pairingId: pairing.id,
        kind: 'LECTURE_TOPIC',
        title: '已关闭的需求',
        details: '',
        status: 'CLOSED',
        createdById: w.directorA2.id,
      },
    });
    const a = await createActivity(db, {
      pairingId: pairing.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      startsAt: new Date(`${year}-10-10T02:00:00Z`),
      participantIds: [teacher.id],
    });
    await db.activity.update({ where: { id: a.id }, data: { requestId: request.id } });
    // Since then: the teacher moved to another county's kindergarten, and the cycle is over.
    await db.user.update({ where: { id: teacher.id }, data: { kindergartenId: w.kgB.id } });
    const later = new Date(`${year + 3}-03-01T04:00:00Z`);
    const director = await actorFor(db, w.directorA);

    expect(await activityFormOptions(director, db, later)).toEqual([]); // nothing new for an ended cycle
    const options = await activityFormOptions(director, db, later, { pairingId: pairing.id, participantIds: [teacher.id] });
    expect(options.map((o) => o.id)).toEqual([pairing.id]);
    expect(options[0].supportingStaff.map((s) => s.id)).toContain(teacher.id);
    expect((await answerableRequests(director, [pairing.id], db)).map((r) => r.id)).toEqual([]);
    expect((await answerableRequests(director, [pairing.id], db, request.id)).map((r) => r.id)).toEqual([request.id]);

    // Completing the record keeps the participant and the link to the request.
    const saved = await saveActivity(
      { ...director, name: '甲园长' },
      {
        id: a.id,
        version: a.version,
        pairingId: pairing.id,
        type: 'FELLOWSHIP',
        direction: 'JOINT',
        targetArea: 'TEACHERS',
        status: 'DONE',
        title: '联谊活动',
        startDate: `${year}-10-10`,
        startTime: '10:00',
        location: '柳湾镇',
        record: '补上的记录',
        summary: '补上的总结',
        participantIds: [teacher.id],
        requestId: request.id,
        donationLines: [],
      },
      db,
      later,
    );
    expect(saved).toMatchObject({ ok: true });
    expect(
      await db.activity.findUniqueOrThrow({
        where: { id: a.id },
        select: { requestId: true, record: true, participants: { select: { userId: true } } },
      }),
    ).toEqual({ requestId: request.id, record: '补上的记录', participants: [{ userId: teacher.id }] });
    // A new participant from outside the two kindergartens is still refused.
    const outsider = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgB.id });
    const refused = await saveActivity(
      { ...director, name: '甲园长' },
      {
        id: a.id,
        version: a.version + 1,
        pairingId: pairing.id,
        type: 'FELLOWSHIP',
        direction: 'JOINT',
        targetArea: 'TEACHERS',
        status: 'DONE',
        title: '联谊活动',
        startDate: `${year}-10-10`,
        startTime: '10:00',
        location: '柳湾镇',
        participantIds: [teacher.id, outsider.id],
        donationLines: [],
      },
      db,
      later,
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { participantIds: ['activities.errors.participantNotInPairing'] } });
  });
});
