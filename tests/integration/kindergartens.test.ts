import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { createKindergarten, exportKindergartens, setKindergartenActive, updateKindergarten } from '@/lib/kindergartens/commands';
import { listKindergartens, listKindergartensForExport } from '@/lib/kindergartens/queries';
import { parseFilters } from '@/lib/kindergartens/filters';
import { buildKindergartenExport, buildKindergartenTemplate } from '@/lib/kindergartens/spreadsheets';
import { actorFor, createKindergarten as kgFactory, createScopeWorld, uniqueSuffix } from '../fixtures/factories';
import { readXlsx } from '../fixtures/spreadsheets';
import { ensureCycle } from '../fixtures/activity-factories';
import { getCurrentPeriod } from '@/lib/cycles/queries';

const form = (over: Record<string, string> = {}) => ({
  code: `NEW-${uniqueSuffix()}`,
  name: '新建测试幼儿园',
  countyId: '',
  area: 'RURAL',
  level: 'NONE',
  address: '某乡某村',
  contactName: '王老师',
  contactPhone: '0571-8888 8888',
  classCount: '3',
  childCount: '75',
  teacherCount: '6',
  staffCount: '9',
  ...over,
});
const profileOf = (k: {
  classCount: number;
  childCount: number;
  teacherCount: number;
  staffCount: number;
  address: string;
  contactName: string;
  contactPhone: string;
  version: number;
}) => ({
  classCount: String(k.classCount),
  childCount: String(k.childCount),
  teacherCount: String(k.teacherCount),
  staffCount: String(k.staffCount),
  address: k.address,
  contactName: k.contactName,
  contactPhone: k.contactPhone,
  version: String(k.version),
});

describe('creating a kindergarten', () => {
  it('creates in the admin’s county, normalizes the code, and audits it', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const code = `qh-${uniqueSuffix()}`;
    const result = await createKindergarten(admin, form({ code, countyId: w.countyA.id }), db);
    expect(result.ok).toBe(true);
    const row = await db.kindergarten.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ countyId: w.countyA.id, area: 'RURAL', childCount: 75, version: 1 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: row.id } });
    expect(audit).toMatchObject({ action: 'kindergarten.created', actorId: admin.id, countyId: w.countyA.id });
  });

  it('refuses impossible counts, a taken code and a county outside the scope, each on its field', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const counts = await createKindergarten(
      admin,
      form({ countyId: w.countyA.id, teacherCount: '10', staffCount: '9', childCount: '2', classCount: 'x' }),
      db,
    );
    expect(counts).toEqual({ ok: false, error: 'invalid', fieldErrors: { classCount: ['form.errors.notANumber'] } });
    const impossible = await createKindergarten(
      admin,
      form({ countyId: w.countyA.id, teacherCount: '10', staffCount: '9', childCount: '2' }),
      db,
    );
    expect(impossible).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { teacherCount: ['kindergartens.errors.teachersOverStaff'], childCount: ['kindergartens.errors.childrenUnderClasses'] },
    });
    const taken = await createKindergarten(admin, form({ countyId: w.countyA.id, code: w.kgA.code.toLowerCase() }), db);
    expect(taken).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: ['kindergartens.errors.codeTaken'] } });
    const elsewhere = await createKindergarten(admin, form({ countyId: w.countyB.id }), db);
    expect(elsewhere).toEqual({ ok: false, error: 'invalid', fieldErrors: { countyId: ['kindergartens.errors.countyOutOfScope'] } });
    const missing = await createKindergarten(admin, form({ countyId: w.countyA.id, name: ' ', area: '' }), db);
    expect(missing.ok === false && missing.error === 'invalid' && Object.keys(missing.fieldErrors!).sort()).toEqual(['area', 'name']);
  });

  it('lets only one of two simultaneous creations with the same code in different case through', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const code = `race-${uniqueSuffix()}`;
    // Both pass the app's own check before either inserts; the database's case-blind index decides.
    const results = await Promise.all([
      createKindergarten(admin, form({ countyId: w.countyA.id, code: code.toLowerCase() }), db),
      createKindergarten(admin, form({ countyId: w.countyA.id, code: code.toUpperCase() }), db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: ['kindergartens.errors.codeTaken'] } });
    expect(await db.kindergarten.count({ where: { code: code.toLowerCase() } })).toBe(1);
    // And below the app: the index itself refuses the other case.
    await expect(kgFactory(db, w.countyA.id, { code: code.toUpperCase() })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('is not open to directors', async () => {
    const w = await createScopeWorld(db);
    const director = await actorFor(db, w.directorA);
    expect(await createKindergarten(director, form({ countyId: w.countyA.id }), db)).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('editing a kindergarten', () => {
  it('refuses a stale save: the second of two edits based on the same version', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const k = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA.id } });
    const base = { code: k.code, name: k.name, countyId: k.countyId, area: k.area, level: k.level, ...profileOf(k) };
    const first = await updateKindergarten(admin, { id: k.id, mode: 'full', ...base, name: '第一次保存' }, db);
    expect(first).toEqual({ ok: true, value: { id: k.id, version: k.version + 1 } });
    const second = await updateKindergarten(admin, { id: k.id, mode: 'full', ...base, name: '第二次保存' }, db);
    // Refused, with what differs and who saved first, and the version to base a deliberate re-save on.
    expect(second).toEqual({
      ok: false,
      error: 'conflict',
      conflict: {
        version: k.version + 1,
        changes: [{ field: 'name', theirs: '第二次保存', current: '第一次保存' }],
        updatedBy: '甲县管理员',
        updatedAt: expect.any(String),
      },
    });
    const after = await db.kindergarten.findUniqueOrThrow({ where: { id: k.id } });
    expect(after).toMatchObject({ name: '第一次保存', version: k.version + 1 });
    const audit = await db.auditEntry.findMany({ where: { entityId: k.id, action: 'kindergarten.updated' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ name: k.name });
    expect(audit[0].after).toEqual({ name: '第一次保存' });
    // Saving again on the version the conflict named keeps the second person's text.
    const resaved = await updateKindergarten(
      admin,
      { id: k.id, mode: 'full', ...base, name: '第二次保存', version: String(k.version + 1) },
      db,
    );
    expect(resaved).toEqual({ ok: true, value: { id: k.id, version: k.version + 2 } });
  });

  it('two saves racing on the same version: exactly one is stored, the other gets a conflict', async () => {
    // Both read the same version before either writes: only the version in the update's WHERE tells them apart.
    const w = await createScopeWorld(db);
    const [county, city] = [await actorFor(db, w.countyAdminA), await actorFor(db, w.cityAdmin)];
    const k = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA.id } });
    const base = {
      id: k.id,
      mode: 'full',
      code: k.code,
      name: k.name,
      countyId: k.countyId,
      area: k.area,
      level: k.level,
      ...profileOf(k),
    };
    const results = await Promise.all([
      updateKindergarten(county, { ...base, name: '县里改的名字' }, db),
      updateKindergarten(city, { ...base, name: '市里改的名字' }, db),
    ]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, value: { id: k.id, version: k.version + 1 } }]);
    const [name, theirs] = results[0].ok ? ['县里改的名字', '市里改的名字'] : ['市里改的名字', '县里改的名字'];
    expect(results.filter((r) => !r.ok)).toEqual([
      {
        ok: false,
        error: 'conflict',
        conflict: expect.objectContaining({ version: k.version + 1, changes: [{ field: 'name', theirs, current: name }] }),
      },
    ]);
    expect(await db.kindergarten.findUniqueOrThrow({ where: { id: k.id } })).toMatchObject({ name, version: k.version + 1 });
    expect(await db.auditEntry.count({ where: { entityId: k.id, action: 'kindergarten.updated' } })).toBe(1);
  });

  it('lets a director update counts and contact but never level, county, code or area', async () => {
    const w = await createScopeWorld(db);
    const director = await actorFor(db, w.directorA);
    const k = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA.id } });
    const result = await updateKindergarten(
      director,
      {
        id: k.id,
        mode: 'profile',
        ...profileOf(k),
        classCount: '7',
        childCount: '200',
        contactName: '园长本人',
        level: 'NONE',
        countyId: w.countyB.id,
        code: 'HACKED',
        area: 'RURAL',
        name: '改名',
      },
      db,
    );
    expect(result.ok).toBe(true);
    const after = await db.kindergarten.findUniqueOrThrow({ where: { id: k.id } });
    expect(after).toMatchObject({
      classCount: 7,
      childCount: 200,
      contactName: '园长本人',
      level: k.level,
      countyId: k.countyId,
      code: k.code,
      area: k.area,
      name: k.name,
    });
    expect(await db.auditEntry.findFirst({ where: { entityId: k.id, action: 'kindergarten.profileUpdated' } })).not.toBeNull();

    // The full edit is not theirs, nor is another kindergarten's profile.
    const full = await updateKindergarten(
      director,
      { id: k.id, mode: 'full', code: k.code, name: k.name, countyId: k.countyId, area: k.area, level: 'NONE', ...profileOf(after) },
      db,
    );
    expect(full).toEqual({ ok: false, error: 'notFound' });
    const other = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA2.id } });
    expect(await updateKindergarten(director, { id: other.id, mode: 'profile', ...profileOf(other) }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
  });

  it('answers not-found to a county admin of another county, and for impossible counts keeps the record', async () => {
    const w = await createScopeWorld(db);
    const adminB = await actorFor(db, w.countyAdminB);
    const k = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA.id } });
    expect(await updateKindergarten(adminB, { id: k.id, mode: 'profile', ...profileOf(k) }, db)).toEqual({ ok: false, error: 'notFound' });
    const adminA = await actorFor(db, w.countyAdminA);
    const bad = await updateKindergarten(adminA, { id: k.id, mode: 'profile', ...profileOf(k), childCount: String(k.classCount * 61) }, db);
    expect(bad).toEqual({ ok: false, error: 'invalid', fieldErrors: { childCount: ['kindergartens.errors.childrenPerClass'] } });
    expect((await db.kindergarten.findUniqueOrThrow({ where: { id: k.id } })).version).toBe(k.version);
  });

  it('deactivates and reactivates within scope only', async () => {
    const w = await createScopeWorld(db);
    const adminA = await actorFor(db, w.countyAdminA);
    expect(await setKindergartenActive(await actorFor(db, w.directorA), { id: w.kgA.id, active: 'false' }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(await setKindergartenActive(await actorFor(db, w.countyAdminB), { id: w.kgA.id, active: 'false' }, db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect((await setKindergartenActive(adminA, { id: w.kgA.id, active: 'false' }, db)).ok).toBe(true);
    expect((await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA.id } })).active).toBe(false);
    const { rows } = await listKindergartens(adminA, parseFilters({}));
    expect(rows.map((r) => r.id)).not.toContain(w.kgA.id);
    const { rows: inactive } = await listKindergartens(adminA, parseFilters({ status: 'inactive' }));
    expect(inactive.map((r) => r.id)).toContain(w.kgA.id);
    expect((await setKindergartenActive(adminA, { id: w.kgA.id, active: 'true' }, db)).ok).toBe(true);
    expect((await db.auditEntry.findMany({ where: { entityId: w.kgA.id }, orderBy: { id: 'asc' } })).map((a) => a.action)).toEqual([
      'kindergarten.deactivated',
      'kindergarten.activated',
    ]);
  });
});

describe('list, filters and export', () => {
  it('filters by paired in the current cycle (either side), by area and search, within scope', async () => {
    const w = await createScopeWorld(db);
    // The cycle the app calls current today (holidays included), made if the database has none.
    const now = new Date();
    const cycle =
      (await getCurrentPeriod(now)).cycle ??
      (await ensureCycle(db, now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1));
    await db.pairing.create({
      data: {
        cycleId: cycle.id,
        supportingId: w.kgA.id,
        assistedId: w.kgA2.id,
        startsOn: new Date(Date.UTC(now.getUTCFullYear() - 1, 8, 1)),
      },
    });
    const lonely = await kgFactory(db, w.countyA.id, { area: 'RURAL', name: `孤单幼儿园 ${uniqueSuffix()}` });
    const admin = await actorFor(db, w.countyAdminA);
    const ids = async (q: Record<string, string>) => (await listKindergartens(admin, parseFilters(q))).rows.map((r) => r.id).sort();
    expect(await ids({ paired: 'yes' })).toEqual(expect.arrayContaining([w.kgA.id, w.kgA2.id].sort()));
    expect(await ids({ paired: 'yes' })).not.toContain(lonely.id);
    expect(await ids({ paired: 'no' })).toContain(lonely.id);
    expect(await ids({ paired: 'no' })).not.toContain(w.kgA.id);
    expect(await ids({ area: 'RURAL', q: '孤单' })).toEqual([lonely.id]);
    // Scope: county A's admin never sees county B, even when asking for it.
    expect(await ids({ county: w.countyB.id })).toEqual([]);
    await db.pairing.deleteMany({ where: { cycleId: cycle.id, supportingId: w.kgA.id } });
  });

  it('exports the filtered list of the admin’s scope only, with headers in the user’s language', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const rows = await listKindergartensForExport(admin, parseFilters({}));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.county.id === w.countyA.id)).toBe(true);
    const zh = { 'kindergartens.code': '代码', 'kindergartens.name': '名称', 'area.RURAL': '农村', 'area.URBAN': '城区' } as Record<
      string,
      string
    >;
    const bytes = await buildKindergartenExport(rows, (k) => zh[k] ?? k, 'zh');
    const sheet = await readXlsx(bytes);
    expect(sheet[0].slice(0, 2)).toEqual(['代码', '名称']);
    const codes = sheet.slice(1).map((r) => r[0]);
    expect(codes).toEqual(expect.arrayContaining([w.kgA.code, w.kgA2.code]));
    expect(codes).not.toContain(w.kgB.code);
    const rural = await listKindergartensForExport(admin, parseFilters({ area: 'RURAL' }));
    expect(rural.map((r) => r.code)).toContain(w.kgA2.code);
    expect(rural.map((r) => r.code)).not.toContain(w.kgA.code);
    // Directors have no export.
    expect(await listKindergartensForExport(await actorFor(db, w.directorA), parseFilters({}))).toEqual([]);
  });

  it('records every export (names and phone numbers leave the system) with its filters and row count', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const exported = { actorId: admin.id, action: 'kindergarten.exported' };
    expect(await db.auditEntry.count({ where: exported })).toBe(0);
    const rows = await exportKindergartens(admin, parseFilters({ area: 'RURAL', q: '孤', page: '3' }), db);
    const audit = await db.auditEntry.findFirstOrThrow({ where: exported });
    expect(audit).toMatchObject({ entityType: 'Kindergarten', countyId: w.countyA.id, actorName: '甲县管理员' });
    // The filters as the list applies them, without the page: the export holds every matching row.
    expect(audit.after).toEqual({ filters: { area: 'RURAL', q: '孤', status: 'active' }, rows: rows.length });
    const all = await exportKindergartens(admin, parseFilters({}), db);
    expect(all.map((r) => r.code)).toEqual(expect.arrayContaining([w.kgA.code, w.kgA2.code]));
    const entries = await db.auditEntry.findMany({ where: exported, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.after)).toEqual([audit.after, { filters: { status: 'active' }, rows: all.length }]);
  });

  it('builds a template whose first sheet has the bilingual headers', async () => {
    const bytes = await buildKindergartenTemplate([{ code: 'X', name: '某县', nameEn: 'Some County' }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['幼儿园 Kindergartens', '说明 Instructions']);
    expect((workbook.worksheets[0].getRow(1).values as string[]).slice(1, 3)).toEqual(['代码 Code', '名称 Name']);
  });
});
