import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { getCycleRollup, getPairingReview, getReviewIndex, getRolloverAdvice, getSummary, listSummaries } from '@/lib/cycle-review/queries';
import {
  confirmMeasurement,
  decideRollover,
  publishSummary,
  recordMeasurement,
  saveSummary,
  updateAdviceSettings,
} from '@/lib/cycle-review/commands';
import { getCycle } from '@/lib/cycles/queries';
import { listTodos } from '@/lib/todos/queries';
import type { Figures } from '@/lib/cycle-review/rules';
import type { SummaryContent } from '@/lib/cycle-review/summary';
import { actorFor, createCycle, createKindergarten, createPairing, createScopeWorld, createUser } from '../fixtures/factories';
import { createActivity } from '../fixtures/activity-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const actor = (u: { id: string }) => actorFor(db, u);

/**
 * A cycle of its own (far from real data, so its closed periods' keys are its own): in county A the urban
 * kgA supports the rural kgA2 (the pairing reviewed) and kgA4; in county B kgB supports kgB2; kgA also
 * supports kgB2's neighbour across the county line. Autumn and spring of the first year are closed,
 * with the first academic year; the second year is open.
 */
async function world() {
  const w = await createScopeWorld(db);
  const cycle = await createCycle(db);
  const Y = cycle.startYear;
  const kgA4 = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
  const kgB2 = await createKindergarten(db, w.countyB.id, { area: 'RURAL' });
  const kgB3 = await createKindergarten(db, w.countyB.id, { area: 'RURAL' });
  const directorB2 = await createUser(db, { role: 'DIRECTOR', kindergartenId: kgB2.id, name: '乙二园长' });
  const teacherA2 = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA2.id, name: '甲二老师' });
  const teacherA2b = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA2.id, name: '甲二老师乙' });
  const pairing = await createPairing(db, { cycleId: cycle.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
  const pairingA4 = await createPairing(db, { cycleId: cycle.id, supportingId: w.kgA.id, assistedId: kgA4.id });
  const pairingB = await createPairing(db, { cycleId: cycle.id, supportingId: w.kgB.id, assistedId: kgB2.id });
  const crossCounty = await createPairing(db, { cycleId: cycle.id, supportingId: w.kgA.id, assistedId: kgB3.id });
  const sem = (term: 'AUTUMN' | 'SPRING', year = Y) => cycle.semesters.find((s) => s.academicYear === year && s.term === term)!;
  const close = (key: string, kind: 'SEMESTER' | 'ACADEMIC_YEAR', term: 'AUTUMN' | 'SPRING' | null, startsOn: Date, endsOn: Date) =>
    db.closedPeriod.create({ data: { key, kind, academicYear: Y, term, startsOn, endsOn, closedById: w.cityAdmin.id } });
  const autumn = await close(`${Y}-AUTUMN`, 'SEMESTER', 'AUTUMN', sem('AUTUMN').startsOn, sem('AUTUMN').endsOn);
  const spring = await close(`${Y}-SPRING`, 'SEMESTER', 'SPRING', sem('SPRING').startsOn, sem('SPRING').endsOn);
  const year = await close(String(Y), 'ACADEMIC_YEAR', null, sem('AUTUMN').startsOn, sem('SPRING').endsOn);
  const frozen = (closedPeriodId: string, pairingId: string, statuses: Record<string, string>) =>
    db.frozenResult.createMany({
      data: Object.entries(statuses).map(([test, status]) => ({ closedPeriodId, pairingId, test, status, detail: {}, counted: {} })),
    });
  const allS = { S1: 'MET', S2: 'MET', S3: 'MET', S4: 'MET', S5: 'MET' };
  await frozen(autumn.id, pairing.id, allS);
  await frozen(spring.id, pairing.id, { ...allS, S2: 'MISSED' });
  await frozen(year.id, pairing.id, { A1: 'MET', A2: 'MISSED', A3: 'MET', A4: 'MET', A5: 'MET', A6: 'NOT_APPLICABLE' });
  await frozen(autumn.id, pairingB.id, { ...allS, S1: 'MISSED' });
  return { ...w, cycle, Y, kgA4, kgB2, kgB3, directorB2, teacherA2, teacherA2b, pairing, pairingA4, pairingB, crossCounty };
}
type World = Awaited<ReturnType<typeof world>>;

/** Done, confirmed, pending, a donation, and records that do not count (planned, cancelled, a late correction held). */
async function records(w: World) {
  const base = {
    pairingId: w.pairing.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    startsAt: new Date(`${w.Y}-10-10T02:00:00Z`),
  };
  const parts = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };
  await createActivity(db, {
    ...base,
    status: 'DONE',
    type: 'SENT_DEMONSTRATION',
    classHours: 2.5,
    confirmation: 'CONFIRMED',
    confirmedById: w.directorA2.id,
    title: '示范课',
    ...parts,
  });
  await createActivity(db, { ...base, status: 'DONE', type: 'SENT_LECTURE', classHours: 1, title: '讲座' });
  await createActivity(db, {
    ...base,
    status: 'DONE',
    type: 'DONATION',
    title: '捐赠图书',
    confirmation: 'CONFIRMED',
    confirmedById: w.directorA2.id,
    donationLines: [
      { item: '绘本', quantity: 100, unit: '册', estimatedValue: 300 },
      { item: '积木', quantity: 2, unit: '套', estimatedValue: 200 },
    ],
  });
  await createActivity(db, { ...base, status: 'PLANNED', classHours: 8 });
  await createActivity(db, { ...base, status: 'CANCELLED', classHours: 8 });
  const held = await createActivity(db, { ...base, status: 'DONE', classHours: 4 });
  await db.activity.update({ where: { id: held.id }, data: { lateCorrection: 'PENDING' } });
  await createActivity(db, { ...base, pairingId: w.pairingB.id, recordingKindergartenId: w.kgB.id, status: 'DONE', classHours: 6 });
  const mp = await db.mentorPair.create({
    data: {
      pairingId: w.pairing.id,
      mentorId: w.teacherA.id,
      apprenticeId: w.teacherA2.id,
      startsOn: d(`${w.Y}-09-01`),
      createdById: w.directorA.id,
    },
  });
  for (const day of ['10-01', '11-01', '12-01'])
    await db.mentorSession.create({ data: { mentorPairId: mp.id, heldOn: d(`${w.Y}-${day}`), topic: '说课', createdById: w.teacherA.id } });
}

const area = (result: string) => ({ conditions: result, management: result, teachers: result, children: result });
const NOW = (w: World) => new Date(`${w.Y + 2}-08-20T04:00:00Z`);

describe('the review of a pairing', () => {
  it("shows each semester's frozen results, and open ones as not closed", async () => {
    const w = await world();
    const r = (await getPairingReview(await actor(w.cityAdmin), w.pairing.id, db, NOW(w)))!;
    expect(r.history.map((h) => [h.key, h.closed])).toEqual([
      [`${w.Y}-AUTUMN`, true],
      [`${w.Y}-SPRING`, true],
      [`${w.Y + 1}-AUTUMN`, false],
      [`${w.Y + 1}-SPRING`, false],
    ]);
    // Every frozen row of the pairing is shown once, where it belongs: S tests on their semester, A tests on the spring.
    const stored = await db.frozenResult.findMany({ where: { pairingId: w.pairing.id }, include: { closedPeriod: true } });
    const shown = r.history.flatMap((h) => h.tests.map((t) => `${h.key}:${t.test}:${t.status}`)).sort();
    expect(shown).toEqual(
      stored.map((s) => `${s.closedPeriod.kind === 'SEMESTER' ? s.closedPeriod.key : `${w.Y}-SPRING`}:${s.test}:${s.status}`).sort(),
    );
    expect(r.history[0].verdict).toMatchObject({ allMet: true, supportingMissed: false });
    expect(r.history[1].verdict).toMatchObject({ judged: 10, met: 8, allMet: false, supportingMissed: true });
    expect(r.history[2].verdict).toBeNull();
  });

  it('totals what was done and counts, as the records hold it', async () => {
    const w = await world();
    await records(w);
    const r = (await getPairingReview(await actor(w.directorA2), w.pairing.id, db, NOW(w)))!;
    const done = await db.activity.findMany({
      where: { pairingId: w.pairing.id, status: 'DONE', OR: [{ lateCorrection: null }, { lateCorrection: 'APPROVED' }] },
      select: { classHours: true, confirmation: true },
    });
    expect(r.totals).toEqual({
      pairings: 1,
      done: done.length,
      confirmed: done.filter((a) => a.confirmation === 'CONFIRMED').length,
      hours: done.reduce((s, a) => s + Number(a.classHours ?? 0), 0),
      donations: 1,
      donationValue: 500,
      mentoringSessions: 3,
    });
    expect(r.totals).toMatchObject({ done: 3, confirmed: 2, hours: 3.5 });
    expect(r.confirmedShare).toBeCloseTo(2 / 3);
    // Spot checks are the bureau's: the assisted director gets no verdict counts.
    expect(r.spotChecks).toBeNull();
    // The county's roll-up is the sum of its pairings.
    const rollup = (await getCycleRollup(await actor(w.countyAdminA), w.cycle.id, undefined, db))!;
    const a = rollup.rows.find((x) => x.countyId === w.countyA.id)!;
    expect(a.totals).toMatchObject({ pairings: 2, done: 3, hours: 3.5, donations: 1, donationValue: 500, mentoringSessions: 3 });
  });

  it('shows the bureau the share of spot-checked records found true', async () => {
    const w = await world();
    const a = await createActivity(db, {
      pairingId: w.pairing.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
    });
    const b = await createActivity(db, {
      pairingId: w.pairing.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
    });
    await db.spotCheck.create({
      data: {
        countyId: w.countyA.id,
        periodFrom: d(`${w.Y}-09-01`),
        periodTo: d(`${w.Y + 1}-07-31`),
        sampleSize: 2,
        seed: 's',
        method: {},
        createdById: w.countyAdminA.id,
        items: {
          create: [
            { activityId: a.id, position: 1, verdict: 'VERIFIED' },
            { activityId: b.id, position: 2, verdict: 'QUESTIONED' },
          ],
        },
      },
    });
    const r = (await getPairingReview(await actor(w.countyAdminA), w.pairing.id, db, NOW(w)))!;
    expect(r.spotChecks).toEqual({ verified: 1, questioned: 1, checked: 2 });
    // The questioned record is a reason to look closer at rollover.
    const advice = await getRolloverAdvice(await actor(w.countyAdminA), (await getCycle(w.cycle.id, db))!, [w.pairing], db, NOW(w));
    expect(advice.get(w.pairing.id)!.computed.advice).toBe('LOOK_CLOSER');
  });

  it('is in scope for the bureau and the two directors only', async () => {
    const w = await world();
    for (const u of [w.cityAdmin, w.countyAdminA, w.directorA, w.directorA2])
      expect(await getPairingReview(await actor(u), w.pairing.id, db, NOW(w)), u.name).not.toBeNull();
    for (const u of [w.countyAdminB, w.directorB, w.teacherA, w.teacherB])
      expect(await getPairingReview(await actor(u), w.pairing.id, db, NOW(w)), u.name).toBeNull();
    expect(await getPairingReview(await actor(w.cityAdmin), 'no-such-id', db)).toBeNull();
    // The landing page: a director finds their own pairings' reviews, a teacher none, the bureau its roll-up.
    const mine = (await getReviewIndex(await actor(w.directorA2), db)).find((r) => r.cycle.id === w.cycle.id)!;
    expect(mine.pairings.map((p) => p.id)).toEqual([w.pairing.id]);
    expect(mine.hasRollup).toBe(false);
    const teacher = (await getReviewIndex(await actor(w.teacherA), db)).find((r) => r.cycle.id === w.cycle.id)!;
    expect(teacher.pairings).toEqual([]);
    expect((await getReviewIndex(await actor(w.countyAdminB), db)).find((r) => r.cycle.id === w.cycle.id)).toMatchObject({
      hasRollup: true,
      pairings: [],
    });
  });
});

describe('measurements', () => {
  const form = (w: World, kind: 'BASELINE' | 'END', measuredOn: string, extra: Record<string, string> = {}) => ({
    pairingId: w.pairing.id,
    kind,
    measuredOn,
    qualifiedTeachers: '9',
    ...area('PARTLY'),
    conditionsNote: '场地不足',
    ...extra,
  });

  it('are recorded by the bureau or the supporting director and refused to everyone else', async () => {
    const w = await world();
    const baseline = form(w, 'BASELINE', `${w.Y}-09-20`);
    expect(await recordMeasurement(await actor(w.teacherA), baseline, db, NOW(w))).toMatchObject({ ok: false, error: 'notAllowed' });
    expect(await recordMeasurement(await actor(w.directorA2), baseline, db, NOW(w))).toMatchObject({ ok: false, error: 'notAllowed' });
    expect(await recordMeasurement(await actor(w.directorB), baseline, db, NOW(w))).toMatchObject({ ok: false, error: 'notFound' });
    expect(await recordMeasurement(await actor(w.countyAdminB), baseline, db, NOW(w))).toMatchObject({ ok: false, error: 'notFound' });
    expect(await db.cycleMeasurement.count({ where: { pairingId: w.pairing.id } })).toBe(0);
    expect(await recordMeasurement(await actor(w.directorA), baseline, db, NOW(w))).toMatchObject({ ok: true });
    expect(await recordMeasurement(await actor(w.countyAdminA), form(w, 'END', `${w.Y + 2}-06-20`), db, NOW(w))).toMatchObject({
      ok: true,
    });
    const audit = await db.auditEntry.findMany({
      where: { entityType: 'CycleMeasurement', action: 'measurement.recorded', actorId: { in: [w.directorA.id, w.countyAdminA.id] } },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ countyId: w.countyA.id, kindergartenId: w.kgA2.id });
  });

  it('keep the figures of the day measured, taken from the registry and the records', async () => {
    const w = await world();
    const Y = w.Y;
    await db.kindergarten.update({ where: { id: w.kgA2.id }, data: { childCount: 150, teacherCount: 12, classCount: 5 } });
    const lesson = (teacherId: string, heldOn: string, rating: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL') =>
      db.lessonRecord.create({
        data: { teacherId, kindergartenId: w.kgA2.id, heldOn: d(heldOn), className: '大一班', domain: 'ART', title: '美术', rating },
      });
    // The latest rated lesson per teacher in the year up to the day: teacherA2 FAIL then EXCELLENT; teacherA2b PASS; one too old, one after the day.
    await lesson(w.teacherA2.id, `${Y + 1}-10-01`, 'FAIL');
    await lesson(w.teacherA2.id, `${Y + 2}-03-01`, 'EXCELLENT');
    await lesson(w.teacherA2b.id, `${Y + 2}-04-01`, 'PASS');
    await lesson(w.teacherA2b.id, `${Y + 2}-07-01`, 'FAIL');
    await lesson(w.teacherA2b.id, `${Y}-10-01`, 'FAIL');
    await db.inspection.create({
      data: {
        pairingId: w.pairing.id,
        inspectedOn: d(`${Y + 2}-05-10`),
        status: 'RECORDED',
        grade: 'GOOD',
        createdById: w.countyAdminA.id,
        recordedAt: new Date(),
      },
    });
    const ok = await recordMeasurement(await actor(w.countyAdminA), form(w, 'END', `${Y + 2}-06-20`), db, NOW(w));
    expect(ok.ok).toBe(true);
    const m = await db.cycleMeasurement.findFirstOrThrow({ where: { pairingId: w.pairing.id, kind: 'END' } });
    expect(m.figures as Figures).toEqual({
      children: 150,
      teachers: 12,
      classes: 5,
      staffingRatio: 12.5,
      qualifiedTeachers: 9,
      excellentRate: 0.5,
      passRate: 1,
      teachersRated: 2,
      inspectionGrade: 'GOOD',
      inspectedOn: `${Y + 2}-05-10`,
      testsYear: Y,
      testsMet: 4,
      testsJudged: 5,
    });
    expect(m.standard).toMatchObject({ conditions: { result: 'PARTLY', note: '场地不足' }, children: { result: 'PARTLY', note: '' } });
    // Later changes to the registry do not change what was measured.
    await db.kindergarten.update({ where: { id: w.kgA2.id }, data: { childCount: 300 } });
    const r = (await getPairingReview(await actor(w.countyAdminA), w.pairing.id, db, NOW(w)))!;
    expect(r.end!.figures.children).toBe(150);
  });

  it('are confirmed by the assisted director, never by whoever recorded them, and then no longer change', async () => {
    const w = await world();
    await recordMeasurement(await actor(w.directorA), form(w, 'BASELINE', `${w.Y}-09-20`), db, NOW(w));
    const m = await db.cycleMeasurement.findFirstOrThrow({ where: { pairingId: w.pairing.id } });
    const confirm = { id: m.id, version: String(m.version) };
    expect(await confirmMeasurement(await actor(w.directorA), confirm, db)).toMatchObject({ ok: false, error: 'notAllowed' });
    expect(await confirmMeasurement(await actor(w.countyAdminA), confirm, db)).toMatchObject({ ok: false, error: 'notAllowed' });
    expect(await confirmMeasurement(await actor(w.teacherA2), confirm, db)).toMatchObject({ ok: false, error: 'notAllowed' });
    expect(await confirmMeasurement(await actor(w.directorB), confirm, db)).toMatchObject({ ok: false, error: 'notFound' });
    expect(await confirmMeasurement(await actor(w.directorA2), confirm, db)).toMatchObject({ ok: true });
    const confirmed = await db.cycleMeasurement.findUniqueOrThrow({ where: { id: m.id } });
    expect(confirmed.confirmedById).toBe(w.directorA2.id);
    expect(await confirmMeasurement(await actor(w.directorA2), { id: m.id, version: String(confirmed.version) }, db)).toMatchObject({
      error: 'wrongState',
    });
    expect(
      await recordMeasurement(
        await actor(w.directorA),
        { ...form(w, 'BASELINE', `${w.Y}-09-21`), version: String(confirmed.version) },
        db,
        NOW(w),
      ),
    ).toMatchObject({ ok: false, error: 'wrongState' });
    expect(await db.auditEntry.count({ where: { entityId: m.id, action: 'measurement.confirmed', actorId: w.directorA2.id } })).toBe(1);
    // Nobody confirms their own, even where the permission would otherwise allow it.
    await recordMeasurement(await actor(w.countyAdminA), form(w, 'END', `${w.Y + 2}-06-20`), db, NOW(w));
    const end = await db.cycleMeasurement.findFirstOrThrow({ where: { pairingId: w.pairing.id, kind: 'END' } });
    await db.cycleMeasurement.update({ where: { id: end.id }, data: { recordedById: w.directorA2.id } });
    expect(await confirmMeasurement(await actor(w.directorA2), { id: end.id, version: String(end.version) }, db)).toMatchObject({
      ok: false,
      error: 'notAllowed',
      message: 'cycleReview.errors.ownMeasurement',
    });
  });

  it('ask the assisted directors to confirm (a notification and a to-do), and tell the recorder once confirmed', async () => {
    const w = await world();
    const inbox = (u: { id: string }) =>
      db.notification.findMany({
        where: { recipientId: u.id, kind: { startsWith: 'measurement.' } },
        select: { kind: true, href: true, title: true },
      });
    const toConfirm = async (u: { id: string }) =>
      (await listTodos(await actor(u), db, NOW(w))).find((t) => t.key === 'measurementsToConfirm')?.count ?? 0;
    await recordMeasurement(await actor(w.countyAdminA), form(w, 'BASELINE', `${w.Y}-09-20`), db, NOW(w));
    const m = await db.cycleMeasurement.findFirstOrThrow({ where: { pairingId: w.pairing.id } });
    const href = `/pairings/${w.pairing.id}/review`;
    expect(await inbox(w.directorA2)).toEqual([{ kind: 'measurement.recorded', href, title: expect.stringContaining('基线') }]);
    expect(await toConfirm(w.directorA2)).toBe(1);
    const index = await getReviewIndex(await actor(w.directorA2), db);
    expect(index.flatMap((r) => r.pairings).find((p) => p.id === w.pairing.id)?.toConfirm).toBe(1);
    // Nobody else is asked: not the supporting side, not another county, not the recorder.
    for (const u of [w.directorA, w.directorB, w.countyAdminA, w.teacherA2]) {
      expect(await inbox(u)).toEqual([]);
      expect(await toConfirm(u)).toBe(0);
    }
    await confirmMeasurement(await actor(w.directorA2), { id: m.id, version: String(m.version) }, db);
    expect(await toConfirm(w.directorA2)).toBe(0);
    expect(await inbox(w.countyAdminA)).toEqual([{ kind: 'measurement.confirmed', href, title: expect.stringContaining('基线') }]);
  });

  it('are dated at the start and the end of the cycle, the baseline first, never in the future; a stale save is refused', async () => {
    const w = await world();
    const director = await actor(w.directorA);
    const late = await recordMeasurement(director, form(w, 'BASELINE', `${w.Y + 1}-03-01`), db, NOW(w));
    expect(late).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { measuredOn: [{ key: 'cycleReview.errors.baselineWindow' }] },
    });
    expect(await recordMeasurement(director, form(w, 'END', `${w.Y + 2}-06-20`), db, new Date(`${w.Y + 2}-06-01T04:00:00Z`))).toMatchObject(
      {
        fieldErrors: { measuredOn: [{ key: 'cycleReview.errors.future' }] },
      },
    );
    expect(await recordMeasurement(director, { ...form(w, 'BASELINE', `${w.Y}-09-20`), teachers: '' }, db, NOW(w))).toMatchObject({
      fieldErrors: { teachers: ['cycleReview.errors.areaRequired'] },
    });
    expect(await recordMeasurement(director, form(w, 'BASELINE', `${w.Y}-09-20`), db, NOW(w))).toMatchObject({ ok: true });
    // Recorded again without naming the version it was based on: someone may have saved since.
    expect(await recordMeasurement(director, form(w, 'BASELINE', `${w.Y}-09-22`), db, NOW(w))).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(await recordMeasurement(director, { ...form(w, 'BASELINE', `${w.Y}-09-22`), version: '1' }, db, NOW(w))).toMatchObject({
      ok: true,
    });
  });
});

describe('re-pairing advice at rollover', () => {
  it("follows the city's thresholds, and keeps the advice computed then beside the county's decision", async () => {
    const w = await world();
    const county = await actor(w.countyAdminA);
    const cycle = (await getCycle(w.cycle.id, db))!;
    // The supporting side missed in 1 of 2 closed semesters: not more than half.
    expect((await getRolloverAdvice(county, cycle, [w.pairing], db, NOW(w))).get(w.pairing.id)!.computed.advice).toBe('CONTINUE');
    expect(await updateAdviceSettings(await actor(w.countyAdminA), { semesterMetPercent: '80', missedPercent: '40' }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(await updateAdviceSettings(await actor(w.cityAdmin), { semesterMetPercent: '80', missedPercent: '40' }, db)).toMatchObject({
      ok: true,
    });
    const row = (await getRolloverAdvice(county, cycle, [w.pairing], db, NOW(w))).get(w.pairing.id)!;
    expect(row.computed.advice).toBe('CHANGE_SUPPORTER');
    expect(row.computed.reasons[0]).toMatchObject({ key: 'supportingMissed', values: { missed: 1, closed: 2, share: 40 } });
    expect(row.stored).toBeNull();

    const decide = { pairingId: w.pairing.id, decision: 'CONTINUE', note: '' };
    expect(await decideRollover(county, decide, db, NOW(w))).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { note: ['cycleReview.errors.noteRequired'] },
    });
    expect(await decideRollover(county, { ...decide, note: '新园长刚到任，再观察一学期。' }, db, NOW(w))).toMatchObject({ ok: true });
    const kept = await db.rolloverAdvice.findUniqueOrThrow({ where: { pairingId: w.pairing.id } });
    expect(kept).toMatchObject({
      advice: 'CHANGE_SUPPORTER',
      decision: 'CONTINUE',
      decisionNote: '新园长刚到任，再观察一学期。',
      decidedById: w.countyAdminA.id,
    });
    expect(kept.reasons).toEqual(row.computed.reasons);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'rollover.decided', entityId: w.pairing.id } });
    expect(audit.after).toMatchObject({ advice: 'CHANGE_SUPPORTER', decision: 'CONTINUE' });
    expect(audit.countyId).toBe(w.countyA.id);

    // Changing it names the version; a stale one is refused. Agreeing with the advice needs no note.
    expect(await decideRollover(county, { ...decide, decision: 'CHANGE_SUPPORTER' }, db, NOW(w))).toMatchObject({ error: 'conflict' });
    expect(
      await decideRollover(county, { ...decide, decision: 'CHANGE_SUPPORTER', version: String(kept.version) }, db, NOW(w)),
    ).toMatchObject({ ok: true });
    const stored = (await getRolloverAdvice(county, cycle, [w.pairing], db, NOW(w))).get(w.pairing.id)!.stored!;
    expect(stored).toMatchObject({ advice: 'CHANGE_SUPPORTER', decision: 'CHANGE_SUPPORTER', version: 2 });
  });

  it('is decided by the bureau within its rollover scope only', async () => {
    const w = await world();
    const decide = (pairingId: string) => ({ pairingId, decision: 'CONTINUE', note: '继续' });
    expect(await decideRollover(await actor(w.directorA), decide(w.pairing.id), db, NOW(w))).toMatchObject({ error: 'notAllowed' });
    expect(await decideRollover(await actor(w.countyAdminB), decide(w.pairing.id), db, NOW(w))).toMatchObject({ error: 'notFound' });
    // Across the county line: the city decides (as it rolls such pairings over).
    expect(await decideRollover(await actor(w.countyAdminA), decide(w.crossCounty.id), db, NOW(w))).toMatchObject({ error: 'notFound' });
    expect(await decideRollover(await actor(w.cityAdmin), decide(w.crossCounty.id), db, NOW(w))).toMatchObject({ ok: true });
    expect(await getRolloverAdvice(await actor(w.directorA), (await getCycle(w.cycle.id, db))!, [w.pairing], db, NOW(w))).toEqual(
      new Map(),
    );
  });
});

describe('roll-up and cycle summaries', () => {
  async function measured(w: World) {
    const rec = async (kind: 'BASELINE' | 'END', on: string, result: string, qualified: string) => {
      expect(
        await recordMeasurement(
          await actor(w.directorA),
          { pairingId: w.pairing.id, kind, measuredOn: on, qualifiedTeachers: qualified, ...area(result) },
          db,
          NOW(w),
        ),
      ).toMatchObject({ ok: true });
      const m = await db.cycleMeasurement.findFirstOrThrow({ where: { pairingId: w.pairing.id, kind } });
      expect(await confirmMeasurement(await actor(w.directorA2), { id: m.id, version: String(m.version) }, db)).toMatchObject({ ok: true });
    };
    await rec('BASELINE', `${w.Y}-09-20`, 'PARTLY', '4');
    await rec('END', `${w.Y + 2}-06-20`, 'MEETS', '9');
  }

  it("rolls up only pairings with both measurements confirmed, in the assisted kindergarten's county", async () => {
    const w = await world();
    await measured(w);
    // An unconfirmed end elsewhere does not count.
    await recordMeasurement(
      await actor(w.directorB),
      { pairingId: w.pairingB.id, kind: 'BASELINE', measuredOn: `${w.Y}-09-20`, ...area('FAILS') },
      db,
      NOW(w),
    );
    const city = (await getCycleRollup(await actor(w.cityAdmin), w.cycle.id, w.countyA.id, db))!;
    const a = city.rows.find((x) => x.countyId === w.countyA.id)!;
    expect(a.before).toMatchObject({ n: 1, meets: 0, applicable: 4 });
    expect(a.after).toMatchObject({ n: 1, meets: 4, applicable: 4 });
    expect(city.rows.find((x) => x.countyId === w.countyB.id)!.before).toBeNull();
    expect(city.chosen?.id).toBe(w.countyA.id);
    expect(city.pairings.map((p) => p.id).sort()).toEqual([w.pairing.id, w.pairingA4.id].sort());
    // A county admin reads their own county whatever they ask for; directors and teachers have no roll-up.
    const b = (await getCycleRollup(await actor(w.countyAdminB), w.cycle.id, w.countyA.id, db))!;
    expect(b.counties.map((c) => c.id)).toEqual([w.countyB.id]);
    expect(b.rows.map((r) => r.countyId)).toEqual([w.countyB.id, null]);
    expect(b.pairings.map((p) => p.id).sort()).toEqual([w.pairingB.id, w.crossCounty.id].sort());
    expect(b.rows.find((r) => r.countyId === null)!.totals.pairings).toBe(2);
    expect(await getCycleRollup(await actor(w.directorA), w.cycle.id, undefined, db)).toBeNull();
    expect(await getCycleRollup(await actor(w.teacherA), w.cycle.id, undefined, db)).toBeNull();
  });

  it('are written and published by their own office, read in their scope once published', async () => {
    const w = await world();
    await records(w);
    await measured(w);
    const round = await db.commendationRound.create({
      data: {
        cycleId: w.cycle.id,
        title: '表彰',
        status: 'PUBLISHED',
        publishedAt: new Date(),
        createdById: w.cityAdmin.id,
        categories: {
          create: {
            kind: 'PAIRING',
            name: '优秀结对',
            quotaPerCounty: 1,
            nominations: {
              create: { countyId: w.countyA.id, pairingId: w.pairing.id, status: 'APPROVED', nominatedById: w.countyAdminA.id },
            },
          },
        },
      },
    });
    expect(round.id).toBeTruthy();
    const A = w.countyA.id;
    const body = { cycleId: w.cycle.id, scope: A, body: '两年来结对帮扶成效明显。' };
    expect(await saveSummary(await actor(w.countyAdminB), body, db)).toMatchObject({ error: 'notFound' });
    expect(await saveSummary(await actor(w.directorA), body, db)).toMatchObject({ error: 'notFound' });
    // The city reads a county's draft but the text is the county's own.
    expect(await saveSummary(await actor(w.cityAdmin), body, db)).toMatchObject({ error: 'notAllowed' });
    expect(
      await publishSummary(await actor(w.countyAdminA), { cycleId: w.cycle.id, scope: A, version: '1', confirm: 'on' }, db),
    ).toMatchObject({
      error: 'wrongState',
    });
    expect(await saveSummary(await actor(w.countyAdminA), body, db, NOW(w))).toMatchObject({ ok: true });

    const draft = (await getSummary(await actor(w.countyAdminA), w.cycle.id, A, db, NOW(w)))!;
    expect(draft.canEdit).toBe(true);
    expect(draft.content.totals).toMatchObject({ pairings: 2, done: 3, hours: 3.5, donationValue: 500, mentoringSessions: 3 });
    expect(draft.content.commendations).toEqual([{ category: '优秀结对', name: expect.stringContaining('—') }]);
    expect(draft.content.examples.map((e) => e.title)).toEqual(['示范课']);
    expect(draft.content.after).toMatchObject({ n: 1, meets: 4 });
    for (const u of [w.cityAdmin]) expect(await getSummary(await actor(u), w.cycle.id, A, db), u.name).not.toBeNull();
    for (const u of [w.countyAdminB, w.directorA, w.teacherA])
      expect(await getSummary(await actor(u), w.cycle.id, A, db), u.name).toBeNull();

    const row = await db.cycleSummary.findUniqueOrThrow({ where: { cycleId_scopeKey: { cycleId: w.cycle.id, scopeKey: A } } });
    expect(
      await publishSummary(await actor(w.countyAdminA), { cycleId: w.cycle.id, scope: A, version: String(row.version) }, db),
    ).toMatchObject({
      error: 'invalid',
    });
    expect(
      await publishSummary(
        await actor(w.countyAdminA),
        { cycleId: w.cycle.id, scope: A, version: String(row.version), confirm: 'on' },
        db,
        NOW(w),
      ),
    ).toMatchObject({ ok: true });
    const published = await db.cycleSummary.findUniqueOrThrow({ where: { id: row.id } });
    expect(published.publishedAt).not.toBeNull();
    expect((published.generated as SummaryContent).totals.done).toBe(3);
    expect(await saveSummary(await actor(w.countyAdminA), { ...body, version: String(published.version) }, db)).toMatchObject({
      error: 'wrongState',
    });
    expect(
      await db.auditEntry.count({ where: { entityId: row.id, action: { in: ['cycleSummary.created', 'cycleSummary.published'] } } }),
    ).toBe(2);

    // Published: everyone of county A reads it (the stored figures, not recomputed); county B does not.
    await createActivity(db, {
      pairingId: w.pairing.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      classHours: 9,
    });
    for (const u of [w.directorA, w.teacherA, w.directorA2]) {
      const s = await getSummary(await actor(u), w.cycle.id, A, db);
      expect(s?.content.totals.done, u.name).toBe(3);
      expect(s?.canEdit).toBe(false);
    }
    for (const u of [w.countyAdminB, w.directorB, w.teacherB])
      expect(await getSummary(await actor(u), w.cycle.id, A, db), u.name).toBeNull();
    expect((await listSummaries(await actor(w.teacherA), db)).get(w.cycle.id)).toEqual([
      expect.objectContaining({ scope: A, status: 'published' }),
    ]);
    expect((await listSummaries(await actor(w.teacherB), db)).get(w.cycle.id)).toEqual([]);
    expect((await listSummaries(await actor(w.countyAdminB), db)).get(w.cycle.id)).toEqual([
      expect.objectContaining({ scope: w.countyB.id, status: 'none' }),
    ]);
  });

  it('print as a PDF for those who may read them, and answer 404 to the others', async () => {
    const w = await world();
    await saveSummary(await actor(w.countyAdminA), { cycleId: w.cycle.id, scope: w.countyA.id, body: '草稿' }, db);
    const { GET } = await import('@/app/api/cycle-summaries/[cycleId]/[scope]/route');
    const get = async (u: { id: string }) => {
      signedIn.user = { ...(await actor(u)), mustChangePassword: false };
      return GET(new NextRequest(`http://localhost/api/cycle-summaries/${w.cycle.id}/${w.countyA.id}`), {
        params: Promise.resolve({ cycleId: w.cycle.id, scope: w.countyA.id }),
      });
    };
    const ok = await get(w.countyAdminA);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await get(w.countyAdminB)).status).toBe(404);
    // A draft is not the county's people's to read yet.
    expect((await get(w.directorA)).status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorId: w.directorA.id, entityType: 'CycleSummary' } })).toBe(1);
  });
});
