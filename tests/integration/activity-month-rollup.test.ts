import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { cancelActivity, confirmActivity, saveActivity } from '@/lib/activities/commands';
import type { ActorWithName } from '@/lib/authz';
import { evaluatePairings, periodOf } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { countedRecords } from '@/lib/effect-tests/queries';
import { activityTrend } from '@/lib/effect-tests/dashboard';
import { TYPE_RULES } from '@/lib/activities/rules';
import { ActivityDirection, ActivityType } from '@/generated/prisma/enums';
import { actorFor } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';

// The S1–S5 figures come from ActivityMonthStat, kept by a trigger on Activity
// (docs/decisions/010-activity-month-rollup.md). These tests hold the rollup to a recount of
// Activity through every kind of write, and the SQL type mapping to the drill-down lists.

const LOGGED = new Date('2026-02-05T04:00:00Z');
const AFTER_AUTUMN = new Date('2026-02-10T04:00:00Z');
const full = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

async function log(
  actor: ActorWithName,
  pairingId: string,
  type: keyof typeof TYPE_RULES,
  date: string,
  over: Record<string, unknown> = {},
) {
  const r = TYPE_RULES[type];
  return idOf(
    await saveActivity(
      actor,
      {
        pairingId,
        type,
        direction: r.direction,
        targetArea: r.targetArea,
        status: 'DONE',
        title: `${type} ${date}`,
        startDate: date,
        startTime: '09:00',
        location: r.location === 'required' ? '乡镇幼儿园' : '',
        classHours: r.classHours === 'required' ? '2' : '',
        childCount: r.childCount === 'required' ? '20' : '',
        ...full,
        ...over,
      },
      db,
      LOGGED,
    ),
  );
}

const version = async (id: string) => (await db.activity.findUniqueOrThrow({ where: { id } })).version;

type Row = Record<string, unknown>;
/** The rollup's rows for a pairing next to the same rows recomputed from Activity, comparable. */
async function rollupAndRecount(pairingId: string) {
  const norm = (rows: Row[]) =>
    rows
      .map((r) =>
        JSON.stringify(
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : String(v)])),
        ),
      )
      .sort();
  const kept = await db.$queryRaw<Row[]>`SELECT * FROM "ActivityMonthStat" WHERE "pairingId" = ${pairingId}`;
  const recount = await db.$queryRaw<Row[]>`
    SELECT * FROM effect_activity_months(ARRAY[${pairingId}]::text[], ARRAY['-infinity']::timestamptz[], ARRAY['infinity']::timestamptz[])`;
  return { kept: norm(kept), recount: norm(recount), raw: kept };
}

async function semesterPeriod() {
  const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
  return periodOf(cycle, 2025, 'AUTUMN')!;
}

describe('the rollups the effect tests read', () => {
  it('matches a recount of Activity after creating, editing, moving, confirming, disputing, cancelling and deleting', async () => {
    const w = await createPairingWorld(db);
    const sup = await actorFor(db, w.directorA);
    const ass = await actorFor(db, w.directorA2);
    const p = w.pairingA.id;
    const sent = await log(sup, p, 'SENT_DEMONSTRATION', '2025-10-20');
    const visit = await log(sup, p, 'DAILY_OBSERVATION', '2025-10-31', { startTime: '23:30' });
    const lecture = await log(sup, p, 'SPECIAL_LECTURE', '2025-11-08');
    const incomplete = await log(sup, p, 'SENT_LECTURE', '2025-11-09', { summary: '' });
    const planned = await log(sup, p, 'SENT_RESEARCH', '2025-12-01', { status: 'PLANNED' });
    let { kept, recount, raw } = await rollupAndRecount(p);
    expect(kept).toEqual(recount);
    // 23:30 on 31 October local is October; the planned activity is not in the rollup at all.
    const october = raw.find((r) => (r.month as Date).toISOString().startsWith('2025-10-01'))!;
    expect(october).toMatchObject({ s1Pending: 1, s2Pending: 1, donePending: 2, completePending: 2 });
    expect(String(october.s2HoursPending)).toBe('2');
    expect(raw.some((r) => (r.month as Date).toISOString().startsWith('2025-12'))).toBe(false);

    // Confirm one, dispute another, edit the hours of a confirmed one (re-opens confirmation), move one to December.
    expect(await confirmActivity(ass, { id: sent, version: await version(sent), decision: 'CONFIRMED' }, db, LOGGED)).toMatchObject({
      ok: true,
    });
    expect(
      await confirmActivity(ass, { id: lecture, version: await version(lecture), decision: 'DISPUTED', comment: '未到场' }, db, LOGGED),
    ).toMatchObject({ ok: true });
    const r = TYPE_RULES.SENT_DEMONSTRATION;
    expect(
      await saveActivity(
        sup,
        {
          id: sent,
          version: await version(sent),
          pairingId: p,
          type: 'SENT_DEMONSTRATION',
          direction: r.direction,
          targetArea: r.targetArea,
          status: 'DONE',
          title: '改过的送教',
          startDate: '2025-12-18',
          startTime: '10:00',
          location: '乡镇幼儿园',
          classHours: '3.5',
          childCount: '20',
          ...full,
        },
        db,
        LOGGED,
      ),
    ).toMatchObject({ ok: true });
    expect(await cancelActivity(sup, { id: planned, version: await version(planned), reason: '下雪' }, db)).toMatchObject({ ok: true });
    ({ kept, recount, raw } = await rollupAndRecount(p));
    expect(kept).toEqual(recount);
    const december = raw.find((r) => (r.month as Date).toISOString().startsWith('2025-12-01'))!;
    expect(String(december.s2HoursPending)).toBe('3.5');
    // The disputed lecture left November; the incomplete lesson is done but not complete.
    const november = raw.find((r) => (r.month as Date).toISOString().startsWith('2025-11-01'))!;
    expect(november).toMatchObject({ s4Pending: 0, s4Confirmed: 0, donePending: 1, completePending: 0 });

    // Deleting every activity of a month removes the month's row.
    await db.activity.delete({ where: { id: incomplete } });
    await db.activity.delete({ where: { id: lecture } });
    ({ kept, recount } = await rollupAndRecount(p));
    expect(kept).toEqual(recount);
    expect(kept.some((k) => k.includes('"2025-11-01"'))).toBe(false);
    expect(visit).toBeTruthy();
  });

  it('concurrent writes to one month all count', async () => {
    const w = await createPairingWorld(db);
    const sup = await actorFor(db, w.directorA);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => log(sup, w.pairingA.id, 'SENT_DEMONSTRATION', `2025-10-${String(10 + i).padStart(2, '0')}`)),
    );
    const { kept, recount, raw } = await rollupAndRecount(w.pairingA.id);
    expect(kept).toEqual(recount);
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ donePending: 8, s2Pending: 8 });
    expect(String(raw[0].s2HoursPending)).toBe('16');
  });

  it('counts each type and direction in the same test as the drill-down list does', async () => {
    const w = await createPairingWorld(db);
    const admin = await actorFor(db, w.cityAdmin);
    // One done, unconfirmed activity of every type in every direction, 2 class hours each, spread over October.
    let day = 0;
    for (const type of Object.values(ActivityType)) {
      for (const direction of Object.values(ActivityDirection)) {
        day += 1;
        await createActivity(db, {
          pairingId: w.pairingA.id,
          recordingKindergartenId: w.kgA.id,
          createdById: w.directorA.id,
          type,
          direction,
          status: 'DONE',
          startsAt: new Date(Date.UTC(2025, 9, 1 + (day % 28), 2)),
          classHours: 2,
          ...full,
        });
      }
    }
    const period = await semesterPeriod();
    const ev = await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period, today: AFTER_AUTUMN }, db);
    const results = ev.pairings[0].results;
    for (const test of ['S1', 'S2', 'S3', 'S4', 'S5'] as const) {
      const behind = (await countedRecords(admin, w.pairingA.id, test, period, db, AFTER_AUTUMN))!.records;
      const figure = results[test].figure;
      if (figure.kind === 'hours') expect(figure.have).toBe(behind.reduce((s, r) => s + (r.hours ?? 0), 0));
      else if (figure.kind === 'count') expect(figure.have).toBe(behind.length);
      else if (figure.kind === 'months') expect(figure.visited).toBe(new Set(behind.map((r) => r.date.slice(0, 7))).size);
      else if (figure.kind === 'docs') expect(figure.done).toBe(behind.length);
      expect(behind.length).toBeGreaterThan(0);
    }
    // And the trend chart counts every one of them in October.
    const trend = await activityTrend(ev, [w.pairingA.id], db);
    expect(trend.filter((t) => t.month === '2025-10').reduce((s, t) => s + t.n, 0)).toBe(day);
    // The evaluation's own trend (all its pairings, from the same scan as the figures) agrees.
    expect(ev.trend).toEqual(trend);
  });

  it('a pairing that started mid-month reads the cut month activity by activity', async () => {
    const w = await createPairingWorld(db);
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { startsOn: new Date('2025-09-16T00:00:00Z') } });
    const sup = await actorFor(db, w.directorA);
    // Before the pairing began (kept from an earlier arrangement): in the rollup's September row, outside the window.
    await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      startsAt: new Date('2025-09-10T02:00:00Z'),
      classHours: 4,
      ...full,
    });
    await log(sup, w.pairingA.id, 'SENT_DEMONSTRATION', '2025-09-20');
    await log(sup, w.pairingA.id, 'SENT_DEMONSTRATION', '2025-10-20');
    const ev = await evaluatePairings(
      await actorFor(db, w.cityAdmin),
      { pairingIds: [w.pairingA.id], period: await semesterPeriod(), today: AFTER_AUTUMN },
      db,
    );
    expect(ev.pairings[0].results.S2.window).toEqual({ from: '2025-09-16', to: '2026-01-31' });
    expect(ev.pairings[0].results.S2.figure).toMatchObject({ have: 4 });
  });

  it('follows the city time zone: changing it moves activities between months', async () => {
    const w = await createPairingWorld(db);
    // The test database holds a city per world; the installation's time zone is the city's.
    const cities = await db.region.findMany({ where: { kind: 'CITY' }, select: { id: true, timeZone: true } });
    // 00:30 on 1 November in Shanghai is 16:30 on 31 October in UTC.
    await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      type: 'DAILY_OBSERVATION',
      direction: 'TO_ASSISTED',
      status: 'DONE',
      startsAt: new Date('2025-10-31T16:30:00Z'),
      ...full,
    });
    const months = async () =>
      (await db.activityMonthStat.findMany({ where: { pairingId: w.pairingA.id } })).map((r) => r.month.toISOString().slice(0, 7));
    expect(await months()).toEqual(['2025-11']);
    try {
      await db.region.updateMany({ where: { kind: 'CITY' }, data: { timeZone: 'UTC' } });
      expect(await months()).toEqual(['2025-10']);
    } finally {
      for (const c of cities) await db.region.update({ where: { id: c.id }, data: { timeZone: c.timeZone } });
    }
    expect(await months()).toEqual(['2025-11']);
  });

  it('the A2 rollup follows a change of semester dates', async () => {
    const w = await createPairingWorld(db);
    const lesson = await db.lessonRecord.create({
      data: {
        teacherId: w.teacherA2.id,
        kindergartenId: w.kgA2.id,
        heldOn: new Date('2026-07-20T00:00:00Z'),
        className: '大一班',
        domain: 'ART',
        title: '夏日公开课',
        plan: '教案',
        reflection: '反思',
        rating: 'GOOD',
        evaluatedById: w.directorA2.id,
        evaluatedAt: new Date('2026-07-21T00:00:00Z'),
      },
    });
    const rated = () =>
      db.teacherYearRating.findMany({ where: { teacherId: w.teacherA2.id }, select: { academicYear: true, lessonId: true } });
    expect(await rated()).toEqual([{ academicYear: 2025, lessonId: lesson.id }]);
    const spring = await db.semester.findFirstOrThrow({ where: { cycleId: w.cycle.id, academicYear: 2025, term: 'SPRING' } });
    try {
      // The bureau ends the spring semester on 15 July: a lesson on 20 July no longer belongs to the year.
      await db.semester.update({ where: { id: spring.id }, data: { endsOn: new Date('2026-07-15T00:00:00Z') } });
      expect(await rated()).toEqual([]);
    } finally {
      await db.semester.update({ where: { id: spring.id }, data: { endsOn: spring.endsOn } });
    }
    expect(await rated()).toEqual([{ academicYear: 2025, lessonId: lesson.id }]);
  });
});
