import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { addProgrammeRecord, saveProgramme } from '@/lib/programmes/commands';
import { confirmPaper, createPaper, updatePaper } from '@/lib/papers/commands';
import { createMentorPair, logMentorSession, updateMentorPair } from '@/lib/mentoring/commands';
import { evaluateLesson, saveLesson } from '@/lib/lessons/commands';
import { saveAnnualPlan } from '@/lib/annual-plans/commands';
import { getLesson, listLessons } from '@/lib/lessons/queries';
import { getMentorPair } from '@/lib/mentoring/queries';
import { listPapers } from '@/lib/papers/queries';
import { listProgrammes } from '@/lib/programmes/queries';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { canViewFile } from '@/lib/evidence/commands';
import { cityTimeZone } from '@/lib/time/city-zone';

/** The actor as the session would give it: scope from the account row. */
type User = { id: string; name: string };
const actor = (u: User) => actorFor(db, u);
const lesson = {
  heldOn: '2026-03-04',
  className: '大二班',
  domain: 'SCIENCE',
  title: '沉与浮',
  plan: '观察与记录',
  reflection: '幼儿兴趣浓厚',
};
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

async function withMentor() {
  const w = await createPairingWorld(db);
  // teacherA (supporting side) mentors teacherA2 (assisted side).
  const pairId = idOf(
    await createMentorPair(
      await actor(w.directorA),
      {
        pairingId: w.pairingA.id,
        mentorId: w.teacherA.id,
        apprenticeId: w.teacherA2.id,
        goals: '一学年内上好一节公开课',
        startsOn: '2025-09-01',
      },
      db,
    ),
  );
  return { ...w, pairId };
}

describe('lesson records and their evaluation', () => {
  it("are rated by a director of the teacher's kindergarten or by the teacher's mentor, by nobody else", async () => {
    const w = await withMentor();
    const id = idOf(await saveLesson(await actor(w.teacherA2), lesson, db));
    const rate = (rating: string, version: number) => ({ id, version, rating, comment: '目标清楚' });
    expect(await evaluateLesson(await actor(w.teacherA2), rate('EXCELLENT', 1), db)).toEqual({ ok: false, error: 'notAllowed' }); // themself
    expect(await evaluateLesson(await actor(w.teacherA2b), rate('GOOD', 1), db)).toEqual({ ok: false, error: 'notFound' }); // a colleague
    expect(await evaluateLesson(await actor(w.teacherB), rate('GOOD', 1), db)).toEqual({ ok: false, error: 'notFound' }); // unrelated
    expect(await evaluateLesson(await actor(w.directorA), rate('GOOD', 1), db)).toEqual({ ok: false, error: 'notFound' }); // other side's director
    expect(await evaluateLesson(await actor(w.countyAdminA), rate('GOOD', 1), db)).toEqual({ ok: false, error: 'notAllowed' }); // admins read
    expect(await evaluateLesson(await actor(w.teacherA), rate('GOOD', 1), db)).toMatchObject({ ok: true }); // the mentor
    expect(await evaluateLesson(await actor(w.directorA2), rate('EXCELLENT', 2), db)).toMatchObject({ ok: true }); // the director
    const row = await db.lessonRecord.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      rating: 'EXCELLENT',
      evaluatedById: w.directorA2.id,
      kindergartenId: w.kgA2.id,
      teacherId: w.teacherA2.id,
    });
    const trail = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['lesson.created', 'lesson.evaluated', 'lesson.evaluated']);
    expect(trail[2].before).toMatchObject({ rating: 'GOOD' });
  });

  it('can be edited by the teacher until evaluated', async () => {
    const w = await createPairingWorld(db);
    const id = idOf(await saveLesson(await actor(w.teacherA2), lesson, db));
    expect(await saveLesson(await actor(w.directorA2), { ...lesson, id, version: 1, title: '改' }, db)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await saveLesson(await actor(w.teacherA2), { ...lesson, id, version: 1, title: '沉与浮（修改）' }, db)).toMatchObject({
      ok: true,
    });
    await evaluateLesson(await actor(w.directorA2), { id, version: 2, rating: 'PASS' }, db);
    expect(await saveLesson(await actor(w.teacherA2), { ...lesson, id, version: 3 }, db)).toEqual({ ok: false, error: 'wrongState' });
    expect(await getLesson(await actor(w.teacherA2), id, db)).toMatchObject({ canEdit: false, canEvaluate: false });
  });

  it('refuses a lesson without class, domain or a real date', async () => {
    const w = await createPairingWorld(db);
    const r = await saveLesson(await actor(w.teacherA2), { ...lesson, className: '', domain: 'MUSIC', heldOn: '2026-02-30x' }, db);
    expect(r).toMatchObject({ ok: false, error: 'invalid' });
    expect(Object.keys((r as { fieldErrors: object }).fieldErrors).sort()).toEqual(['className', 'domain', 'heldOn']);
  });

  it("lists: a teacher their own (and, as mentor, the apprentice's), a director their kindergarten's", async () => {
    const w = await withMentor();
    const mine = idOf(await saveLesson(await actor(w.teacherA2), lesson, db));
    const colleague = idOf(await saveLesson(await actor(w.teacherA2b), lesson, db));
    const elsewhere = idOf(await saveLesson(await actor(w.teacherB), lesson, db));
    const ids = async (u: User) =>
      (await listLessons(await actor(u), db))
        .map((l) => l.id)
        .filter((i) => [mine, colleague, elsewhere].includes(i))
        .sort();
    expect(await ids(w.teacherA2)).toEqual([mine]);
    expect(await ids(w.teacherA2b)).toEqual([colleague]);
    expect(await ids(w.teacherA)).toEqual([mine]);
    expect(await ids(w.directorA2)).toEqual([mine, colleague].sort());
    expect(await ids(w.directorA)).toEqual([]);
    expect(await ids(w.countyAdminA)).toEqual([mine, colleague].sort());
    expect(await ids(w.countyAdminB)).toEqual([elsewhere]);
    expect(await ids(w.cityAdmin)).toEqual([mine, colleague, elsewhere].sort());
    // Once the pair has ended, the former mentor no longer follows the apprentice's lessons.
    expect(await updateMentorPair(await actor(w.teacherA), { id: w.pairId, version: 1, goals: 'x', endsOn: '2026-01-31' }, db)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(
      await updateMentorPair(await actor(w.directorA2), { id: w.pairId, version: 1, goals: '已完成', endsOn: '2025-10-01' }, db),
    ).toMatchObject({ ok: true });
    expect(await ids(w.teacherA)).toEqual([]);
  });
});

describe('master–apprentice pairs', () => {
  it('pair a supporting-side master with an assisted-side apprentice, once', async () => {
    const w = await withMentor();
    const director = await actor(w.directorA2);
    expect(
      await createMentorPair(
        director,
        { pairingId: w.pairingA.id, mentorId: w.teacherA2.id, apprenticeId: w.teacherA.id, startsOn: '2025-09-01' },
        db,
      ),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { mentorId: ['teaching.errors.mentorNotSupporting'], apprenticeId: ['teaching.errors.apprenticeNotAssisted'] },
    });
    expect(
      await createMentorPair(
        director,
        { pairingId: w.pairingA.id, mentorId: w.teacherA.id, apprenticeId: w.teacherA2.id, startsOn: '2025-09-01' },
        db,
      ),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { apprenticeId: ['teaching.errors.pairExists'] } });
    expect(
      await createMentorPair(
        await actor(w.teacherA),
        { pairingId: w.pairingA.id, mentorId: w.teacherA.id, apprenticeId: w.teacherA2b.id, startsOn: '2025-09-01' },
        db,
      ),
    ).toEqual({ ok: false, error: 'notAllowed' });
    expect(
      await createMentorPair(
        await actor(w.directorB),
        { pairingId: w.pairingA.id, mentorId: w.teacherA.id, apprenticeId: w.teacherA2b.id, startsOn: '2025-09-01' },
        db,
      ),
    ).toEqual({ ok: false, error: 'notFound' });
  });

  it('keep a one-on-one file written by the two of them or a director', async () => {
    const w = await withMentor();
    const entry = { mentorPairId: w.pairId, heldOn: '2026-03-03', topic: '磨课：沉与浮', notes: '第二次试教' };
    expect(await logMentorSession(await actor(w.teacherA), entry, db)).toMatchObject({ ok: true });
    expect(await logMentorSession(await actor(w.teacherA2), entry, db)).toMatchObject({ ok: true });
    expect(await logMentorSession(await actor(w.directorA2), entry, db)).toMatchObject({ ok: true });
    expect(await logMentorSession(await actor(w.teacherA2b), entry, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await logMentorSession(await actor(w.teacherB), entry, db)).toEqual({ ok: false, error: 'notFound' });
    const file = await getMentorPair(await actor(w.teacherA2), w.pairId, db);
    expect(file?.sessions).toHaveLength(3);
    expect(await getMentorPair(await actor(w.directorB), w.pairId, db)).toBeNull();
  });
});

describe('papers and awards', () => {
  it('are entered by the teacher and confirmed by their director only', async () => {
    const w = await createPairingWorld(db);
    const paper = {
      title: '农村幼儿园区域活动材料投放的实践研究',
      venue: '江州市教育学会',
      kind: 'AWARD',
      level: 'MUNICIPAL',
      award: '二等奖',
      date: '2026-01-15',
    };
    const id = idOf(await createPaper(await actor(w.teacherA2), paper, db));
    expect(await createPaper(await actor(w.countyAdminA), paper, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await confirmPaper(await actor(w.teacherA2), { id, version: 1 }, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await confirmPaper(await actor(w.teacherA2b), { id, version: 1 }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await confirmPaper(await actor(w.directorA), { id, version: 1 }, db)).toEqual({ ok: false, error: 'notFound' });
    // The author corrects it before confirmation; nobody else can.
    expect(await updatePaper(await actor(w.directorA2), { ...paper, id, version: 1, award: '一等奖' }, db)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await updatePaper(await actor(w.teacherA2), { ...paper, id, version: 1, award: '一等奖' }, db)).toMatchObject({ ok: true });
    expect(await confirmPaper(await actor(w.directorA2), { id, version: 1 }, db)).toEqual({ ok: false, error: 'conflict' });
    expect(await confirmPaper(await actor(w.directorA2), { id, version: 2 }, db)).toMatchObject({ ok: true });
    expect(await confirmPaper(await actor(w.directorA2), { id, version: 3 }, db)).toEqual({ ok: false, error: 'wrongState' });
    expect(await updatePaper(await actor(w.teacherA2), { ...paper, id, version: 3 }, db)).toEqual({ ok: false, error: 'wrongState' });
    // A director's own paper needs another director.
    const own = idOf(await createPaper(await actor(w.directorA2), paper, db));
    expect(await confirmPaper(await actor(w.directorA2), { id: own, version: 1 }, db)).toEqual({ ok: false, error: 'notAllowed' });
    const ids = async (u: User) =>
      (await listPapers(await actor(u), db))
        .map((p) => p.id)
        .filter((i) => [id, own].includes(i))
        .sort();
    expect(await ids(w.teacherA2)).toEqual([id]);
    expect(await ids(w.teacherA2b)).toEqual([]);
    expect(await ids(w.directorA2)).toEqual([id, own].sort());
    expect(await ids(w.countyAdminB)).toEqual([]);
  });

  it('show their certificate to whoever sees the paper (the confirming director, the bureau)', async () => {
    const w = await createPairingWorld(db);
    const paper = { title: '证书测试', venue: '江州市教育局', kind: 'AWARD', level: 'MUNICIPAL', award: '一等奖', date: '2026-01-15' };
    const id = idOf(await createPaper(await actor(w.teacherA2), paper, db));
    await db.evidenceFile.create({
      data: {
        storageKey: `test/${id}`,
        originalName: '获奖证书.jpg',
        mimeType: 'image/jpeg',
        size: 10,
        sha256: 'x'.repeat(64),
        kind: 'PHOTO',
        uploadedById: w.teacherA2.id,
        kindergartenId: w.kgA2.id,
        paperId: id,
      },
    });
    for (const u of [w.directorA2, w.countyAdminA]) {
      const row = (await listPapers(await actor(u), db)).find((p) => p.id === id)!;
      expect(row.files.map((f) => f.name)).toEqual(['获奖证书.jpg']);
    }
  });
});

describe('programmes and the annual plan', () => {
  it('belong to the assisted kindergarten of the pairing; teachers add dated records', async () => {
    const w = await createPairingWorld(db);
    const input = {
      pairingId: w.pairingA.id,
      kind: 'RESEARCH',
      academicYear: '2025',
      title: '乡土材料在区域活动中的运用',
      plan: '每月一次教研',
    };
    expect(await saveProgramme(await actor(w.teacherA2), input, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveProgramme(await actor(w.directorB), input, db)).toEqual({ ok: false, error: 'notFound' });
    const id = idOf(await saveProgramme(await actor(w.directorA), input, db));
    expect(await db.programme.findUniqueOrThrow({ where: { id } })).toMatchObject({ kindergartenId: w.kgA2.id, academicYear: 2025 });
    expect(
      await addProgrammeRecord(
        await actor(w.teacherA2),
        { programmeId: id, heldOn: '2025-10-12', title: '第一次教研', notes: '收集乡土材料' },
        db,
      ),
    ).toMatchObject({ ok: true });
    expect(await addProgrammeRecord(await actor(w.teacherB), { programmeId: id, heldOn: '2025-10-12', title: 'x' }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect((await listProgrammes(await actor(w.countyAdminA), db)).map((p) => p.id)).toContain(id);
    expect((await listProgrammes(await actor(w.countyAdminB), db)).map((p) => p.id)).not.toContain(id);
  });

  it('is written by the supporting director, submitted complete, and fixed once submitted', async () => {
    const w = await createPairingWorld(db);
    // During the academic year it plans (decision 013: a year's plan is written before the year ends).
    const during = new Date('2026-03-10T04:00:00Z');
    const base = {
      pairingId: w.pairingA.id,
      academicYear: '2025',
      content: '送教下乡、跟班学习',
      goals: '提高保教质量',
      methods: '',
      steps: '',
      personnel: '',
      measures: '',
    };
    expect(await saveAnnualPlan(await actor(w.teacherA), base, db, during)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveAnnualPlan(await actor(w.directorB), base, db, during)).toEqual({ ok: false, error: 'notFound' });
    // The assisted side reads and comments, it does not write (issue 10).
    expect(await saveAnnualPlan(await actor(w.directorA2), base, db, during)).toEqual({ ok: false, error: 'notAllowed' });
    const id = idOf(await saveAnnualPlan(await actor(w.directorA), base, db, during));
    const incomplete = await saveAnnualPlan(await actor(w.directorA), { ...base, version: '1', submit: 'plan' }, db, during);
    expect(incomplete).toMatchObject({ ok: false, fieldErrors: { methods: ['form.errors.required'], steps: ['form.errors.required'] } });
    expect(await saveAnnualPlan(await actor(w.directorA), { ...base, version: '1', submit: 'summary' }, db, during)).toMatchObject({
      ok: false,
      fieldErrors: { summary: ['teaching.errors.planFirst'] },
    });
    const full = { ...base, methods: '观摩、研讨', steps: '九月启动', personnel: '园长负责', measures: '每月督查' };
    expect(await saveAnnualPlan(await actor(w.directorA), { ...full, version: '1', submit: 'plan' }, db, during)).toMatchObject({
      ok: true,
    });
    // After submission the plan's parts stay as submitted; the summary goes on.
    expect(
      await saveAnnualPlan(await actor(w.directorA), { ...full, goals: '改过', summary: '全年送教 24 课时', version: '2' }, db, during),
    ).toMatchObject({ ok: true });
    const row = await db.annualPlan.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ goals: '提高保教质量', summary: '全年送教 24 课时', planSubmittedById: w.directorA.id });
    expect(row.planSubmittedAt).not.toBeNull();
    const trail = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual([
      'annualPlan.created',
      'annualPlan.updated',
      'annualPlan.planSubmitted',
      'annualPlan.updated',
    ]);
  });
});

describe('two saves from the same version', () => {
  // Both read version 1 before either writes: only the version in the update's WHERE tells them apart.
  it('of a lesson: exactly one is accepted, the other is refused as out of date', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.teacherA2);
    const id = idOf(await saveLesson(me, lesson, db));
    const results = await Promise.all(['甲', '乙'].map((title) => saveLesson(me, { ...lesson, id, version: 1, title }, db)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    expect(await db.lessonRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2 });
    expect(await db.auditEntry.count({ where: { entityId: id, action: 'lesson.updated' } })).toBe(1);
  });

  it('of a paper: exactly one is accepted, the other is refused as out of date', async () => {
    const w = await createPairingWorld(db);
    const me = await actor(w.teacherA2);
    const paper = { title: '并发保存', venue: '江州市教育学会', kind: 'PUBLISHED', level: 'COUNTY', date: '2026-01-15' };
    const id = idOf(await createPaper(me, paper, db));
    const results = await Promise.all(['一等奖', '二等奖'].map((award) => updatePaper(me, { ...paper, id, version: 1, award }, db)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    expect(await db.paper.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2 });
    expect(await db.auditEntry.count({ where: { entityId: id, action: 'paper.updated' } })).toBe(1);
  });
});

describe('the mentor relationship', () => {
  it("is decided on the city's date: on the pair's last day the lesson, the list and the lesson's file agree", async () => {
    expect(await cityTimeZone(db)).toBe('Asia/Shanghai'); // the moments below are chosen for UTC+8
    const w = await withMentor();
    const id = idOf(await saveLesson(await actor(w.teacherA2), lesson, db));
    const file = await db.evidenceFile.create({
      data: {
        storageKey: `test/${id}`,
        originalName: '教案.pdf',
        mimeType: 'application/pdf',
        size: 10,
        sha256: 'y'.repeat(64),
        kind: 'DOCUMENT',
        uploadedById: w.teacherA2.id,
        kindergartenId: w.kgA2.id,
        lessonRecordId: id,
      },
    });
    expect(
      await updateMentorPair(await actor(w.directorA2), { id: w.pairId, version: 1, goals: '结束', endsOn: '2026-03-11' }, db),
    ).toMatchObject({ ok: true });
    const mentor = await actor(w.teacherA);
    const sees = async (now: string) => {
      vi.setSystemTime(new Date(now));
      return {
        lesson: (await getLesson(mentor, id, db)) != null,
        listed: (await listLessons(mentor, db)).some((l) => l.id === id),
        file: await canViewFile(mentor, file, db),
      };
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // 20:00 UTC on the 10th is already 04:00 on the 11th in the city: the last day has begun.
      expect(await sees('2026-03-10T20:00:00Z')).toEqual({ lesson: true, listed: true, file: true });
      // 18:00 on the 11th in the city, past midnight UTC of the end date: still the last day.
      expect(await sees('2026-03-11T10:00:00Z')).toEqual({ lesson: true, listed: true, file: true });
      // 00:30 on the 12th in the city (16:30 UTC on the 11th): the pair has ended for all three.
      expect(await sees('2026-03-11T16:30:00Z')).toEqual({ lesson: false, listed: false, file: false });
    } finally {
      vi.useRealTimers();
    }
  });
});
