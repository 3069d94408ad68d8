import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createRequest, saveActivity } from '@/lib/activities/commands';
import { saveAnnualPlan } from '@/lib/annual-plans/commands';
import { createMentorPair, logMentorSession } from '@/lib/mentoring/commands';
import { addProgrammeRecord, saveProgramme } from '@/lib/programmes/commands';
import { TYPE_RULES } from '@/lib/activities/rules';
import { createPairing, createPairingWorld, ensureCycle } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

// Decision 013: an ended pairing takes no new record, nothing is dated outside a pairing's days,
// what was recorded stays correctable (and audited), an annual summary has a grace period.

/** In the spring semester 2026 of the 2025–2027 cycle. */
const NOW = new Date('2026-03-10T04:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

function lecture(pairingId: string, over: Record<string, unknown> = {}) {
  const r = TYPE_RULES.SENT_LECTURE;
  return {
    pairingId,
    type: 'SENT_LECTURE',
    direction: r.direction,
    targetArea: r.targetArea,
    status: 'DONE',
    title: '送教：绘本教学',
    startDate: '2026-01-10',
    startTime: '09:00',
    location: '柳湾镇中心幼儿园',
    classHours: '2',
    childCount: '',
    ...over,
  };
}

const ended = (date: string, key = 'activities.errors.pairingEnded') => ({
  ok: false,
  error: 'invalid',
  fieldErrors: { form: [{ key, values: { date } }] },
});
const outside = (field: string, from: string, to: string, key = 'activities.errors.outsidePairing') => ({
  ok: false,
  error: 'invalid',
  fieldErrors: { [field]: [{ key, values: { from, to } }] },
});

describe('activities on a pairing that ended', () => {
  it('are not added, even dated within its days; nothing is stored', async () => {
    const w = await createPairingWorld(db);
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: day('2026-01-15'), endReason: '调整' } });
    const director = await actorFor(db, w.directorA);
    expect(await saveActivity(director, lecture(w.pairingA.id), db, NOW)).toEqual(ended('2026-01-15'));
    expect(await saveActivity(director, lecture(w.pairingA.id, { status: 'PLANNED', startDate: '2026-04-01' }), db, NOW)).toEqual(
      ended('2026-01-15'),
    );
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(0);
  });

  it('of a past cycle (no end date of its own) are not added either', async () => {
    const w = await createPairingWorld(db);
    const past = await ensureCycle(db, 2023);
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id, startsOn: day('2023-09-01') });
    const director = await actorFor(db, w.directorA);
    expect(await saveActivity(director, lecture(old.id, { startDate: '2025-05-10' }), db, NOW)).toEqual(ended('2025-07-31'));
  });

  it('stay correctable by the recording side, audited, but their dates do not move outside the pairing', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const id = idOf(await saveActivity(director, lecture(w.pairingA.id), db, new Date('2026-01-12T04:00:00Z')));
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: day('2026-01-15'), endReason: '调整' } });

    const corrected = await saveActivity(director, lecture(w.pairingA.id, { id, version: 1, summary: '补写的总结' }), db, NOW);
    expect(corrected).toEqual({ ok: true, value: { id } });
    const trail = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' }, select: { action: true, after: true } });
    expect(trail.map((e) => e.action)).toEqual(['activity.created', 'activity.updated']);
    expect(trail[1].after).toMatchObject({ summary: '补写的总结', version: 2 });

    // Moving it after the pairing's last day, or before its first, is refused.
    expect(await saveActivity(director, lecture(w.pairingA.id, { id, version: 2, startDate: '2026-02-20' }), db, NOW)).toEqual(
      outside('startDate', '2025-09-01', '2026-01-15'),
    );
    expect(await saveActivity(director, lecture(w.pairingA.id, { id, version: 2, startDate: '2025-08-20' }), db, NOW)).toEqual(
      outside('startDate', '2025-09-01', '2026-01-15'),
    );
    expect(
      await saveActivity(director, lecture(w.pairingA.id, { id, version: 2, endDate: '2026-01-20', endTime: '12:00' }), db, NOW),
    ).toEqual(outside('endDate', '2025-09-01', '2026-01-15'));
    // The other side still cannot rewrite what the recording side logged.
    expect(await saveActivity(await actorFor(db, w.directorA2), lecture(w.pairingA.id, { id, version: 2 }), db, NOW)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe('activities on a running pairing', () => {
  it('fall within its days: not before it starts, not after its cycle ends', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    expect(await saveActivity(director, lecture(w.pairingA.id, { startDate: '2025-08-20' }), db, NOW)).toEqual(
      outside('startDate', '2025-09-01', '2027-07-31'),
    );
    expect(await saveActivity(director, lecture(w.pairingA.id, { status: 'PLANNED', startDate: '2027-09-10' }), db, NOW)).toEqual(
      outside('startDate', '2025-09-01', '2027-07-31'),
    );
    expect(await saveActivity(director, lecture(w.pairingA.id, { status: 'PLANNED', startDate: '2027-07-31' }), db, NOW)).toMatchObject({
      ok: true,
    });
  });
});

describe('requests', () => {
  it('are not made of an ended pairing, nor needed after it ends', async () => {
    const w = await createPairingWorld(db);
    const assisted = await actorFor(db, w.directorA2);
    const ask = { pairingId: w.pairingA.id, kind: 'ITEM', title: '图书' };
    expect(await createRequest(assisted, { ...ask, neededBy: '2027-09-01' }, db, NOW)).toEqual(
      outside('neededBy', '2025-09-01', '2027-07-31'),
    );
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: day('2026-01-15'), endReason: '调整' } });
    expect(await createRequest(assisted, ask, db, NOW)).toEqual(ended('2026-01-15'));
    expect(await db.assistanceRequest.count({ where: { pairingId: w.pairingA.id } })).toBe(0);
  });
});

describe('annual plans', () => {
  const parts = {
    content: '送教下乡',
    goals: '提高保教质量',
    methods: '观摩',
    steps: '九月启动',
    personnel: '园长负责',
    measures: '每月督查',
  };

  it('are not written for a past cycle', async () => {
    const w = await createPairingWorld(db);
    const past = await ensureCycle(db, 2023);
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id, startsOn: day('2023-09-01') });
    const result = await saveAnnualPlan(
      await actorFor(db, w.directorA),
      { pairingId: old.id, academicYear: 2024, ...parts, submit: 'plan' },
      db,
      NOW,
    );
    expect(result).toEqual(ended('2025-07-31', 'teaching.errors.yearEnded'));
    expect(await db.annualPlan.count({ where: { pairingId: old.id } })).toBe(0);
  });

  it('are for a year the pairing covers', async () => {
    const w = await createPairingWorld(db);
    const result = await saveAnnualPlan(
      await actorFor(db, w.directorA),
      { pairingId: w.pairingA.id, academicYear: 2030, ...parts },
      db,
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { form: [{ key: 'teaching.errors.yearOutsidePairing', values: { from: '2025-09-01', to: '2027-07-31' } }] },
    });
  });

  it('are written before the year ends; the summary follows within three months of its end', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const base = { pairingId: w.pairingA.id, academicYear: 2025, ...parts };
    // A plan not submitted by the end of the year stays unsubmitted.
    expect(await saveAnnualPlan(director, { ...base, submit: 'plan' }, db, new Date('2026-08-10T04:00:00Z'))).toEqual(
      ended('2026-07-31', 'teaching.errors.yearEnded'),
    );
    const id = idOf(await saveAnnualPlan(director, { ...base, submit: 'plan' }, db, NOW));
    // The summary is written after the year: accepted in September, refused once the grace period is over.
    const summary = { ...base, summary: '全年送教 24 课时', submit: 'summary' };
    expect(await saveAnnualPlan(director, { ...summary, version: 1 }, db, new Date('2026-11-05T04:00:00Z'))).toEqual(
      ended('2026-10-31', 'teaching.errors.summaryClosed'),
    );
    expect(await saveAnnualPlan(director, { ...summary, version: 1 }, db, new Date('2026-09-10T04:00:00Z'))).toEqual({
      ok: true,
      value: { id },
    });
  });

  it("of a pairing that ended early: the summary's grace period runs from the pairing's end", async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const base = { pairingId: w.pairingA.id, academicYear: 2025, ...parts };
    idOf(await saveAnnualPlan(director, { ...base, submit: 'plan' }, db, new Date('2025-10-01T04:00:00Z')));
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: day('2026-01-15'), endReason: '调整' } });
    const summary = { ...base, summary: '提前结束', submit: 'summary', version: 1 };
    expect(await saveAnnualPlan(director, summary, db, new Date('2026-04-20T04:00:00Z'))).toEqual(
      ended('2026-04-17', 'teaching.errors.summaryClosed'),
    );
    expect(await saveAnnualPlan(director, summary, db, NOW)).toMatchObject({ ok: true });
    // The next year is one the pairing no longer covers.
    expect(await saveAnnualPlan(director, { ...base, academicYear: 2026 }, db, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { form: [{ key: 'teaching.errors.yearOutsidePairing' }] },
    });
  });
});

describe("teachers' records on a pairing", () => {
  it('mentor pairs, their sessions, programmes and their records: none new on an ended pairing, none outside its days', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const pair = { pairingId: w.pairingA.id, mentorId: w.teacherA.id, apprenticeId: w.teacherA2.id, goals: '公开课' };
    expect(await createMentorPair(director, { ...pair, startsOn: '2025-08-01' }, db, NOW)).toEqual(
      outside('startsOn', '2025-09-01', '2027-07-31', 'teaching.errors.outsidePairing'),
    );
    const pairId = idOf(await createMentorPair(director, { ...pair, startsOn: '2025-09-01' }, db, NOW));
    expect(
      await logMentorSession(await actorFor(db, w.teacherA), { mentorPairId: pairId, heldOn: '2027-08-15', topic: '听课' }, db, NOW),
    ).toEqual(outside('heldOn', '2025-09-01', '2027-07-31', 'teaching.errors.outsidePairing'));
    const programme = { pairingId: w.pairingA.id, kind: 'RESEARCH', title: '乡土课程', plan: '计划' };
    expect(await saveProgramme(director, { ...programme, academicYear: 2028 }, db, NOW)).toEqual(
      outside('academicYear', '2025-09-01', '2027-07-31', 'teaching.errors.outsidePairing'),
    );
    const programmeId = idOf(await saveProgramme(director, { ...programme, academicYear: 2025 }, db, NOW));

    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: day('2026-01-15'), endReason: '调整' } });
    const endedTeaching = ended('2026-01-15', 'teaching.errors.pairingEnded');
    expect(await createMentorPair(director, { ...pair, apprenticeId: w.teacherA2b.id, startsOn: '2025-10-01' }, db, NOW)).toEqual(
      endedTeaching,
    );
    expect(
      await logMentorSession(await actorFor(db, w.teacherA), { mentorPairId: pairId, heldOn: '2026-01-10', topic: '听课' }, db, NOW),
    ).toEqual(endedTeaching);
    expect(await saveProgramme(director, { ...programme, academicYear: 2025 }, db, NOW)).toEqual(endedTeaching);
    expect(await addProgrammeRecord(await actorFor(db, w.teacherA), { programmeId, heldOn: '2026-01-10', title: '教研' }, db, NOW)).toEqual(
      endedTeaching,
    );
    expect(await db.mentorSession.count({ where: { mentorPairId: pairId } })).toBe(0);
    expect(await db.programmeRecord.count({ where: { programmeId } })).toBe(0);
  });
});
