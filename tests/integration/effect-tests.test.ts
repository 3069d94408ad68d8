import { afterEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { cancelActivity, confirmActivity, saveActivity } from '@/lib/activities/commands';
import type { ActorWithName } from '@/lib/authz';
import { addProgrammeRecord, saveProgramme } from '@/lib/programmes/commands';
import { confirmPaper, createPaper } from '@/lib/papers/commands';
import { evaluateLesson, saveLesson } from '@/lib/lessons/commands';
import { reviewAnnualPlan, saveAnnualPlan } from '@/lib/annual-plans/commands';
import { evaluatePairings, periodOf } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { countedRecords } from '@/lib/effect-tests/queries';
import { recordAssessment, setThresholds } from '@/lib/effect-tests/commands';
import { activityTrend, loadDashboard } from '@/lib/effect-tests/dashboard';
import { streamEffectTestsExport } from '@/lib/effect-tests/export';
import { receivedInSemester } from '@/lib/effect-tests/home-queries';
import ExcelJS from 'exceljs';
import { TYPE_RULES } from '@/lib/activities/rules';
import { actorFor, createUser } from '../fixtures/factories';
import { createPairingWorld } from '../fixtures/activity-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));

const LOGGED = new Date('2026-02-05T04:00:00Z');
/** Judged after the autumn 2025 semester ended (31 Jan 2026), within the academic year. */
const AFTER_AUTUMN = new Date('2026-02-10T04:00:00Z');
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};
const full = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };

async function log(
  actor: ActorWithName,
  pairingId: string,
  type: keyof typeof TYPE_RULES,
  date: string,
  time = '09:00',
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
        startTime: time,
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

async function period() {
  const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
  return periodOf(cycle, 2025, 'AUTUMN')!;
}

async function version(id: string) {
  return (await db.activity.findUniqueOrThrow({ where: { id } })).version;
}

/** An autumn semester of pairing A, logged by the supporting director and confirmed by the assisted one. */
async function semester() {
  const w = await createPairingWorld(db);
  const sup = await actorFor(db, w.directorA);
  const ass = await actorFor(db, w.directorA2);
  const p = w.pairingA.id;
  const ids: Record<string, string> = {};
  // S1: a visit every month Sep–Jan; October's at 23:30 local on 31 October.
  for (const d of ['2025-09-15', '2025-11-12', '2025-12-10', '2026-01-14']) ids[`obs-${d}`] = await log(sup, p, 'DAILY_OBSERVATION', d);
  ids.octLate = await log(sup, p, 'DAILY_OBSERVATION', '2025-10-31', '23:30');
  // S2: 4 × 2 h sent teaching; one more cancelled, one disputed, one outside the semester.
  for (const d of ['2025-09-20', '2025-10-20', '2025-11-20', '2025-12-20']) ids[`sent-${d}`] = await log(sup, p, 'SENT_DEMONSTRATION', d);
  ids.cancelled = await log(sup, p, 'SENT_LECTURE', '2025-12-22', '09:00', { status: 'PLANNED' });
  expect(await cancelActivity(sup, { id: ids.cancelled, version: await version(ids.cancelled), reason: '下雪' }, db)).toMatchObject({
    ok: true,
  });
  ids.disputed = await log(sup, p, 'SENT_RESEARCH', '2025-12-23');
  ids.outside = await log(sup, p, 'SENT_RESEARCH', '2026-02-03');
  // S4: two special lectures; S3: one follow-up stay.
  ids.lecture1 = await log(sup, p, 'SPECIAL_LECTURE', '2025-10-08');
  ids.lecture2 = await log(sup, p, 'SPECIAL_LECTURE', '2025-11-08');
  ids.stay = await log(ass, p, 'FOLLOW_UP_STUDY', '2025-11-03');
  // The assisted director confirms what the supporting side logged, except one sent lesson and the disputed one.
  for (const [k, id] of Object.entries(ids)) {
    if (['cancelled', 'stay', 'outside', 'sent-2025-12-20'].includes(k)) continue;
    const decision = k === 'disputed' ? 'DISPUTED' : 'CONFIRMED';
    expect(
      await confirmActivity(
        ass,
        { id, version: await version(id), decision, comment: decision === 'DISPUTED' ? '未到场' : '' },
        db,
        LOGGED,
      ),
    ).toMatchObject({ ok: true });
  }
  expect(await confirmActivity(sup, { id: ids.stay, version: await version(ids.stay), decision: 'CONFIRMED' }, db, LOGGED)).toMatchObject({
    ok: true,
  });
  return { w, sup, ass, ids };
}

afterEach(async () => {
  await db.citySetting.updateMany({ data: { effectConfirmedOnly: false } });
  await db.effectTestThresholds.deleteMany({ where: { effectiveFrom: { gte: new Date('2026-02-01T00:00:00Z') } } });
});

describe('effect tests computed from the record', () => {
  it('judges a logged semester: boundaries, cancelled, disputed and out-of-period records, unconfirmed marked', async () => {
    const { w, ids } = await semester();
    const admin = await actorFor(db, w.countyAdminA);
    const ev = await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db);
    const r = ev.pairings[0].results;
    expect(r.S1).toMatchObject({ status: 'MET', figure: { visited: 5, required: 5 } });
    expect(r.S1.figure.kind === 'months' && r.S1.figure.months.find((m) => m.month === '2025-10')?.visited).toBe(true);
    expect(r.S2).toMatchObject({ status: 'MISSED', figure: { kind: 'hours', have: 8, need: 10, unconfirmed: 1 } });
    expect(r.S3).toMatchObject({ status: 'MET', figure: { have: 1, need: 1 } });
    expect(r.S4).toMatchObject({ status: 'MET', figure: { have: 2, need: 2, unconfirmed: 0 } });
    // No annual plan submitted yet.
    expect(r.S5).toMatchObject({ status: 'MISSED', figure: { planSubmitted: false } });

    const counted = await countedRecords(admin, w.pairingA.id, 'S2', await period(), db);
    expect(counted!.records.map((x) => x.id).sort()).toEqual(
      ['sent-2025-09-20', 'sent-2025-10-20', 'sent-2025-11-20', 'sent-2025-12-20'].map((k) => ids[k]).sort(),
    );
    expect(counted!.records.find((x) => x.id === ids['sent-2025-12-20'])?.unconfirmed).toBe(true);
    const oct = await countedRecords(admin, w.pairingA.id, 'S1', await period(), db);
    expect(oct!.records.map((x) => x.id)).toContain(ids.octLate);
  });

  it('counts only confirmed activities when the city says so', async () => {
    const { w } = await semester();
    await db.citySetting.upsert({
      where: { cityId: w.city.id },
      create: { cityId: w.city.id, effectConfirmedOnly: true },
      update: { effectConfirmedOnly: true },
    });
    await db.citySetting.updateMany({ data: { effectConfirmedOnly: true } });
    const ev = await evaluatePairings(
      await actorFor(db, w.cityAdmin),
      { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN },
      db,
    );
    expect(ev.confirmedOnly).toBe(true);
    expect(ev.pairings[0].results.S2.figure).toMatchObject({ have: 6, unconfirmed: 0 });
  });

  it('a threshold change for a future period leaves the past period alone', async () => {
    const { w } = await semester();
    const admin = await actorFor(db, w.cityAdmin);
    await db.effectTestThresholds.create({
      data: {
        effectiveFrom: new Date('2026-09-01T00:00:00Z'),
        classHours: 6,
        shadowStudies: 1,
        lectures: 2,
        excellentRate: 0.3,
        passRate: 1,
        papers: 1,
        createdById: admin.id,
      },
    });
    const past = await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db);
    expect(past.pairings[0].results.S2).toMatchObject({ status: 'MISSED', figure: { need: 10 } });
    await db.effectTestThresholds.create({
      data: {
        effectiveFrom: new Date('2026-02-01T00:00:00Z'),
        classHours: 6,
        shadowStudies: 1,
        lectures: 2,
        excellentRate: 0.3,
        passRate: 1,
        papers: 1,
        createdById: admin.id,
      },
    });
    const cycle = (await listCycles(db)).find((c) => c.startYear === 2025)!;
    const spring = await evaluatePairings(
      admin,
      { pairingIds: [w.pairingA.id], period: periodOf(cycle, 2025, 'SPRING')!, today: AFTER_AUTUMN },
      db,
    );
    expect(spring.pairings[0].results.S2.figure).toMatchObject({ need: 6 });
    const again = await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db);
    expect(again.pairings[0].results.S2.figure).toMatchObject({ need: 10 });
  });

  it('pro-rates the targets of a pairing that ended mid-semester', async () => {
    const { w } = await semester();
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: new Date('2025-11-15T00:00:00Z'), endReason: '调整' } });
    const ev = await evaluatePairings(
      await actorFor(db, w.cityAdmin),
      { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN },
      db,
    );
    const r = ev.pairings[0].results;
    // 76 of 153 days → 5 h (rounded up to the half hour); the hours sent after 15 Nov do not count.
    expect(r.S2.window).toEqual({ from: '2025-09-01', to: '2025-11-15' });
    expect(r.S2.figure).toMatchObject({ have: 4, need: 5 });
    expect(r.S2.status).toBe('MISSED');
    expect(r.S4.figure).toMatchObject({ need: 1, have: 2 });
    // November's 15 days are enough to owe a visit (MIN_DAYS_FOR_A_MONTH); December and January are not owed.
    expect(r.S1).toMatchObject({ status: 'MET', figure: { required: 3, visited: 3 } });
  });

  it('A2 per teacher, A3–A6 from programmes and papers, scope respected', async () => {
    const { w } = await semester();
    const ass = await actorFor(db, w.directorA2);
    const t1 = await actorFor(db, w.teacherA2);
    const t2 = await actorFor(db, w.teacherA2b);
    // teacherA2: an earlier fail then an excellent lesson (latest counts); teacherA2b: not evaluated.
    for (const [t, heldOn, rating] of [
      [t1, '2025-10-10', 'FAIL'],
      [t1, '2025-12-10', 'EXCELLENT'],
    ] as const) {
      const id = idOf(await saveLesson(t, { heldOn, className: '大一班', domain: 'ART', title: '画秋天', plan: 'p', reflection: 'r' }, db));
      expect(await evaluateLesson(ass, { id, version: 1, rating, comment: '' }, db, LOGGED)).toMatchObject({ ok: true });
    }
    await saveLesson(t2, { heldOn: '2025-11-10', className: '中一班', domain: 'ART', title: '未评', plan: 'p', reflection: 'r' }, db);
    const prog = idOf(
      await saveProgramme(
        ass,
        { pairingId: w.pairingA.id, kind: 'RESEARCH', academicYear: 2025, title: '游戏化研究', plan: '计划', results: '成果' },
        db,
      ),
    );
    idOf(await addProgrammeRecord(ass, { programmeId: prog, heldOn: '2025-10-20', title: '第一次研讨' }, db));
    const paper = idOf(
      await createPaper(
        t1,
        { title: '论文', venue: '市教育学会', kind: 'AWARD', level: 'MUNICIPAL', award: '一等奖', date: '2025-12-01' },
        db,
      ),
    );
    const countyPaper = idOf(
      await createPaper(t1, { title: '县级论文', venue: '县教研室', kind: 'AWARD', level: 'COUNTY', date: '2025-12-02' }, db),
    );
    expect(countyPaper).toBeTruthy();
    const admin = await actorFor(db, w.countyAdminA);
    let r = (await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db)).pairings[0]
      .results;
    // Two active teachers of kgA2, one excellent, one not evaluated: 50 % excellent, 50 % pass.
    expect(r.A2.figure).toMatchObject({ kind: 'rates', excellentRate: 0.5, passRate: 0.5, teachers: 2, notEvaluated: 1 });
    expect(r.A2.status).toBe('ON_TRACK');
    expect(r.A3).toMatchObject({ status: 'MET', figure: { records: 1 } });
    expect(r.A4.status).toBe('AT_RISK'); // no parent-work plan with half the year gone
    expect(r.A6).toMatchObject({ status: 'AT_RISK', figure: { have: 0, unconfirmed: 1 } }); // the municipal award is not confirmed yet; the county one never counts
    expect(await confirmPaper(ass, { id: paper, version: 1 }, db, LOGGED)).toMatchObject({ ok: true });
    expect(r.A1).toMatchObject({ status: 'AT_RISK', figure: { kind: 'none' } });
    await db.assessment.create({
      data: {
        pairingId: w.pairingA.id,
        source: 'INSPECTION',
        outcome: 'PASS',
        assessedOn: new Date('2025-12-05T00:00:00Z'),
        createdById: admin.id,
      },
    });
    r = (await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db)).pairings[0]
      .results;
    expect(r.A6).toMatchObject({ status: 'MET', figure: { have: 1 } });
    expect(r.A1).toMatchObject({ status: 'MET', figure: { kind: 'assessment', outcome: 'PASS', source: 'INSPECTION' } });

    // Nothing outside the scope: the other county's admin and an unrelated director see no pairing A.
    for (const u of [w.countyAdminB, w.directorB]) {
      const ev = await evaluatePairings(
        await actorFor(db, u),
        { pairingIds: [w.pairingA.id, w.pairingB.id], period: await period(), today: AFTER_AUTUMN },
        db,
      );
      expect(ev.pairings.map((p) => p.id)).not.toContain(w.pairingA.id);
    }
    expect(await countedRecords(await actorFor(db, w.countyAdminB), w.pairingA.id, 'S2', await period(), db)).toBeNull();
    // A teacher who left does not count.
    const leaver = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA2.id, name: '调走老师' });
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    r = (await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db)).pairings[0]
      .results;
    expect(r.A2.figure).toMatchObject({ teachers: 2 });

    // The per-teacher rollup follows a changed rating (trigger) ...
    await db.lessonRecord.updateMany({ where: { teacherId: t1.id, rating: 'EXCELLENT' }, data: { rating: 'PASS' } });
    r = (await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db)).pairings[0]
      .results;
    expect(r.A2.figure).toMatchObject({ excellentRate: 0, passRate: 0.5 });
    // ... and a pairing that ended early is judged on the lessons of its own window: the October fail.
    await db.pairing.update({ where: { id: w.pairingA.id }, data: { endsOn: new Date('2025-11-01T00:00:00Z') } });
    r = (await evaluatePairings(admin, { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN }, db)).pairings[0]
      .results;
    expect(r.A2.figure).toMatchObject({ excellentRate: 0, passRate: 0, notEvaluated: 1 });
  });

  it('a submitted plan and complete records meet S5', async () => {
    const { w, sup } = await semester();
    const parts = { content: '内容', goals: '目标', methods: '方法', steps: '步骤', personnel: '人员', measures: '措施' };
    expect(await saveAnnualPlan(sup, { pairingId: w.pairingA.id, academicYear: 2025, ...parts, submit: 'plan' }, db, LOGGED)).toMatchObject(
      { ok: true },
    );
    const r = (
      await evaluatePairings(
        await actorFor(db, w.cityAdmin),
        { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN },
        db,
      )
    ).pairings[0].results;
    expect(r.S5).toMatchObject({ status: 'MET', figure: { planSubmitted: true } });
    // Issue 10: a plan the bureau returned no longer counts until it is resubmitted; a filed one counts.
    const s5 = async () =>
      (
        await evaluatePairings(
          await actorFor(db, w.cityAdmin),
          { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN },
          db,
        )
      ).pairings[0].results.S5;
    const plan = await db.annualPlan.findFirstOrThrow({ where: { pairingId: w.pairingA.id, academicYear: 2025 } });
    const review = async (decision: string, version: number) =>
      reviewAnnualPlan(await actorFor(db, w.countyAdminA), { planId: plan.id, version, kind: 'PLAN', decision, comment: '补充' }, db);
    expect(await review('return', plan.version)).toMatchObject({ ok: true });
    expect(await s5()).toMatchObject({ figure: { planSubmitted: false } });
    expect(
      await saveAnnualPlan(
        sup,
        { pairingId: w.pairingA.id, academicYear: 2025, ...parts, version: plan.version + 1, submit: 'plan' },
        db,
        LOGGED,
      ),
    ).toMatchObject({ ok: true });
    expect(await review('file', plan.version + 2)).toMatchObject({ ok: true });
    expect(await s5()).toMatchObject({ status: 'MET', figure: { planSubmitted: true } });
  });

  it('A1 assessments: admins inspect, the assisted director attests with evidence, audited; others may not', async () => {
    const { w } = await semester();
    const base = { pairingId: w.pairingA.id, outcome: 'PASS', assessedOn: '2025-12-01', notes: '师资配齐' };
    expect(
      await recordAssessment(await actorFor(db, w.directorA2), { ...base, source: 'ATTESTATION', evidence: '' }, db, AFTER_AUTUMN),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { evidence: ['effectTests.assessment.evidenceRequired'] } });
    expect(
      await recordAssessment(await actorFor(db, w.directorA), { ...base, source: 'ATTESTATION', evidence: '名册' }, db, AFTER_AUTUMN),
    ).toEqual({ ok: false, error: 'notAllowed' });
    expect(await recordAssessment(await actorFor(db, w.directorA2), { ...base, source: 'INSPECTION' }, db, AFTER_AUTUMN)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await recordAssessment(await actorFor(db, w.countyAdminB), { ...base, source: 'INSPECTION' }, db, AFTER_AUTUMN)).toEqual({
      ok: false,
      error: 'notFound',
    });
    const r = await recordAssessment(
      await actorFor(db, w.countyAdminA),
      { ...base, source: 'INSPECTION', outcome: 'FAIL', notes: '有小学化倾向' },
      db,
      AFTER_AUTUMN,
    );
    expect(r).toMatchObject({ ok: true });
    const audit = await db.auditEntry.findFirst({ where: { entityType: 'Assessment', entityId: r.ok ? r.value.id : '' } });
    expect(audit).toMatchObject({ action: 'assessment.recorded', countyId: w.countyA.id });
    const ev = await evaluatePairings(
      await actorFor(db, w.cityAdmin),
      { pairingIds: [w.pairingA.id], period: await period(), today: AFTER_AUTUMN },
      db,
    );
    expect(ev.pairings[0].results.A1).toMatchObject({ status: 'MISSED', figure: { outcome: 'FAIL', source: 'INSPECTION' } });
  });

  it('thresholds can only be set for the future, by the city', async () => {
    const { w } = await semester();
    const values = { classHours: '8', shadowStudies: '1', lectures: '2', excellentRate: '30', passRate: '100', papers: '1' };
    expect(await setThresholds(await actorFor(db, w.countyAdminA), { ...values, effectiveFrom: '2026-09-01' }, db, AFTER_AUTUMN)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await setThresholds(await actorFor(db, w.cityAdmin), { ...values, effectiveFrom: '2025-09-01' }, db, AFTER_AUTUMN)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { effectiveFrom: ['effectTests.settings.mustBeFuture'] },
    });
    expect(
      await setThresholds(await actorFor(db, w.cityAdmin), { ...values, effectiveFrom: '2026-09-01' }, db, AFTER_AUTUMN),
    ).toMatchObject({ ok: true });
    const row = await db.effectTestThresholds.findUniqueOrThrow({ where: { effectiveFrom: new Date('2026-09-01T00:00:00Z') } });
    expect(Number(row.classHours)).toBe(8);
    expect(Number(row.excellentRate)).toBeCloseTo(0.3);
  });

  it('the dashboard, its chart and its export hold only pairings in scope', async () => {
    const { w } = await semester();
    const key = `${(await period()).cycleId}:2025-AUTUMN`;
    const b = await actorFor(db, w.countyAdminB);
    const a = await actorFor(db, w.countyAdminA);
    const dataB = await loadDashboard(b, { period: key }, db, AFTER_AUTUMN);
    expect(dataB.rows.map((p) => p.id)).toContain(w.pairingB.id);
    expect(dataB.rows.map((p) => p.id)).not.toContain(w.pairingA.id);
    expect(dataB.counties).toEqual([]); // only the city chooses a county
    const trendB = await activityTrend(
      dataB.evaluation!,
      dataB.rows.map((p) => p.id),
      db,
    );
    const trendOnlyB = await activityTrend(dataB.evaluation!, [w.pairingB.id], db);
    expect(trendB.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(trendOnlyB.reduce((s, r) => s + r.n, 0));
    const dataA = await loadDashboard(a, { period: key, q: w.kgA2.name }, db, AFTER_AUTUMN);
    expect(dataA.rows.map((p) => p.id)).toEqual([w.pairingA.id]);
    const trendA = await activityTrend(dataA.evaluation!, [w.pairingA.id], db);
    // 5 visits, 4 sent lessons + the disputed one excluded, 2 lectures, 1 stay: months Sep–Jan.
    expect(trendA.filter((r) => r.category === 'SEND').reduce((s, r) => s + r.n, 0)).toBe(4);
    const t = (k: string, v?: Record<string, unknown>) => (v ? `${k}:${JSON.stringify(v)}` : k);
    const countyNames = new Map([[w.countyA.id, '甲县']]);
    const file = streamEffectTestsExport(
      dataA,
      t as never,
      { number: (n: number) => String(n) },
      {
        filters: { period: key, q: w.kgA2.name },
        countyNames,
        madeOn: '2026-02-10',
      },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await new Response(file).arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (h: string) => sheet.getRow(2).getCell(header.indexOf(h)).value;
    expect(cell('assisted')).toBe(w.kgA2.name);
    expect(cell('exportSheet.county')).toBe('甲县');
    // Figures are numbers in their own columns (they sort and sum), not "4 / 10 课时".
    const s2 = `S2 testName.S2 · `;
    const have = dataA.rows[0].results.S2.figure as { have: number; need: number };
    expect(cell(`${s2}exportSheet.value`)).toBe(have.have);
    expect(cell(`${s2}exportSheet.target`)).toBe(have.need);
    expect(typeof cell(`${s2}exportSheet.value`)).toBe('number');
    for (const id of ['S1', 'S3', 'S4']) expect(typeof cell(`${id} testName.${id} · exportSheet.value`)).toBe('number');
    // A rate is a fraction under a percent format, so it reads as 40 % and still computes.
    const a2 = header.indexOf('A2 testName.A2 · exportSheet.value');
    if (typeof sheet.getRow(2).getCell(a2).value === 'number') expect(sheet.getColumn(a2).numFmt).toBe('0%');
    // The second sheet states how the file was made.
    const filters = Object.fromEntries(
      wb.worksheets[1].getSheetValues().flatMap((r) => (Array.isArray(r) ? [[String(r[1]), String(r[2])]] : [])),
    );
    expect(filters).toMatchObject({
      county: '甲县', // a county admin's scope, named
      search: w.kgA2.name,
      test: 'allTests',
      status: 'anyStatus',
      'exportSheet.rows': '1',
      'exportSheet.madeOn': '2026-02-10',
    });
    expect(filters.period).toContain('semesterLabel');
    // A status filter keeps only rows with that status on that test.
    const missedS2 = await loadDashboard(a, { period: key, test: 'S2', status: 'MISSED', q: w.kgA2.name }, db, AFTER_AUTUMN);
    expect(missedS2.rows).toHaveLength(1);
    const metS2 = await loadDashboard(a, { period: key, test: 'S2', status: 'MET', q: w.kgA2.name }, db, AFTER_AUTUMN);
    expect(metS2.rows).toHaveLength(0);
  });
});

describe('the export route', () => {
  it('answers 404 to a role without the export, and the attempt is audited', async () => {
    const w = await createPairingWorld(db);
    const { GET } = await import('@/app/(app)/effect-tests/export/route');
    signedIn.user = await actorFor(db, w.teacherA);
    const res = await GET(new NextRequest('http://localhost/effect-tests/export?test=S1'));
    expect(res.status).toBe(404);
    const denied = await db.auditEntry.findMany({ where: { action: 'access.denied', actorId: w.teacherA.id } });
    expect(denied).toMatchObject([{ entityType: 'Page', after: { path: '/effect-tests/export' } }]);
  });
});

describe("the assisted director's home card", () => {
  it('counts and values only what the assisted kindergarten received, not the donation it sent', async () => {
    const w = await createPairingWorld(db);
    const sup = await actorFor(db, w.directorA);
    const ass = await actorFor(db, w.directorA2);
    const p = w.pairingA.id;
    const lines = (estimatedValue: string) => ({ donationLines: [{ item: '图书', quantity: '10', unit: '册', estimatedValue }] });
    await log(sup, p, 'DONATION', '2025-10-10', '09:00', lines('300'));
    await log(ass, p, 'DONATION', '2025-11-10', '09:00', { direction: 'TO_SUPPORTING', ...lines('1000') });
    await log(sup, p, 'SENT_LECTURE', '2025-10-20');
    const evaluated = async (u: ActorWithName) => evaluatePairings(u, { pairingIds: [p], period: await period(), today: AFTER_AUTUMN }, db);
    expect(await receivedInSemester(ass, await evaluated(ass), db)).toEqual({
      activities: 2,
      hours: { have: 2, need: 10 },
      donations: 1,
      value: 300,
    });
    // The supporting side received nothing as the assisted one: no card.
    expect(await receivedInSemester(sup, await evaluated(sup), db)).toBeNull();
  });

  it("shows S2's class hours: a disputed record and a special lecture make the card and S2 disagree in nothing", async () => {
    const w = await createPairingWorld(db);
    const sup = await actorFor(db, w.directorA);
    const ass = await actorFor(db, w.directorA2);
    const p = w.pairingA.id;
    await log(sup, p, 'SENT_LECTURE', '2025-10-20');
    const disputed = await log(sup, p, 'SENT_DEMONSTRATION', '2025-11-05');
    await confirmActivity(ass, { id: disputed, version: await version(disputed), decision: 'DISPUTED', comment: '那天没有来' }, db, LOGGED);
    await log(sup, p, 'SPECIAL_LECTURE', '2025-11-12', '09:00', { classHours: '3' });
    const ev = await evaluatePairings(ass, { pairingIds: [p], period: await period(), today: AFTER_AUTUMN }, db);
    const s2 = ev.pairings[0].results.S2.figure;
    expect(s2).toMatchObject({ kind: 'hours', have: 2, need: 10 });
    const card = await receivedInSemester(ass, ev, db);
    expect(card?.hours).toEqual({ have: s2.kind === 'hours' && s2.have, need: s2.kind === 'hours' && s2.need });
    // The sent lecture and the special lecture; the disputed demonstration never counts.
    expect(card?.activities).toBe(2);
  });
});
