import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listTodos, TODO_KEYS, todoHref, type TodoKey } from '@/lib/todos/queries';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

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
  it('counts each item for the person it waits for', async () => {
    const w = await world();
    expect(await todosOf(w.directorA)).toEqual({
      toConfirm: 1,
      disputed: 1,
      requestsToAnswer: 1,
      incomplete: 1,
      monthlyVisit: 1,
      lessonsToRate: 1,
      papersToConfirm: 1,
      planDue: 1,
    });
    expect(await todosOf(w.directorA2)).toEqual({ requestsToClose: 1, lessonsToRate: 1 });
    expect(await todosOf(w.teacherA)).toEqual({ lessonsToRate: 1, lessonsAwaitingRating: 1, papersToComplete: 1 });
    expect(await todosOf(w.teacherA2)).toEqual({ lessonsAwaitingRating: 1 });
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
    const evidence = await db.paper.findFirstOrThrow({ where: { authorId: w.teacherA.id } });
    await db.paper.update({ where: { id: evidence.id }, data: { confirmedAt: NOW, confirmedById: w.directorA.id } });
    const a = await todosOf(w.directorA);
    expect(a.monthlyVisit).toBeUndefined();
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
      lessonsToRate: 1,
      papersToConfirm: 1,
    });
    expect(await todosOf(w.directorB2)).toEqual({ incomplete: 1 });
    expect(await todosOf(w.countyAdminA)).not.toHaveProperty('toReview');
    const city = await todosOf(w.cityAdmin);
    expect(city.toReview).toBeGreaterThanOrEqual(1);
    expect(city.overdue).toBeGreaterThanOrEqual(1);
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
