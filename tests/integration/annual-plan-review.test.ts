import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { commentAnnualPlan, reviewAnnualPlan, saveAnnualPlan, setAnnualPlanDueDates } from '@/lib/annual-plans/commands';
import { annualPlanCounts, getAnnualPlan, listAnnualPlanStatus, pairingAnnualPlanStatus } from '@/lib/annual-plans/queries';
import { getArchive } from '@/lib/archive/queries';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));
// Outside a Next request there is no locale cookie: the route's messages come from the real catalogues.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { readdirSync, readFileSync } = await import('node:fs');
  const folder = `${process.cwd()}/messages/zh`;
  const messages = Object.assign({}, ...readdirSync(folder).map((f) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8'))));
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: 'zh', messages, namespace: namespace as never }),
    getLocale: async () => 'zh',
  };
});

type User = { id: string };
const actor = (u: User) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};
// During academic year 2025–2026, when its plan is written (decision 013).
const DURING = new Date('2026-03-10T04:00:00Z');
const parts = {
  content: '送教下乡',
  goals: '提高保教质量',
  methods: '观摩',
  steps: '九月启动',
  personnel: '园长负责',
  measures: '每月督查',
};

async function submittedPlan() {
  const w = await createPairingWorld(db);
  const base = { pairingId: w.pairingA.id, academicYear: 2025, ...parts };
  const id = idOf(await saveAnnualPlan(await actor(w.directorA), { ...base, submit: 'plan' }, db, DURING));
  return { w, base, id };
}
const version = async (id: string) => (await db.annualPlan.findUniqueOrThrow({ where: { id } })).version;

describe('who writes, comments and reviews', () => {
  it('only the supporting director writes and submits; the assisted director and teachers cannot', async () => {
    const w = await createPairingWorld(db);
    const base = { pairingId: w.pairingA.id, academicYear: 2025, ...parts, submit: 'plan' };
    expect(await saveAnnualPlan(await actor(w.directorA2), base, db, DURING)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveAnnualPlan(await actor(w.teacherA2), base, db, DURING)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveAnnualPlan(await actor(w.countyAdminA), base, db, DURING)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveAnnualPlan(await actor(w.directorB), base, db, DURING)).toEqual({ ok: false, error: 'notFound' });
    expect(await db.annualPlan.count({ where: { pairingId: w.pairingA.id } })).toBe(0);
    const id = idOf(await saveAnnualPlan(await actor(w.directorA), base, db, DURING));
    const row = await db.annualPlan.findUniqueOrThrow({ where: { id }, include: { submissions: true } });
    expect(row.planStatus).toBe('SUBMITTED');
    expect(row.submissions).toMatchObject([{ kind: 'PLAN', number: 1, content: parts, outcome: null, submittedById: w.directorA.id }]);
  });

  it('the assisted director reads and comments; a teacher reads but does not comment; another county sees nothing', async () => {
    const { w, id } = await submittedPlan();
    const found = await getAnnualPlan(await actor(w.directorA2), w.pairingA.id, 2025, db, DURING);
    expect(found).toMatchObject({ canEdit: false, canComment: true, canReview: false, state: { PLAN: 'submitted' } });
    expect(await commentAnnualPlan(await actor(w.directorA2), { planId: id, kind: 'PLAN', body: '请补充教研安排' }, db)).toMatchObject({
      ok: true,
    });
    expect(await commentAnnualPlan(await actor(w.teacherA2), { planId: id, kind: 'PLAN', body: 'x' }, db)).toEqual({
      ok: false,
      error: 'notAllowed',
    });
    expect(await commentAnnualPlan(await actor(w.directorB), { planId: id, kind: 'PLAN', body: 'x' }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(await commentAnnualPlan(await actor(w.directorA2), { planId: id, kind: 'PLAN', body: '  ' }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { body: ['form.errors.required'] },
    });
    expect(await getAnnualPlan(await actor(w.directorB), w.pairingA.id, 2025, db)).toBeNull();
    const comments = await db.annualPlanComment.findMany({ where: { annualPlanId: id } });
    expect(comments).toMatchObject([{ authorId: w.directorA2.id, body: '请补充教研安排', kind: 'PLAN' }]);
  });

  it('only a county or city admin in scope reviews: a director cannot file its own', async () => {
    const { w, id } = await submittedPlan();
    const v = await version(id);
    const file = { planId: id, version: v, kind: 'PLAN', decision: 'file' };
    expect(await reviewAnnualPlan(await actor(w.directorA), file, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await reviewAnnualPlan(await actor(w.directorA2), file, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await reviewAnnualPlan(await actor(w.countyAdminB), file, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await db.annualPlan.findUniqueOrThrow({ where: { id } })).toMatchObject({ planStatus: 'SUBMITTED', version: v });
    // A summary not yet submitted is not reviewed.
    expect(await reviewAnnualPlan(await actor(w.countyAdminA), { ...file, kind: 'SUMMARY' }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(await reviewAnnualPlan(await actor(w.cityAdmin), file, db)).toMatchObject({ ok: true });
    expect(await db.annualPlan.findUniqueOrThrow({ where: { id } })).toMatchObject({ planStatus: 'FILED' });
    // Filed is final: not reviewed again, not edited, not resubmitted.
    expect(await reviewAnnualPlan(await actor(w.countyAdminA), { ...file, version: v + 1 }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(
      await saveAnnualPlan(
        await actor(w.directorA),
        { pairingId: w.pairingA.id, academicYear: 2025, ...parts, version: v + 1, submit: 'plan' },
        db,
        DURING,
      ),
    ).toEqual({ ok: false, error: 'wrongState' });
  });
});

describe('return, edit, resubmit', () => {
  it('keeps version 1 readable as submitted, with the review comment', async () => {
    const { w, base, id } = await submittedPlan();
    const admin = await actor(w.countyAdminA);
    const director = await actor(w.directorA);
    // Locked while it awaits review: a save leaves the six parts as submitted.
    expect(await saveAnnualPlan(director, { ...base, goals: '偷改', version: await version(id) }, db, DURING)).toMatchObject({ ok: true });
    expect(await db.annualPlan.findUniqueOrThrow({ where: { id } })).toMatchObject({ goals: parts.goals });
    expect(await saveAnnualPlan(director, { ...base, version: await version(id), submit: 'plan' }, db, DURING)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    // A return must say what to change.
    const ret = { planId: id, kind: 'PLAN', decision: 'return', version: await version(id) };
    expect(await reviewAnnualPlan(admin, { ...ret, comment: ' ' }, db)).toMatchObject({
      ok: false,
      fieldErrors: { comment: ['teaching.annualPlans.errors.returnNeedsComment'] },
    });
    expect(await reviewAnnualPlan(admin, { ...ret, comment: '目标须量化' }, db)).toMatchObject({ ok: true });
    expect(await db.annualPlan.findUniqueOrThrow({ where: { id } })).toMatchObject({ planStatus: 'RETURNED' });
    // Returned: edited and submitted again, even after its year has ended (the bureau asked for it).
    const afterYear = new Date('2026-09-15T04:00:00Z');
    expect(
      await saveAnnualPlan(director, { ...base, goals: '教师优秀率达到 30%', version: await version(id), submit: 'plan' }, db, afterYear),
    ).toMatchObject({ ok: true });
    const subs = await db.annualPlanSubmission.findMany({ where: { annualPlanId: id }, orderBy: { number: 'asc' } });
    expect(subs).toMatchObject([
      { number: 1, content: parts, outcome: 'RETURNED', reviewComment: '目标须量化', reviewedById: w.countyAdminA.id },
      { number: 2, content: { ...parts, goals: '教师优秀率达到 30%' }, outcome: null },
    ]);
    expect(await reviewAnnualPlan(admin, { ...ret, decision: 'file', version: await version(id) }, db)).toMatchObject({ ok: true });
    const page = await getAnnualPlan(await actor(w.directorA2), w.pairingA.id, 2025, db, afterYear);
    expect(page?.state.PLAN).toBe('filed');
    expect(page?.plan?.submissions.map((s) => [s.number, s.outcome])).toEqual([
      [2, 'FILED'],
      [1, 'RETURNED'],
    ]);
    const trail = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual([
      'annualPlan.created',
      'annualPlan.planSubmitted',
      'annualPlan.updated',
      'annualPlan.returned',
      'annualPlan.updated',
      'annualPlan.planSubmitted',
      'annualPlan.filed',
    ]);
  });

  it('two reviews from the same version: one is accepted', async () => {
    const { w, id } = await submittedPlan();
    const v = await version(id);
    const results = await Promise.all([
      reviewAnnualPlan(await actor(w.countyAdminA), { planId: id, version: v, kind: 'PLAN', decision: 'file' }, db),
      reviewAnnualPlan(await actor(w.cityAdmin), { planId: id, version: v, kind: 'PLAN', decision: 'return', comment: '再改' }, db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.annualPlanSubmission.count({ where: { annualPlanId: id, outcome: { not: null } } })).toBe(1);
  });
});

describe('due dates and overdue', () => {
  // 2025-08-31 23:30 and 2025-09-01 00:30 in the city (Asia/Shanghai).
  const lastEvening = new Date('2025-08-31T15:30:00Z');
  const nextMorning = new Date('2025-08-31T16:30:00Z');
  const planRow = async (u: User, now: Date) =>
    (await listAnnualPlanStatus(await actor(u), { year: 2025, kind: 'PLAN' }, db, now)).find((r) => r.academicYear === 2025);

  it('a plan not submitted is overdue the day after 31 August in the city, or after the date the city set', async () => {
    const w = await createPairingWorld(db);
    expect(await planRow(w.countyAdminA, lastEvening)).toMatchObject({ state: 'notSubmitted', dueOn: '2025-08-31' });
    expect(await planRow(w.countyAdminA, nextMorning)).toMatchObject({ state: 'overdue' });
    expect(
      (await pairingAnnualPlanStatus(await actor(w.directorA), w.pairingA.id, db, nextMorning)).map((r) => [
        r.academicYear,
        r.kind,
        r.state,
      ]),
    ).toEqual([
      [2025, 'PLAN', 'overdue'],
      [2025, 'SUMMARY', 'notSubmitted'],
      [2026, 'PLAN', 'notSubmitted'],
      [2026, 'SUMMARY', 'notSubmitted'],
    ]);

    const input = { academicYear: 2025, planDueOn: '2025-09-30', summaryDueOn: '2026-09-30' };
    expect(await setAnnualPlanDueDates(await actor(w.countyAdminA), input, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await setAnnualPlanDueDates(await actor(w.cityAdmin), { ...input, summaryDueOn: '2025-09-01' }, db)).toMatchObject({
      ok: false,
      fieldErrors: { summaryDueOn: ['teaching.annualPlans.errors.summaryAfterPlan'] },
    });
    expect(await setAnnualPlanDueDates(await actor(w.cityAdmin), input, db)).toMatchObject({ ok: true });
    expect(await planRow(w.countyAdminA, nextMorning)).toMatchObject({ state: 'notSubmitted', dueOn: '2025-09-30' });
    // A stale settings form is refused; the current version is accepted and audited.
    expect(await setAnnualPlanDueDates(await actor(w.cityAdmin), { ...input, planDueOn: '2025-08-15', version: 7 }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
    expect(await setAnnualPlanDueDates(await actor(w.cityAdmin), { ...input, planDueOn: '2025-08-15', version: 1 }, db)).toMatchObject({
      ok: true,
    });
    expect(await planRow(w.countyAdminA, lastEvening)).toMatchObject({ state: 'overdue', dueOn: '2025-08-15' });
    expect(await db.auditEntry.count({ where: { action: 'annualPlan.dueDatesSet' } })).toBe(2);
  });

  it('a plan submitted late is no longer overdue', async () => {
    const { w } = await submittedPlan();
    expect(await planRow(w.countyAdminA, DURING)).toMatchObject({ state: 'submitted' });
  });
});

describe('the status list, its counts and its export', () => {
  it('hold only pairings in scope, filtered by status', async () => {
    const { w } = await submittedPlan();
    const pairings = async (u: User, filters = {}) => [
      ...new Set((await listAnnualPlanStatus(await actor(u), filters, db, DURING)).map((r) => r.pairingId)),
    ];
    expect(await pairings(w.countyAdminA)).toEqual([w.pairingA.id]);
    expect(await pairings(w.countyAdminB)).toEqual([w.pairingB.id]);
    // The city sees every county (other tests' worlds share this database).
    expect(await pairings(w.cityAdmin)).toEqual(expect.arrayContaining([w.pairingA.id, w.pairingB.id]));
    expect(await pairings(w.directorA)).toEqual([]);
    const ours = (ids: string[]) => ids.filter((id) => id === w.pairingA.id || id === w.pairingB.id);
    expect(ours(await pairings(w.cityAdmin, { state: 'submitted' }))).toEqual([w.pairingA.id]);
    expect(ours(await pairings(w.cityAdmin, { state: 'overdue', kind: 'PLAN', year: 2025 }))).toEqual([w.pairingB.id]);

    expect(await annualPlanCounts(await actor(w.countyAdminA), db, DURING)).toMatchObject({ submitted: 1, overdue: 0 });
    expect(await annualPlanCounts(await actor(w.countyAdminB), db, DURING)).toMatchObject({ submitted: 0, overdue: 1 });
    const city = await annualPlanCounts(await actor(w.cityAdmin), db, DURING);
    expect(city!.submitted).toBeGreaterThanOrEqual(1);
    expect(city!.overdue).toBeGreaterThanOrEqual(1);
    // The counts are read apart from the list (three flat reads, for the city's home): they must equal
    // its tally, over every world the other tests left in this database.
    for (const u of [w.cityAdmin, w.countyAdminA, w.countyAdminB]) {
      const rows = await listAnnualPlanStatus(await actor(u), {}, db, DURING);
      const tally = (state: string) => rows.filter((r) => r.state === state).length;
      expect(await annualPlanCounts(await actor(u), db, DURING)).toEqual({
        submitted: tally('submitted'),
        returned: tally('returned'),
        overdue: tally('overdue'),
        filed: tally('filed'),
      });
    }

    const { GET } = await import('@/app/(app)/annual-plans/status/export/route');
    signedIn.user = await actor(w.countyAdminA);
    const res = await GET(new NextRequest('http://localhost/annual-plans/status/export?kind=PLAN'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;.*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const names = book.worksheets[0].getColumn(1).values.slice(2);
    expect(new Set(names)).toEqual(new Set([w.kgA.name]));
    expect(await db.auditEntry.count({ where: { action: 'annualPlan.statusExported', actorId: w.countyAdminA.id } })).toBe(1);

    signedIn.user = await actor(w.directorA);
    const denied = await GET(new NextRequest('http://localhost/annual-plans/status/export'));
    expect(denied.status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorId: w.directorA.id } })).toBe(1);
  });
});

describe('the archive reads the filed version', () => {
  it('marks a plan not yet filed, and names the filed version once filed', async () => {
    const { w, id } = await submittedPlan();
    const before = await getArchive(await actor(w.directorA2), w.pairingA.id, 2025, db);
    expect(before?.plan).toMatchObject({ goals: parts.goals, planFiled: null, summaryFiled: null });
    await reviewAnnualPlan(await actor(w.countyAdminA), { planId: id, version: await version(id), kind: 'PLAN', decision: 'file' }, db);
    const after = await getArchive(await actor(w.directorA2), w.pairingA.id, 2025, db);
    expect(after?.plan).toMatchObject({ goals: parts.goals, planFiled: 1, summaryFiled: null });
  });
});
