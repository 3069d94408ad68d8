import { describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { saveActivity } from '@/lib/activities/commands';
import { TYPE_RULES } from '@/lib/activities/rules';
import { closePeriod } from '@/lib/periods/commands';
import { publishBulletin, saveBulletin } from '@/lib/bulletins/commands';
import { computeContent, getBulletin, listBulletins } from '@/lib/bulletins/queries';
import type { BulletinContent } from '@/lib/bulletins/content';
import { issueToken } from '@/lib/api-tokens/commands';
import { GET as bulletinPdf } from '@/app/api/bulletins/[id]/pdf/route';
import { GET as bulletinXlsx } from '@/app/api/bulletins/[id]/xlsx/route';
import { GET as apiBulletins } from '@/app/api/v1/bulletins/route';
import { GET as apiAnnualPlans } from '@/app/api/v1/annual-plans/route';
import { listAnnualPlanStatus } from '@/lib/annual-plans/queries';
import { actorFor } from '../fixtures/factories';
import { createPairingWorld } from '../fixtures/activity-factories';
import { closingWorld } from '../fixtures/period-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guard (requireRouteUser and the audit it writes) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));
// Outside a Next request there is no locale cookie: the routes' messages come from the real catalogues.
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

type World = Awaited<ReturnType<typeof closingWorld>>;
const actor = (u: { id: string }) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};
const full = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };

async function log(w: World, by: { id: string }, type: keyof typeof TYPE_RULES, date: string) {
  const r = TYPE_RULES[type];
  const input = {
    pairingId: w.pairingA.id,
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
  };
  return idOf(await saveActivity(await actor(by), input, db, w.duringAutumn));
}

/**
 * A closed autumn: pairing A (county A) met every S test and was inspected 良好; pairing B (county B)
 * did nothing and its assisted kindergarten has an overdue rectification.
 */
async function closedAutumn() {
  const w = await closingWorld(db);
  const y = w.year;
  const ids: string[] = [];
  for (const d of [`${y}-09-15`, `${y}-10-15`, `${y}-11-12`, `${y}-12-10`, `${y + 1}-01-14`])
    ids.push(await log(w, w.directorA, 'DAILY_OBSERVATION', d));
  for (const d of [`${y}-09-20`, `${y}-10-20`, `${y}-11-20`, `${y}-12-20`, `${y + 1}-01-10`])
    ids.push(await log(w, w.directorA, 'SENT_DEMONSTRATION', d));
  ids.push(await log(w, w.directorA, 'SPECIAL_LECTURE', `${y}-10-08`), await log(w, w.directorA, 'SPECIAL_LECTURE', `${y}-11-08`));
  ids.push(await log(w, w.directorA2, 'FOLLOW_UP_STUDY', `${y}-11-03`));
  await db.annualPlan.create({
    data: {
      pairingId: w.pairingA.id,
      academicYear: y,
      planStatus: 'SUBMITTED',
      planSubmittedAt: w.at(`${y}-08-25`),
      updatedById: w.directorA.id,
    },
  });
  const inspection = await db.inspection.create({
    data: {
      pairingId: w.pairingA.id,
      officeCountyId: w.countyA.id,
      inspectedOn: new Date(`${y}-12-05T00:00:00Z`),
      status: 'RECORDED',
      grade: 'GOOD',
      recordedAt: w.at(`${y}-12-05`),
      createdById: w.countyAdminA.id,
    },
  });
  const rectification = await db.rectification.create({
    data: {
      kindergartenId: w.kgB2.id,
      pairingId: w.pairingB.id,
      officeCountyId: w.countyB.id,
      requirement: '完善家长工作记录',
      deadline: new Date(`${y + 1}-01-10T00:00:00Z`),
      createdById: w.countyAdminB.id,
    },
  });
  const city = await actor(w.cityAdmin);
  const closedPeriodId = idOf(await closePeriod(city, { key: w.autumn, confirm: 'on' }, db, w.closable));
  return { w, city, closedPeriodId, ids, inspection, rectification };
}

describe('bulletins', () => {
  it('the city drafts and publishes; drafts are the city’s; the published content is stored and tells everyone', async () => {
    const { w, city, closedPeriodId, ids, inspection, rectification } = await closedAutumn();
    const draft = { closedPeriodId, title: `${w.year}年秋季学期城乡结对帮扶工作通报`, body: '各县区：现将检测结果通报如下。' };

    // Only the city writes bulletins, and only for a closed period.
    expect(await saveBulletin(await actor(w.countyAdminA), draft, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveBulletin(await actor(w.directorA), draft, db)).toEqual({ ok: false, error: 'notAllowed' });
    expect(await saveBulletin(city, { ...draft, closedPeriodId: w.pairingA.id }, db)).toMatchObject({
      ok: false,
      fieldErrors: { closedPeriodId: ['bulletins.errors.periodNotClosed'] },
    });
    const id = idOf(await saveBulletin(city, draft, db));

    // A draft is the city's: nobody else learns it exists.
    const directorB = await actor(w.directorB);
    expect(await getBulletin(directorB, id, db)).toBeNull();
    expect((await listBulletins(directorB, db)).map((b) => b.id)).not.toContain(id);
    expect(await saveBulletin(directorB, { ...draft, id, version: 1 }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await publishBulletin(await actor(w.countyAdminA), { id, version: 1, confirm: 'on' }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    // The city previews it, content computed now.
    const preview = await getBulletin(city, id, db, w.closable);
    expect(preview).toMatchObject({ status: 'DRAFT', canManage: true });
    expect((await listBulletins(city, db)).map((b) => b.id)).toContain(id);

    // Edits keep to the version read.
    expect(idOf(await saveBulletin(city, { ...draft, id, version: 1, body: '各县区：现将本学期检测结果通报如下。' }, db))).toBe(id);
    expect(await saveBulletin(city, { ...draft, id, version: 1 }, db)).toMatchObject({ ok: false, error: 'conflict' });
    // Publishing asks for the confirmation.
    expect(await publishBulletin(city, { id, version: 2 }, db, w.closable)).toMatchObject({
      ok: false,
      fieldErrors: { confirm: ['bulletins.publish.confirmRequired'] },
    });
    expect(await publishBulletin(city, { id, version: 2, confirm: 'on' }, db, w.closable)).toMatchObject({ ok: true });

    const stored = await db.bulletin.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'PUBLISHED', publishedAt: w.closable, version: 3 });
    const content = stored.content as BulletinContent;
    expect(content).toMatchObject({ period: { key: w.autumn, kind: 'SEMESTER' }, tests: ['S1', 'S2', 'S3', 'S4', 'S5'] });
    const [a, b] = [w.pairingA, w.pairingB].map((p) =>
      content.pairings.find((x) => x.supporting.name === (p === w.pairingA ? w.kgA.name : w.kgB.name))!,
    );
    expect(a).toMatchObject({
      met: ['S1', 'S2', 'S3', 'S4', 'S5'],
      missed: [],
      grade: 'GOOD',
      overdueRectifications: 0,
      verdict: 'commend',
      inspections: [{ on: `${w.year}-12-05`, grade: 'GOOD' }],
    });
    expect(b).toMatchObject({ missed: ['S1', 'S2', 'S3', 'S4', 'S5'], grade: null, overdueRectifications: 1, verdict: 'improve' });
    expect(b.reasons).toEqual(['mostMissed', 'overdueRectifications']);
    const countyA = content.counties.find((c) => c.code === w.countyA.code)!;
    expect(countyA).toMatchObject({ pairings: 1, allMet: 1, commended: 1, toImprove: 0, grades: { GOOD: 1 } });
    expect(content.counties.find((c) => c.code === w.countyB.code)).toMatchObject({
      pairings: 1,
      toImprove: 1,
      overdueRectifications: 1,
      missedTests: 5,
    });

    // Names, grades and statuses only: no record, no evidence, no id of anything.
    const text = JSON.stringify(content);
    for (const secret of [...ids, w.pairingA.id, w.pairingB.id, w.kgA.id, w.kgB2.id, inspection.id, rectification.id, closedPeriodId])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/evidence|activities|\/api\/files/i);

    // Everyone in the city is told, the publisher excepted; both steps are in the audit trail.
    expect(await db.notification.findFirst({ where: { recipientId: w.directorB.id, entityId: id } })).toMatchObject({
      kind: 'bulletin.published',
      href: `/bulletins/${id}`,
      title: expect.stringContaining(draft.title),
    });
    expect(await db.notification.count({ where: { recipientId: w.teacherA2.id, entityId: id } })).toBe(1);
    expect(await db.notification.count({ where: { recipientId: w.cityAdmin.id, entityId: id } })).toBe(0);
    expect(
      await db.auditEntry.count({
        where: { entityId: id, action: { in: ['bulletin.created', 'bulletin.updated', 'bulletin.published'] } },
      }),
    ).toBe(3);

    // Published is for good: no edit, no second publication, and later events leave the content alone.
    expect(await saveBulletin(city, { ...draft, id, version: 3 }, db)).toEqual({ ok: false, error: 'wrongState' });
    expect(await publishBulletin(city, { id, version: 3, confirm: 'on' }, db)).toEqual({ ok: false, error: 'wrongState' });
    await db.rectification.create({
      data: {
        kindergartenId: w.kgA.id,
        pairingId: w.pairingA.id,
        requirement: '补充送教记录',
        deadline: new Date(`${w.year + 1}-02-01T00:00:00Z`),
        createdById: w.countyAdminA.id,
      },
    });
    const later = await computeContent(db, closedPeriodId, w.springClosable);
    expect(later.pairings.find((p) => p.supporting.name === w.kgA.name)).toMatchObject({ verdict: 'improve' });
    const read = await getBulletin(directorB, id, db, w.springClosable);
    expect(read?.content).toEqual(content);

    // A director of another county reads it; a teacher too.
    expect(read).toMatchObject({ status: 'PUBLISHED', title: draft.title, canManage: false });
    expect(await getBulletin(await actor(w.teacherA2), id, db)).toMatchObject({ status: 'PUBLISHED' });
  });

  it('exports a Chinese PDF and an .xlsx of the bulletin; drafts only to the city', async () => {
    const { w, city, closedPeriodId } = await closedAutumn();
    const published = idOf(await saveBulletin(city, { closedPeriodId, title: '秋季学期通报', body: '正文' }, db));
    await publishBulletin(city, { id: published, version: 1, confirm: 'on' }, db, w.closable);
    const draft = idOf(await saveBulletin(city, { closedPeriodId, title: '草稿通报', body: '' }, db));
    const call = (handler: typeof bulletinPdf, id: string) =>
      handler(new Request(`http://localhost/api/bulletins/${id}/x`), { params: Promise.resolve({ id }) });

    signedIn.user = await actor(w.directorB);
    const pdf = await call(bulletinPdf, published);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Chinese font travels inside the file.
    expect(bytes.toString('latin1')).toMatch(/FontFile2/);
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);

    const xlsx = await call(bulletinXlsx, published);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment;.*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('帮扶园');
    const supporting = sheet.getColumn(2).values.slice(2);
    expect(new Set(supporting)).toEqual(new Set([w.kgA.name, w.kgB.name]));
    const rowOf = (name: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === name)!;
    expect(rowOf(w.kgA.name).getCell(4).value).toBe('达标');
    expect(rowOf(w.kgB.name).getCell(4).value).toBe('未达标');

    // A draft is not there for a director; the attempt is audited.
    expect((await call(bulletinPdf, draft)).status).toBe(404);
    expect((await call(bulletinXlsx, draft)).status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorId: w.directorB.id, entityId: draft } })).toBe(2);
    signedIn.user = city;
    expect((await call(bulletinPdf, draft)).status).toBe(200);
    signedIn.user = null;
  });
});

describe('the JSON API', () => {
  async function tokenFor(user: { id: string }) {
    const r = await issueToken(await actor(user), { name: 'test', expires: '30' }, db);
    if (!r.ok) throw new Error(r.error);
    return r.value.token;
  }
  const get = async (handler: (r: Request, c: { params: Promise<object> }) => Promise<Response>, path: string, token: string) => {
    const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    });
    return { status: res.status, body: await res.json() };
  };

  it('lists published bulletins with their content to every token, never drafts', async () => {
    const { w, city, closedPeriodId } = await closedAutumn();
    const published = idOf(await saveBulletin(city, { closedPeriodId, title: 'API 通报', body: '正文' }, db));
    await publishBulletin(city, { id: published, version: 1, confirm: 'on' }, db, w.closable);
    const draft = idOf(await saveBulletin(city, { closedPeriodId, title: 'API 草稿', body: '' }, db));
    for (const u of [w.directorB, w.cityAdmin]) {
      const r = await get(apiBulletins, `/api/v1/bulletins?period=${w.autumn}`, await tokenFor(u));
      expect(r.status).toBe(200);
      expect(r.body.data.map((b: { id: string }) => b.id)).toEqual([published]);
      expect(r.body.data[0]).toMatchObject({
        title: 'API 通报',
        period: { key: w.autumn, kind: 'SEMESTER', startsOn: `${w.year}-09-01` },
        content: { tests: ['S1', 'S2', 'S3', 'S4', 'S5'] },
      });
      expect(JSON.stringify(r.body)).not.toContain(draft);
    }
    expect((await get(apiBulletins, '/api/v1/bulletins?status=DRAFT', await tokenFor(w.cityAdmin))).status).toBe(400);
  });

  it("lists plan and summary review status per pairing and year, as the bureau's status list has them", async () => {
    // No close needed: the shared 2025 cycle, each world in counties of its own.
    const w = await createPairingWorld(db);
    await db.annualPlan.create({
      data: {
        pairingId: w.pairingA.id,
        academicYear: 2025,
        planStatus: 'SUBMITTED',
        planSubmittedAt: new Date('2025-08-25T02:00:00Z'),
        updatedById: w.directorA.id,
      },
    });
    const list = async (u: { id: string }, query: string) => {
      const r = await get(apiAnnualPlans, `/api/v1/annual-plans?${query}`, await tokenFor(u));
      expect(r.status).toBe(200);
      return r.body;
    };
    const ids = async (u: { id: string }, query = 'year=2025') =>
      (await list(u, query)).data.map((x: { pairingId: string }) => x.pairingId);
    expect(await ids(w.countyAdminA)).toEqual([w.pairingA.id]);
    expect(await ids(w.countyAdminB)).toEqual([w.pairingB.id]);
    expect(await ids(w.directorA2)).toEqual([w.pairingA.id]);
    expect(await ids(w.cityAdmin, `year=2025&county=${w.countyA.id}`)).toEqual([w.pairingA.id]);
    // Both academic years the pairing reaches, in order.
    expect((await list(w.countyAdminA, '')).data.map((x: { academicYear: number }) => x.academicYear)).toEqual([2025, 2026]);

    const body = await list(w.cityAdmin, `year=2025&pairing=${w.pairingA.id}`);
    expect(body).toMatchObject({ total: 1, hasMore: false });
    const rows = (await listAnnualPlanStatus(await actor(w.cityAdmin), { year: 2025 }, db)).filter((r) => r.pairingId === w.pairingA.id);
    const [plan, summary] = (['PLAN', 'SUMMARY'] as const).map((k) => rows.find((r) => r.kind === k)!);
    expect(body.data[0]).toEqual({
      pairingId: w.pairingA.id,
      academicYear: 2025,
      supporting: w.kgA.name,
      assisted: w.kgA2.name,
      countyId: w.countyA.id,
      plan: { state: 'submitted', dueOn: plan.dueOn, overdue: false, lastSubmittedAt: '2025-08-25T02:00:00.000Z' },
      summary: { state: summary.state, dueOn: summary.dueOn, overdue: summary.state === 'overdue', lastSubmittedAt: null },
    });
    expect(await ids(w.countyAdminA, 'year=2025&state=submitted')).toEqual([w.pairingA.id]);
    expect(await ids(w.countyAdminB, 'year=2025&state=submitted')).toEqual([]);
    expect((await get(apiAnnualPlans, '/api/v1/annual-plans?sort=name', await tokenFor(w.cityAdmin))).status).toBe(400);
  });
});
