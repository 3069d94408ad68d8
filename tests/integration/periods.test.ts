import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { ActorWithName } from '@/lib/authz';
import { saveActivity } from '@/lib/activities/commands';
import { TYPE_RULES } from '@/lib/activities/rules';
import { saveLesson } from '@/lib/lessons/commands';
import { createPaper } from '@/lib/papers/commands';
import { logMentorSession } from '@/lib/mentoring/commands';
import { closePeriod, reviewLateCorrection } from '@/lib/periods/commands';
import { listLateCorrections, listPeriods } from '@/lib/periods/queries';
import { evaluatePairings, periodOf } from '@/lib/effect-tests/evaluate';
import { countedRecords } from '@/lib/effect-tests/queries';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { listCycles } from '@/lib/cycles/queries';
import { actorFor, createUser } from '../fixtures/factories';
import { closingWorld } from '../fixtures/period-factories';

type World = Awaited<ReturnType<typeof closingWorld>>;
const actor = (u: { id: string }) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};
const full = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };

function activity(pairingId: string, type: keyof typeof TYPE_RULES, date: string, over: Record<string, unknown> = {}) {
  const r = TYPE_RULES[type];
  return {
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
  };
}

/** Pairing A's autumn of the world's first academic year, logged by the supporting director while it ran. */
async function loggedAutumn(w: World) {
  const sup = await actor(w.directorA);
  const y = w.year;
  const ids: Record<string, string> = {};
  for (const d of [`${y}-09-15`, `${y}-10-15`, `${y}-11-12`, `${y}-12-10`, `${y + 1}-01-14`])
    ids[`obs-${d}`] = idOf(await saveActivity(sup, activity(w.pairingA.id, 'DAILY_OBSERVATION', d), db, w.duringAutumn));
  for (const d of [`${y}-09-20`, `${y}-10-20`, `${y}-11-20`])
    ids[`sent-${d}`] = idOf(await saveActivity(sup, activity(w.pairingA.id, 'SENT_DEMONSTRATION', d), db, w.duringAutumn));
  ids.lecture = idOf(await saveActivity(sup, activity(w.pairingA.id, 'SPECIAL_LECTURE', `${y}-10-08`), db, w.duringAutumn));
  return { sup, ids };
}

async function autumnPeriod(w: World) {
  const cycle = (await listCycles(db)).find((c) => c.id === w.cycle.id)!;
  return periodOf(cycle, w.year, 'AUTUMN')!;
}

const close = (a: ActorWithName, key: string, now: Date) => closePeriod(a, { key, confirm: 'on' }, db, now);
const version = async (id: string) => (await db.activity.findUniqueOrThrow({ where: { id } })).version;

describe('closing a period', () => {
  it('freezes every pairing as the live evaluation had it, once, after the grace days, by the city only, for good', async () => {
    const w = await closingWorld(db);
    const { ids } = await loggedAutumn(w);
    const city = await actor(w.cityAdmin);
    const period = await autumnPeriod(w);

    // Not before the grace days have passed, and only the city.
    expect(await close(city, w.autumn, w.lastGraceDay)).toMatchObject({
      ok: false,
      error: 'wrongState',
      message: { key: 'bulletins.periods.refused.notYet' },
    });
    expect(await close(await actor(w.countyAdminA), w.autumn, w.closable)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await close(await actor(w.directorA), w.autumn, w.closable)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await closePeriod(city, { key: w.autumn }, db, w.closable)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await db.closedPeriod.count({ where: { key: w.autumn } })).toBe(0);
    // The year waits for its semesters.
    expect(await close(city, String(w.year), w.springClosable)).toMatchObject({
      ok: false,
      message: { key: 'bulletins.periods.refused.semestersOpen' },
    });

    const live = await evaluatePairings(city, { period, pairingIds: [w.pairingA.id, w.pairingB.id], today: w.closable, live: true }, db);
    const id = idOf(await close(city, w.autumn, w.closable));
    const cp = await db.closedPeriod.findUniqueOrThrow({ where: { id }, include: { results: true } });
    expect(cp).toMatchObject({ key: w.autumn, kind: 'SEMESTER', academicYear: w.year, term: 'AUTUMN', closedById: w.cityAdmin.id });
    expect(cp.startsOn.toISOString().slice(0, 10)).toBe(`${w.year}-09-01`);
    expect(cp.endsOn.toISOString().slice(0, 10)).toBe(`${w.year + 1}-01-31`);

    // One row per pairing and S test, with the figure, the threshold in force and the records counted.
    const mine = cp.results.filter((r) => r.pairingId === w.pairingA.id);
    expect(mine.map((r) => r.test).sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(cp.results.filter((r) => r.pairingId === w.pairingB.id)).toHaveLength(5);
    const s2 = mine.find((r) => r.test === 'S2')!;
    expect(s2).toMatchObject({ status: 'MISSED' });
    expect(Number(s2.value)).toBe(6);
    expect(s2.detail).toMatchObject({ figure: { kind: 'hours', have: 6, need: 10 }, threshold: { classHours: 10 } });
    expect((s2.counted as { activities: string[] }).activities.sort()).toEqual(
      [`sent-${w.year}-09-20`, `sent-${w.year}-10-20`, `sent-${w.year}-11-20`].map((k) => ids[k]).sort(),
    );
    expect(mine.find((r) => r.test === 'S1')).toMatchObject({ status: 'MET' });
    expect((mine.find((r) => r.test === 'S5')!.counted as { activities: string[] }).activities).toHaveLength(Object.keys(ids).length);

    // What the pages read afterwards is what the live evaluation gave at closing.
    const after = await evaluatePairings(city, { period, pairingIds: [w.pairingA.id, w.pairingB.id], today: w.springClosable }, db);
    expect(after.closed.semester).toMatchObject({ key: w.autumn });
    expect(after.closed.year).toBeNull();
    for (const p of after.pairings) {
      const before = live.pairings.find((x) => x.id === p.id)!;
      for (const t of ['S1', 'S2', 'S3', 'S4', 'S5'] as const) expect(p.results[t]).toEqual(before.results[t]);
    }

    // Once only.
    expect(await close(city, w.autumn, w.springClosable)).toMatchObject({
      ok: false,
      error: 'wrongState',
      message: { key: 'bulletins.periods.refused.alreadyClosed' },
    });
    expect(await db.closedPeriod.count({ where: { key: w.autumn } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'period.closed', entityId: id } });
    expect(audit).toMatchObject({ actorId: w.cityAdmin.id, entityType: 'ClosedPeriod' });
    expect(audit.after).toMatchObject({ key: w.autumn, results: cp.results.length });

    // The periods page says so.
    const { rows } = await listPeriods(city, db, w.springClosable);
    expect(rows.find((r) => r.key === w.autumn)).toMatchObject({ closed: { closedBy: '市管理员' } });
    expect(rows.find((r) => r.key === w.spring)).toMatchObject({ closed: null, verdict: { ok: true } });
    expect(rows.find((r) => r.key === String(w.year))).toMatchObject({ verdict: { ok: false, reason: 'semestersOpen' } });

    // The database itself refuses to change or remove a frozen result.
    const key = { closedPeriodId: id, pairingId: w.pairingA.id, test: 'S2' };
    await expect(db.frozenResult.update({ where: { closedPeriodId_pairingId_test: key }, data: { status: 'MET' } })).rejects.toThrow(
      /frozen results/,
    );
    await expect(db.frozenResult.deleteMany({ where: { closedPeriodId: id } })).rejects.toThrow(/frozen results/);
    expect(await db.frozenResult.findUniqueOrThrow({ where: { closedPeriodId_pairingId_test: key } })).toMatchObject({ status: 'MISSED' });
  });
});

describe('after a close', () => {
  it('refuses records dated in the closed period, in every kind of record, and moving one in or out', async () => {
    const w = await closingWorld(db);
    const { sup, ids } = await loggedAutumn(w);
    const y = w.year;
    await close(await actor(w.cityAdmin), w.autumn, w.closable);
    const now = w.closable;

    const created = await saveActivity(sup, activity(w.pairingA.id, 'SENT_DEMONSTRATION', `${y}-12-01`), db, now);
    expect(created).toMatchObject({
      ok: false,
      error: 'invalid',
      message: { key: 'bulletins.closed.refused', values: { year: String(y), term: 'AUTUMN', from: `${y}-09-01`, to: `${y + 1}-01-31` } },
      fieldErrors: { startDate: [{ key: 'bulletins.closed.refused' }], lateCorrection: ['bulletins.closed.lateOffer'] },
    });
    // The first and last days belong to it.
    expect(await saveActivity(sup, activity(w.pairingA.id, 'FELLOWSHIP', `${y}-09-01`), db, now)).toMatchObject({ ok: false });
    expect(await saveActivity(sup, activity(w.pairingA.id, 'FELLOWSHIP', `${y + 1}-01-31`), db, now)).toMatchObject({ ok: false });

    // Editing one in place, moving one out, moving one in.
    const sent = ids[`sent-${y}-10-20`];
    const edit = async (id: string, over: Record<string, unknown>) =>
      saveActivity(
        sup,
        { ...activity(w.pairingA.id, 'SENT_DEMONSTRATION', `${y}-10-20`), id, version: await version(id), ...over },
        db,
        now,
      );
    const refused = { ok: false, error: 'invalid', message: { key: 'bulletins.closed.refused' } };
    expect(await edit(sent, { classHours: '4' })).toMatchObject(refused);
    expect(await edit(sent, { startDate: `${y + 1}-02-10` })).toMatchObject(refused);
    const spring = idOf(await saveActivity(sup, activity(w.pairingA.id, 'SENT_DEMONSTRATION', `${y + 1}-02-10`), db, now));
    expect(await edit(spring, { startDate: `${y}-11-30` })).toMatchObject(refused);
    const kept = await db.activity.findUniqueOrThrow({ where: { id: sent } });
    expect([Number(kept.classHours), kept.version]).toEqual([2, 1]);
    // A record of the open semester is edited as ever.
    expect(await edit(spring, { startDate: `${y + 1}-02-11`, title: '春季送教' })).toMatchObject({ ok: true });

    // Lessons, papers and mentoring sessions have no late path: refused, with the same sentence.
    const teacher = await actor(w.teacherA2);
    const lesson = { heldOn: `${y}-11-05`, className: '大一班', domain: 'ART', title: '美术' };
    const refusedLesson = await saveLesson(teacher, lesson, db);
    expect(refusedLesson).toMatchObject({ ok: false, fieldErrors: { heldOn: [{ key: 'bulletins.closed.refused' }] } });
    expect((refusedLesson as { fieldErrors: object }).fieldErrors).not.toHaveProperty('lateCorrection');
    const lessonId = idOf(await saveLesson(teacher, { ...lesson, heldOn: `${y + 1}-03-05` }, db));
    expect(await saveLesson(teacher, { ...lesson, id: lessonId, version: 1 }, db)).toMatchObject({ ok: false, error: 'invalid' });
    const paper = { title: '论文', venue: '学前教育', kind: 'PUBLISHED', level: 'MUNICIPAL', date: `${y}-12-20` };
    expect(await createPaper(teacher, paper, db)).toMatchObject({
      ok: false,
      fieldErrors: { date: [{ key: 'bulletins.closed.refused' }] },
    });
    expect(await createPaper(teacher, { ...paper, date: `${y + 1}-03-01` }, db)).toMatchObject({ ok: true });
    const mentor = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA.id, name: '师傅' });
    const pair = await db.mentorPair.create({
      data: {
        pairingId: w.pairingA.id,
        mentorId: mentor.id,
        apprenticeId: w.teacherA2.id,
        startsOn: new Date(`${y}-09-01T00:00:00Z`),
        createdById: w.directorA.id,
      },
    });
    const session = { mentorPairId: pair.id, heldOn: `${y}-10-10`, topic: '听课' };
    expect(await logMentorSession(teacher, session, db, now)).toMatchObject({
      ok: false,
      fieldErrors: { heldOn: [{ key: 'bulletins.closed.refused' }] },
    });
    expect(await logMentorSession(teacher, { ...session, heldOn: `${y + 1}-02-12` }, db, now)).toMatchObject({ ok: true });
  });

  it('takes an activity as a late correction: held back, then once approved counted live, never in the frozen results', async () => {
    const w = await closingWorld(db);
    const { sup } = await loggedAutumn(w);
    const y = w.year;
    const city = await actor(w.cityAdmin);
    const period = await autumnPeriod(w);
    const closedId = idOf(await close(city, w.autumn, w.closable));
    const frozenBefore = await db.frozenResult.findMany({
      where: { closedPeriodId: closedId },
      orderBy: [{ pairingId: 'asc' }, { test: 'asc' }],
    });
    const now = w.closable;
    const liveS2 = async () =>
      (await evaluatePairings(city, { period, pairingIds: [w.pairingA.id], today: now, live: true }, db)).pairings[0].results.S2;
    const shownS2 = async () =>
      (await evaluatePairings(city, { period, pairingIds: [w.pairingA.id], today: now }, db)).pairings[0].results.S2;
    expect(await liveS2()).toMatchObject({ figure: { have: 6 } });

    const late = idOf(
      await saveActivity(sup, activity(w.pairingA.id, 'SENT_DEMONSTRATION', `${y}-12-01`, { lateCorrection: 'on' }), db, now),
    );
    expect(await db.activity.findUniqueOrThrow({ where: { id: late } })).toMatchObject({
      lateCorrection: 'PENDING',
      lateReviewedById: null,
    });
    expect(await db.auditEntry.count({ where: { action: 'activity.lateSubmitted', entityId: late } })).toBe(1);
    // Pending: counted nowhere, not even live (the monthly rollup still holds it; the evaluation takes it off).
    expect(await liveS2()).toMatchObject({ figure: { have: 6 } });
    // A second, to be rejected.
    const rejected = idOf(
      await saveActivity(
        sup,
        activity(w.pairingA.id, 'SENT_DEMONSTRATION', `${y}-12-02`, { lateCorrection: 'on', classHours: '3' }),
        db,
        now,
      ),
    );

    // The reviewers: a bureau admin in scope; a director never; another county never hears of it.
    expect(await listLateCorrections(await actor(w.countyAdminA), 'PENDING', db)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: late, state: 'PENDING' })]),
    );
    expect((await listLateCorrections(await actor(w.countyAdminB), undefined, db)).map((r) => r.id)).not.toContain(late);
    expect(await listLateCorrections(await actor(w.directorA), undefined, db)).toEqual([]);
    const review = async (u: { id: string }, id: string, decision: string) =>
      reviewLateCorrection(await actor(u), { id, version: await version(id), decision }, db, now);
    expect(await review(w.directorA2, late, 'approve')).toEqual({ ok: false, error: 'notAllowed' });
    expect(await review(w.countyAdminB, late, 'approve')).toEqual({ ok: false, error: 'notFound' });
    expect(await review(w.countyAdminA, late, 'approve')).toMatchObject({ ok: true });
    expect(await review(w.countyAdminA, late, 'reject')).toEqual({ ok: false, error: 'wrongState' });
    expect(await review(w.cityAdmin, rejected, 'reject')).toMatchObject({ ok: true });
    expect(await db.activity.findUniqueOrThrow({ where: { id: late } })).toMatchObject({
      lateCorrection: 'APPROVED',
      lateReviewedById: w.countyAdminA.id,
    });
    expect(await db.auditEntry.count({ where: { action: 'activity.lateApproved', entityId: late, actorId: w.countyAdminA.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: 'activity.lateRejected', entityId: rejected } })).toBe(1);

    // Approved: counted live; rejected: still not. The frozen results and what the pages show stay as closed.
    expect(await liveS2()).toMatchObject({ figure: { have: 8 } });
    expect(await shownS2()).toMatchObject({ status: 'MISSED', figure: { have: 6, need: 10 } });
    // The drill-down of the closed semester lists the records the close counted.
    const frozenS2 = frozenBefore.find((r) => r.pairingId === w.pairingA.id && r.test === 'S2')!;
    const drill = await countedRecords(city, w.pairingA.id, 'S2', period, db, now);
    expect(drill!.records.map((r) => r.id).sort()).toEqual([...(frozenS2.counted as { activities: string[] }).activities].sort());
    const dashboard = await loadDashboard(city, { period: `${w.cycle.id}:${y}-AUTUMN`, q: undefined }, db, now);
    expect(dashboard.rows.find((p) => p.id === w.pairingA.id)!.results.S2).toMatchObject({ figure: { have: 6 } });
    const frozenAfter = await db.frozenResult.findMany({
      where: { closedPeriodId: closedId },
      orderBy: [{ pairingId: 'asc' }, { test: 'asc' }],
    });
    expect(frozenAfter).toEqual(frozenBefore);
  });
});
