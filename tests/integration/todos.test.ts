import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listTodos, TODO_KEYS, todoHref, type TodoKey } from '@/lib/todos/queries';
import { listActivities } from '@/lib/activities/queries';
import { createActivity, createPairing, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor, createCycle, createKindergarten } from '../fixtures/factories';

// In academic year 2025–2026: its plan (due 2025-08-31) is overdue unless handed in; nothing else is due within 30 days.
const NOW = new Date('2026-03-10T04:00:00Z');
const parts = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function todosOf(user: { id: string }) {
  const list = await listTodos(await actorFor(db, user), db, NOW);
  return Object.fromEntries(list.map((t) => [t.key, t.count])) as Partial<Record<TodoKey, number>>;
}

/** Pairing A (county A: kgA supports kgA2) with one of each waiting thing; pairing B (county B) with the same, to stay out of A's counts. */
async function world() {
  const w = await createPairingWorld(db);
  const A = { pairingId: w.pairingA.id, status: 'DONE' as const, startsAt: new Date('2026-03-05T01:00:00Z') };
  await createActivity(db, { ...A, ...parts, recordingKindergartenId: w.kgA2.id, createdById: w.directorA2.id });
  await createActivity(db, { ...A, ...parts, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id, confirmation: 'DISPUTED' });
  await createActivity(db, {
    ...A,
    ...parts,
    record: '',
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    confirmation: 'CONFIRMED',
  });
  await db.assistanceRequest.create({ data: { pairingId: w.pairingA.id, kind: 'OTHER', title: '求助', createdById: w.directorA2.id } });
  await db.assistanceRequest.create({
    data: { pairingId: w.pairingA.id, kind: 'OTHER', title: '已回应', status: 'ANSWERED', createdById: w.directorA2.id },
  });
  await db.mentorPair.create({
    data: {
      pairingId: w.pairingA.id,
      mentorId: w.teacherA.id,
      apprenticeId: w.teacherA2.id,
      startsOn: d('2025-09-01'),
      createdById: w.directorA.id,
    },
  });
  const lesson = { heldOn: d('2026-03-02'), className: '大一班', domain: 'ART' as const, title: '画春天' };
  await db.lessonRecord.create({ data: { ...lesson, teacherId: w.teacherA.id, kindergartenId: w.kgA.id } });
  await db.lessonRecord.create({ data: { ...lesson, teacherId: w.directorA.id, kindergartenId: w.kgA.id } });
  await db.lessonRecord.create({ data: { ...lesson, teacherId: w.teacherA2.id, kindergartenId: w.kgA2.id } });
  const paper = { title: '论游戏', venue: '学前教育', kind: 'PUBLISHED' as const, level: 'MUNICIPAL' as const, date: d('2026-01-10') };
  await db.paper.create({ data: { ...paper, authorId: w.teacherA.id, kindergartenId: w.kgA.id } });

  // County B: the same kinds of things, none of which county A's people may count.
  const B = { pairingId: w.pairingB.id, status: 'DONE' as const, startsAt: new Date('2026-03-05T01:00:00Z') };
  await createActivity(db, { ...B, recordingKindergartenId: w.kgB2.id, createdById: w.directorB2.id });
  await db.assistanceRequest.create({ data: { pairingId: w.pairingB.id, kind: 'OTHER', title: '乙求助', createdById: w.directorB2.id } });
  await db.lessonRecord.create({ data: { ...lesson, teacherId: w.teacherB.id, kindergartenId: w.kgB.id } });
  await db.paper.create({ data: { ...paper, authorId: w.teacherB.id, kindergartenId: w.kgB.id } });
  await db.annualPlan.create({
    data: { pairingId: w.pairingB.id, academicYear: 2025, planStatus: 'SUBMITTED', planSubmittedAt: NOW, updatedById: w.directorB.id },
  });
  return w;
}

describe('to-do on every role’s home', () => {
  it('never asks for a visit or a mentoring log on a past cycle’s pairing (they keep endsOn empty)', async () => {
    const w = await world();
    const taken = new Set((await db.cycle.findMany({ select: { startYear: true } })).map((c) => c.startYear));
    const year = Array.from({ length: 40 }, (_, i) => 1951 + i).find((y) => !taken.has(y))!;
    const past = await createCycle(db, { startYear: year });
    const kgOld = await createKindergarten(db, w.countyA.id, { area: 'RURAL', level: 'NONE' });
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: kgOld.id, startsOn: d(`${year}-09-01`) });
    await db.mentorPair.create({
      data: {
        pairingId: old.id,
        mentorId: w.teacherA.id,
        apprenticeId: w.teacherA2.id,
        startsOn: d(`${year}-09-01`),
        createdById: w.directorA.id,
      },
    });
    expect((await todosOf(w.directorA)).monthlyVisit).toBe(1);
    expect((await todosOf(w.teacherA)).mentoringToLog).toBe(1);
  });

  it('counts each item for the person it waits for', async () => {
    const w = await world();
    expect(await todosOf(w.directorA)).toEqual({
      toConfirm: 1,
      disputed: 1,
      requestsToAnswer: 1,
      incomplete: 1,
      monthlyVisit: 1,
      classHoursBehind: 1,
      lessonsToRate: 1,
      papersToConfirm: 1,
      planDue: 1,
    });
    expect(await todosOf(w.directorA2)).toEqual({ requestsToClose: 1, lessonsToRate: 1 });
    expect(await todosOf(w.teacherA)).toEqual({ lessonsToRate: 1, lessonsAwaitingRating: 1, mentoringToLog: 1, papersToComplete: 1 });
    expect(await todosOf(w.teacherA2)).toEqual({ lessonsAwaitingRating: 1, mentoringToLog: 1 });
    expect(await todosOf(w.countyAdminA)).toEqual({ overdue: 1 });
    expect(await todosOf(w.countyAdminB)).toEqual({ toReview: 1 });
    expect(await todosOf(w.directorA3)).toEqual({});
  });

  it('clears an item once it is done', async () => {
    const w = await world();
    await createActivity(db, {
      pairingId: w.pairingA.id,
      ...parts,
      type: 'DAILY_OBSERVATION',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      startsAt: new Date('2026-03-09T01:00:00Z'),
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
    });
    await db.annualPlan.create({
      data: { pairingId: w.pairingA.id, academicYear: 2025, planStatus: 'RETURNED', planSubmittedAt: NOW, updatedById: w.directorA.id },
    });
    // Sent teaching ahead of the pace (10 hours × 37/181 of the semester gone ≈ 2.0), and a mentoring session this month.
    await createActivity(db, {
      pairingId: w.pairingA.id,
      ...parts,
      type: 'SENT_LECTURE',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      classHours: 2.5,
      confirmation: 'CONFIRMED',
      startsAt: new Date('2026-03-06T01:00:00Z'),
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
    });
    const pair = await db.mentorPair.findFirstOrThrow({ where: { mentorId: w.teacherA.id } });
    await db.mentorSession.create({ data: { mentorPairId: pair.id, heldOn: d('2026-03-03'), topic: '磨课', createdById: w.teacherA.id } });
    const evidence = await db.paper.findFirstOrThrow({ where: { authorId: w.teacherA.id } });
    await db.paper.update({ where: { id: evidence.id }, data: { confirmedAt: NOW, confirmedById: w.directorA.id } });
    const a = await todosOf(w.directorA);
    expect(a.monthlyVisit).toBeUndefined();
    expect(a.classHoursBehind).toBeUndefined();
    expect((await todosOf(w.teacherA)).mentoringToLog).toBeUndefined();
    expect((await todosOf(w.teacherA2)).mentoringToLog).toBeUndefined();
    expect(a.planDue).toBeUndefined();
    expect(a.planReturned).toBe(1);
    expect(a.papersToConfirm).toBeUndefined();
    expect((await todosOf(w.teacherA)).papersToComplete).toBeUndefined();
    expect((await todosOf(w.countyAdminA)).overdue).toBeUndefined();
  });

  it('never counts another county’s or another kindergarten’s items', async () => {
    const w = await world();
    // County B's director sees B's things only, never pairing A's in county A.
    expect(await todosOf(w.directorB)).toEqual({
      toConfirm: 1,
      requestsToAnswer: 1,
      monthlyVisit: 1,
      classHoursBehind: 1,
      lessonsToRate: 1,
      papersToConfirm: 1,
    });
    expect(await todosOf(w.directorB2)).toEqual({ incomplete: 1 });
    expect(await todosOf(w.countyAdminA)).not.toHaveProperty('toReview');
    const city = await todosOf(w.cityAdmin);
    expect(city.toReview).toBeGreaterThanOrEqual(1);
    expect(city.overdue).toBeGreaterThanOrEqual(1);
  });

  it('counts a done record missing any part of its archive, by the same rule as the list’s marker', async () => {
    const w = await createPairingWorld(db);
    const base = { pairingId: w.pairingA.id, status: 'DONE' as const, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id };
    const noPlan = await createActivity(db, { ...base, ...parts, plan: '' });
    const noMeasures = await createActivity(db, { ...base, ...parts, measures: '' });
    await createActivity(db, { ...base, ...parts });
    const director = await actorFor(db, w.directorA);
    expect((await todosOf(w.directorA)).incomplete).toBe(2);
    const rows = (await listActivities(director, { status: 'DONE' }, db)).rows;
    expect(
      rows
        .filter((r) => r.incomplete)
        .map((r) => r.id)
        .sort(),
    ).toEqual([noPlan.id, noMeasures.id].sort());
    await db.activity.update({ where: { id: noPlan.id }, data: { plan: '计划' } });
    expect((await todosOf(w.directorA)).incomplete).toBe(1);
  });

  it('tells the county of a pairing newly at risk: a test at risk this semester that was met the semester before', async () => {
    const w = await createPairingWorld(db);
    const base = { pairingId: w.pairingA.id, status: 'DONE' as const, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id };
    // S5: the year's plan handed in; autumn's record complete (met), spring's missing its summary (at risk).
    await db.annualPlan.create({
      data: { pairingId: w.pairingA.id, academicYear: 2025, planStatus: 'SUBMITTED', planSubmittedAt: NOW, updatedById: w.directorA.id },
    });
    // Confirmed: they count whether or not the city counts only confirmed records.
    const confirmed = { ...base, ...parts, confirmation: 'CONFIRMED' as const };
    await createActivity(db, { ...confirmed, startsAt: new Date('2025-10-15T01:00:00Z') });
    const spring = await createActivity(db, { ...confirmed, summary: '', startsAt: new Date('2026-03-05T01:00:00Z') });
    // Pairing B is at risk on S5 too, but it never met it: nothing new there.
    await createActivity(db, { ...base, pairingId: w.pairingB.id, recordingKindergartenId: w.kgB.id, createdById: w.directorB.id });
    expect((await todosOf(w.countyAdminA)).newlyAtRisk).toBe(1);
    expect((await todosOf(w.countyAdminB)).newlyAtRisk).toBeUndefined();
    // Directors and teachers are not asked to watch the county's pairings.
    expect((await todosOf(w.directorA)).newlyAtRisk).toBeUndefined();
    await db.activity.update({ where: { id: spring.id }, data: { summary: '总结' } });
    expect((await todosOf(w.countyAdminA)).newlyAtRisk).toBeUndefined();
  });

  it('links every item to a page that exists', () => {
    for (const key of TODO_KEYS) {
      const path = todoHref(key).split('?')[0];
      expect(existsSync(`src/app/(app)${path}/page.tsx`), `${key} → ${path}`).toBe(true);
    }
    expect(todoHref('toConfirm')).toBe('/activities?toConfirm=1');
    expect(todoHref('disputed')).toBe('/activities?confirmation=DISPUTED');
    expect(todoHref('requestsToAnswer')).toBe('/requests?status=OPEN');
    expect(todoHref('toReview')).toBe('/annual-plans/status?state=submitted');
    expect(todoHref('overdue')).toBe('/annual-plans/status?state=overdue');
  });
});

describe('rectifications on the to-do list', () => {
  it('the director’s to answer (overdue apart), the office’s to accept, overdue in scope', async () => {
    const w = await createPairingWorld(db);
    const base = { requirement: '整改', createdById: w.countyAdminA.id, pairingId: w.pairingA.id, kindergartenId: w.kgA2.id };
    await db.rectification.createMany({
      data: [
        { ...base, officeCountyId: w.countyA.id, deadline: d('2026-03-20'), status: 'OPEN' },
        // The deadline day is in time; the day before it passed.
        { ...base, officeCountyId: w.countyA.id, deadline: d('2026-03-10'), status: 'OPEN' },
        { ...base, officeCountyId: w.countyA.id, deadline: d('2026-03-09'), status: 'RETURNED' },
        { ...base, officeCountyId: w.countyA.id, deadline: d('2026-03-01'), status: 'ANSWERED' },
        { ...base, officeCountyId: w.countyA.id, deadline: d('2026-03-01'), status: 'CLOSED' },
        {
          ...base,
          pairingId: w.pairingB.id,
          kindergartenId: w.kgB2.id,
          officeCountyId: w.countyB.id,
          createdById: w.countyAdminB.id,
          deadline: d('2026-03-01'),
          status: 'OPEN',
        },
      ],
    });
    const keys = ['rectificationsToAnswer', 'rectificationsToAccept', 'rectificationsOverdue'] as const;
    const pick = async (u: { id: string }) => {
      const all = await todosOf(u);
      return Object.fromEntries(keys.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
    };
    expect(await pick(w.directorA2)).toEqual({ rectificationsToAnswer: 2, rectificationsOverdue: 1 });
    expect(await pick(w.directorA)).toEqual({});
    expect(await pick(w.teacherA2)).toEqual({});
    expect(await pick(w.countyAdminA)).toEqual({ rectificationsToAccept: 1, rectificationsOverdue: 1 });
    expect(await pick(w.countyAdminB)).toEqual({ rectificationsOverdue: 1 });
    expect(await pick(w.directorB2)).toEqual({ rectificationsOverdue: 1 });
    expect((await todosOf(w.cityAdmin)).rectificationsOverdue).toBeGreaterThanOrEqual(2);
    expect(todoHref('rectificationsToAnswer')).toBe('/rectifications?status=due');
    expect(todoHref('rectificationsToAccept')).toBe('/rectifications?status=answered&office=mine');
    expect(todoHref('rectificationsOverdue')).toBe('/rectifications?status=overdue');
  });
});
