import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createStaffAccount } from '@/lib/staff/commands';
import { commitStaffImport, getStaffBatch, previewStaffImport } from '@/lib/staff/import';
import { signInWithPassword } from '@/lib/auth/credentials';
import { actorFor, createScopeWorld, createUser } from '../fixtures/factories';
import { xlsx } from '../fixtures/spreadsheets';
import ExcelJS from 'exceljs';
import { buildStaffTemplate } from '@/lib/staff/spreadsheets';

let seq = 0;
/** A mobile number no other test uses: 11 digits starting with 17. */
/** The import form's field, as the server action receives it. */
const upload = (bytes: Uint8Array, name: string) => ({ file: new File([new Uint8Array(bytes)], name) });
const mobile = () => `17${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq % 1000).padStart(3, '0')}`;

describe('creating staff accounts', () => {
  it('a county admin creates a director in the county: normalized sign-in and a one-time password that signs in', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const phone = mobile();
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    const r = await createStaffAccount(
      admin,
      { name: '新园长', phone: spaced, email: ` New.Director.${phone}@Example.CN `, role: 'DIRECTOR', kindergartenId: w.kgA2.id },
      db,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const user = await db.user.findUniqueOrThrow({ where: { id: r.value.id } });
    expect(user).toMatchObject({
      phone,
      email: `new.director.${phone}@example.cn`,
      role: 'DIRECTOR',
      kindergartenId: w.kgA2.id,
      mustChangePassword: true,
      createdById: admin.id,
    });
    expect(r.value.password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await signInWithPassword(spaced, r.value.password, null)).ok).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: user.id, action: 'user.created' } });
    expect(JSON.stringify(audit.after)).not.toContain(r.value.password);
  });

  it('a county admin cannot create a director in another county; a director cannot create a director', async () => {
    const w = await createScopeWorld(db);
    const adminA = await actorFor(db, w.countyAdminA);
    expect(
      await createStaffAccount(adminA, { name: '越界', phone: mobile(), email: '', role: 'DIRECTOR', kindergartenId: w.kgB.id }, db),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { kindergartenId: ['staff.errors.outOfScope'] } });
    expect(
      await createStaffAccount(adminA, { name: '同级', phone: mobile(), email: '', role: 'COUNTY_ADMIN', regionId: w.countyA.id }, db),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { role: ['staff.errors.roleNotAllowed'] } });
    const director = await actorFor(db, w.directorA);
    expect(
      await createStaffAccount(director, { name: '副园长', phone: mobile(), email: '', role: 'DIRECTOR', kindergartenId: '' }, db),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { role: ['staff.errors.roleNotAllowed'] } });
    // A director's teacher joins their own kindergarten, whatever the form says.
    expect(
      await createStaffAccount(director, { name: '别园老师', phone: mobile(), email: '', role: 'TEACHER', kindergartenId: w.kgB.id }, db),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { kindergartenId: ['staff.errors.outOfScope'] } });
    const ok = await createStaffAccount(director, { name: '本园老师', phone: mobile(), email: '', role: 'TEACHER' }, db);
    expect(ok.ok && (await db.user.findUniqueOrThrow({ where: { id: ok.value.id } })).kindergartenId).toBe(w.kgA.id);
    // Teachers create nobody.
    expect(
      await createStaffAccount(await actorFor(db, w.teacherA), { name: 'x', phone: mobile(), email: '', role: 'TEACHER' }, db),
    ).toEqual({ ok: false, error: 'notFound' });
  });

  it('the city admin creates a county admin; duplicates and bad formats are refused on their field', async () => {
    const w = await createScopeWorld(db);
    const city = await actorFor(db, w.cityAdmin);
    const r = await createStaffAccount(
      city,
      { name: '县管理员', phone: '', email: `county.${mobile()}@example.cn`, role: 'COUNTY_ADMIN', regionId: w.countyB.id },
      db,
    );
    expect(r.ok && (await db.user.findUniqueOrThrow({ where: { id: r.value.id } }))).toMatchObject({
      role: 'COUNTY_ADMIN',
      regionId: w.countyB.id,
      kindergartenId: null,
    });
    expect(
      await createStaffAccount(city, { name: '重复', phone: w.teacherA.phone!, email: '', role: 'TEACHER', kindergartenId: w.kgA.id }, db),
    ).toEqual({ ok: false, error: 'invalid', fieldErrors: { phone: ['staff.errors.phoneTaken'] } });
    const bad = await createStaffAccount(city, { name: '', phone: '1234', email: 'nope', role: 'TEACHER', kindergartenId: w.kgA.id }, db);
    expect(bad).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { name: ['form.errors.required'], phone: ['staff.errors.phone'], email: ['staff.errors.email'] },
    });
  });
});

describe('staff import', () => {
  it('creates and updates all rows or none, matching on phone or e-mail; returns one-time passwords once', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const existing = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA.id, name: '旧名字', phone: mobile() });
    const p1 = mobile();
    const file = await xlsx([
      ['姓名 Name', '手机号 Phone', '邮箱 E-mail', '角色 Role', '幼儿园代码 Kindergarten code'],
      ['新老师', `${p1.slice(0, 3)}-${p1.slice(3)}`, '', '教师', w.kgA2.code.toLowerCase()],
      ['新名字', existing.phone, '', '', w.kgA2.code],
      ['新园长', '', `Dir.${p1}@Example.cn`, '园长', w.kgA2.code],
    ]);
    const p = await previewStaffImport(admin, upload(file, 'staff.xlsx'), db);
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.value.errorCount).toBe(0);
    expect((await getStaffBatch(db, admin, p.value.batchId))!.content.rows.map((r) => r.op)).toEqual(['create', 'update', 'create']);
    const c = await commitStaffImport(admin, { batchId: p.value.batchId }, db);
    if (!c.ok) throw new Error(JSON.stringify(c));
    expect(c.value).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(c.value.accounts.map((a) => a.login)).toEqual([p1, `dir.${p1}@example.cn`]);
    for (const a of c.value.accounts) expect((await signInWithPassword(a.login, a.password, null)).ok).toBe(true);
    const moved = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(moved).toMatchObject({ name: '新名字', kindergartenId: w.kgA2.id, securityStamp: existing.securityStamp + 1 });
    expect(
      await db.auditEntry.count({
        where: { action: { in: ['user.created', 'user.updated'] }, after: { path: ['importBatchId'], equals: p.value.batchId } },
      }),
    ).toBe(3);
    expect(await commitStaffImport(admin, { batchId: p.value.batchId }, db)).toEqual({
      ok: false,
      error: 'wrongState',
      message: 'kindergartens.import.commit_alreadyCommitted',
    });

    // The same file again: nobody is duplicated.
    const again = await previewStaffImport(admin, upload(file, 'staff.xlsx'), db);
    if (!again.ok) throw new Error(JSON.stringify(again));
    const c2 = await commitStaffImport(admin, { batchId: again.value.batchId }, db);
    expect(c2).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: 3, accounts: [] } });
    expect(await db.user.count({ where: { phone: p1 } })).toBe(1);
  });

  it('round-trips the template: its example row is shown but never imported', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildStaffTemplate()) as never);
    expect(String(workbook.worksheets[0].getRow(2).getCell(1).value)).toMatch(/^示例/);
    const phone = mobile();
    workbook.worksheets[0].addRow(['模板老师', phone, '', '教师', w.kgA2.code]);
    const p = await previewStaffImport(admin, upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'staff.xlsx'), db);
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.value.errorCount).toBe(0);
    expect((await getStaffBatch(db, admin, p.value.batchId))!.content.rows.map((r) => r.values?.name)).toEqual(['模板老师']);
  });

  it('imports nothing when a row is wrong, and refuses accounts and kindergartens outside the scope', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const good = mobile();
    const file = await xlsx([
      ['Name', 'Phone', 'Role', 'Kindergarten code'],
      ['好人', good, 'teacher', w.kgA.code],
      ['别县的', mobile(), 'teacher', w.kgB.code],
      ['借号', w.teacherB.phone, 'teacher', w.kgA.code],
      ['想当局长', mobile(), '县区教育局管理员', w.kgA.code],
    ]);
    const p = await previewStaffImport(admin, upload(file, 'bad.xlsx'), db);
    if (!p.ok) throw new Error(JSON.stringify(p));
    const rows = (await getStaffBatch(db, admin, p.value.batchId))!.content.rows;
    expect(rows.map((r) => r.errors.map((e) => `${r.rowNumber} ${e.column} ${e.message}`)).flat()).toEqual([
      '3 kindergarten staff.errors.outOfScope',
      '4 phone staff.import.accountOutOfScope',
      '5 role staff.import.badRole',
    ]);
    expect(await commitStaffImport(admin, { batchId: p.value.batchId }, db)).toEqual({
      ok: false,
      error: 'wrongState',
      message: 'kindergartens.import.commit_hasErrors',
    });
    expect(await db.user.count({ where: { phone: good } })).toBe(0);
  });

  it('a director imports teachers into their own kindergarten only', async () => {
    const w = await createScopeWorld(db);
    const director = await actorFor(db, w.directorA);
    const t1 = mobile();
    const file = await xlsx([
      ['姓名', '手机号', '角色'],
      ['本园新老师', t1, ''],
      ['想当园长', mobile(), '园长'],
    ]);
    const p = await previewStaffImport(director, upload(file, 'teachers.xlsx'), db);
    if (!p.ok) throw new Error(JSON.stringify(p));
    const rows = (await getStaffBatch(db, director, p.value.batchId))!.content.rows;
    expect(rows[0].values).toMatchObject({ kindergartenId: w.kgA.id, role: 'TEACHER' });
    expect(rows[1].errors).toEqual([{ column: 'role', message: 'staff.errors.roleNotAllowed' }]);
    const ok = await previewStaffImport(
      director,
      upload(
        await xlsx([
          ['姓名', '手机号'],
          ['本园新老师', t1],
        ]),
        'teachers.xlsx',
      ),
      db,
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect(await commitStaffImport(director, { batchId: ok.value.batchId }, db)).toMatchObject({ ok: true, value: { created: 1 } });
    expect((await db.user.findUniqueOrThrow({ where: { phone: t1 } })).kindergartenId).toBe(w.kgA.id);
    // Teachers have no import.
    expect(await previewStaffImport(await actorFor(db, w.teacherA), upload(file, 'x.xlsx'), db)).toEqual({ ok: false, error: 'notFound' });
  });
});
