import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createStaffAccount } from '@/lib/staff/mutations';
import { commitStaffImport, getStaffBatch, previewStaffImport } from '@/lib/staff/import';
import { signInWithPassword } from '@/lib/auth/credentials';
import { actorFor, createScopeWorld, createUser } from '../fixtures/factories';
import { xlsx } from '../fixtures/spreadsheets';

let seq = 0;
/** A mobile number no other test uses: 11 digits starting with 17. */
const mobile = () => `17${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq % 1000).padStart(3, '0')}`;

describe('creating staff accounts', () => {
  it('a county admin creates a director in the county: normalized sign-in and a one-time password that signs in', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const phone = mobile();
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    const r = await createStaffAccount(db, admin, { name: '新园长', phone: spaced, email: ` New.Director.${phone}@Example.CN `, role: 'DIRECTOR', kindergartenId: w.kgA2.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const user = await db.user.findUniqueOrThrow({ where: { id: r.value.id } });
    expect(user).toMatchObject({ phone, email: `new.director.${phone}@example.cn`, role: 'DIRECTOR', kindergartenId: w.kgA2.id, mustChangePassword: true, createdById: admin.id });
    expect(r.value.password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await signInWithPassword(spaced, r.value.password, null)).ok).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: user.id, action: 'user.created' } });
    expect(JSON.stringify(audit.after)).not.toContain(r.value.password);
  });

  it('a county admin cannot create a director in another county; a director cannot create a director', async () => {
    const w = await createScopeWorld(db);
    const adminA = await actorFor(db, w.countyAdminA);
    expect(await createStaffAccount(db, adminA, { name: '越界', phone: mobile(), email: '', role: 'DIRECTOR', kindergartenId: w.kgB.id }))
      .toEqual({ ok: false, kind: 'invalid', fieldErrors: { kindergartenId: ['staff.errors.outOfScope'] } });
    expect(await createStaffAccount(db, adminA, { name: '同级', phone: mobile(), email: '', role: 'COUNTY_ADMIN', regionId: w.countyA.id }))
      .toEqual({ ok: false, kind: 'invalid', fieldErrors: { role: ['staff.errors.roleNotAllowed'] } });
    const director = await actorFor(db, w.directorA);
    expect(await createStaffAccount(db, director, { name: '副园长', phone: mobile(), email: '', role: 'DIRECTOR', kindergartenId: '' }))
      .toEqual({ ok: false, kind: 'invalid', fieldErrors: { role: ['staff.errors.roleNotAllowed'] } });
    // A director's teacher joins their own kindergarten, whatever the form says.
    expect(await createStaffAccount(db, director, { name: '别园老师', phone: mobile(), email: '', role: 'TEACHER', kindergartenId: w.kgB.id }))
      .toEqual({ ok: false, kind: 'invalid', fieldErrors: { kindergartenId: ['staff.errors.outOfScope'] } });
    const ok = await createStaffAccount(db, director, { name: '本园老师', phone: mobile(), email: '', role: 'TEACHER' });
    expect(ok.ok && (await db.user.findUniqueOrThrow({ where: { id: ok.value.id } })).kindergartenId).toBe(w.kgA.id);
    // Teachers create nobody.
    expect(await createStaffAccount(db, await actorFor(db, w.teacherA), { name: 'x', phone: mobile(), email: '', role: 'TEACHER' })).toEqual({ ok: false, kind: 'notFound' });
  });

  it('the city admin creates a county admin; duplicates and bad formats are refused on their field', async () => {
    const w = await createScopeWorld(db);
    const city = await actorFor(db, w.cityAdmin);
    const r = await createStaffAccount(db, city, { name: '县管理员', phone: '', email: `county.${mobile()}@example.cn`, role: 'COUNTY_ADMIN', regionId: w.countyB.id });
    expect(r.ok && (await db.user.findUniqueOrThrow({ where: { id: r.value.id } }))).toMatchObject({ role: 'COUNTY_ADMIN', regionId: w.countyB.id, kindergartenId: null });
    expect(await createStaffAccount(db, city, { name: '重复', phone: w.teacherA.phone!, email: '', role: 'TEACHER', kindergartenId: w.kgA.id }))
      .toEqual({ ok: false, kind: 'invalid', fieldErrors: { phone: ['staff.errors.phoneTaken'] } });
    const bad = await createStaffAccount(db, city, { name: '', phone: '1234', email: 'nope', role: 'TEACHER', kindergartenId: w.kgA.id });
    expect(bad).toEqual({ ok: false, kind: 'invalid', fieldErrors: { name: ['form.errors.required'], phone: ['staff.errors.phone'], email: ['staff.errors.email'] } });
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
    const p = await previewStaffImport(db, admin, { name: 'staff.xlsx', bytes: file });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.errorCount).toBe(0);
    expect((await getStaffBatch(db, admin, p.batchId))!.content.rows.map((r) => r.op)).toEqual(['create', 'update', 'create']);
    const c = await commitStaffImport(db, admin, p.batchId);
    if (!c.ok) throw new Error(JSON.stringify(c));
    expect(c.summary).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(c.summary.accounts.map((a) => a.login)).toEqual([p1, `dir.${p1}@example.cn`]);
    for (const a of c.summary.accounts) expect((await signInWithPassword(a.login, a.password, null)).ok).toBe(true);
    const moved = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(moved).toMatchObject({ name: '新名字', kindergartenId: w.kgA2.id, securityStamp: existing.securityStamp + 1 });
    expect(await db.auditEntry.count({ where: { action: { in: ['user.created', 'user.updated'] }, after: { path: ['importBatchId'], equals: p.batchId } } })).toBe(3);
    expect(await commitStaffImport(db, admin, p.batchId)).toEqual({ ok: false, kind: 'alreadyCommitted' });

    // The same file again: nobody is duplicated.
    const again = await previewStaffImport(db, admin, { name: 'staff.xlsx', bytes: file });
    if (!again.ok) throw new Error(JSON.stringify(again));
    const c2 = await commitStaffImport(db, admin, again.batchId);
    expect(c2).toMatchObject({ ok: true, summary: { created: 0, updated: 0, unchanged: 3, accounts: [] } });
    expect(await db.user.count({ where: { phone: p1 } })).toBe(1);
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
    const p = await previewStaffImport(db, admin, { name: 'bad.xlsx', bytes: file });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const rows = (await getStaffBatch(db, admin, p.batchId))!.content.rows;
    expect(rows.map((r) => r.errors.map((e) => `${r.rowNumber} ${e.column} ${e.message}`)).flat()).toEqual([
      '3 kindergarten staff.errors.outOfScope',
      '4 phone staff.import.accountOutOfScope',
      '5 role staff.import.badRole',
    ]);
    expect(await commitStaffImport(db, admin, p.batchId)).toEqual({ ok: false, kind: 'hasErrors' });
    expect(await db.user.count({ where: { phone: good } })).toBe(0);
  });

  it('a director imports teachers into their own kindergarten only', async () => {
    const w = await createScopeWorld(db);
    const director = await actorFor(db, w.directorA);
    const t1 = mobile();
    const file = await xlsx([['姓名', '手机号', '角色'], ['本园新老师', t1, ''], ['想当园长', mobile(), '园长']]);
    const p = await previewStaffImport(db, director, { name: 'teachers.xlsx', bytes: file });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const rows = (await getStaffBatch(db, director, p.batchId))!.content.rows;
    expect(rows[0].values).toMatchObject({ kindergartenId: w.kgA.id, role: 'TEACHER' });
    expect(rows[1].errors).toEqual([{ column: 'role', message: 'staff.errors.roleNotAllowed' }]);
    const ok = await previewStaffImport(db, director, { name: 'teachers.xlsx', bytes: await xlsx([['姓名', '手机号'], ['本园新老师', t1]]) });
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect(await commitStaffImport(db, director, ok.batchId)).toMatchObject({ ok: true, summary: { created: 1 } });
    expect((await db.user.findUniqueOrThrow({ where: { phone: t1 } })).kindergartenId).toBe(w.kgA.id);
    // Teachers have no import.
    expect(await previewStaffImport(db, await actorFor(db, w.teacherA), { name: 'x.xlsx', bytes: file })).toEqual({ ok: false, kind: 'notFound' });
  });
});
