import { describe, expect, it } from 'vitest';
import { validateStaffRows, type ExistingAccount, type StaffRowContext } from './import-rows';
import type { StaffColumn } from './columns';

const kgs = new Map([
  ['QH-01', { id: 'k1', countyId: 'c1', active: true, inScope: true }],
  ['DS-01', { id: 'k2', countyId: 'c2', active: true, inScope: false }],
  ['QH-09', { id: 'k3', countyId: 'c1', active: false, inScope: true }],
]);
const ctx = (over: Partial<StaffRowContext> = {}): StaffRowContext => ({
  kindergartens: kgs,
  ownKindergarten: null,
  byPhone: new Map(),
  byEmail: new Map(),
  allowedRoles: ['DIRECTOR', 'TEACHER'],
  ...over,
});
const base: Record<StaffColumn, string> = { name: '李华', phone: '138 0000 1111', email: '', role: '教师', kindergarten: 'qh-01' };
const run = (rows: Partial<Record<StaffColumn, string>>[], c = ctx()) =>
  validateStaffRows(
    rows.map((r, i) => ({ rowNumber: i + 2, cells: { ...base, ...r } })),
    c,
  );
const errs = (rows: ReturnType<typeof run>) => rows.map((r) => r.errors.map((e) => `${e.column}:${e.message}`));

describe('validateStaffRows', () => {
  it('normalizes a good row', () => {
    const [row] = run([{ email: ' Li@Example.CN ' }]);
    expect(row.errors).toEqual([]);
    expect(row.values).toEqual({
      name: '李华',
      phone: '13800001111',
      email: 'li@example.cn',
      role: 'TEACHER',
      kindergartenId: 'k1',
      countyId: 'c1',
      existingId: null,
    });
    expect(row.op).toBe('create');
  });

  it('reports bad phones, e-mails, roles, kindergartens and duplicates', () => {
    const rows = run([
      { phone: '12345' },
      { phone: '', email: 'not-an-email' },
      { phone: '', email: '' },
      { phone: '13800002222', role: '局长' },
      { phone: '13800003333', kindergarten: 'DS-01' },
      { phone: '13800004444', kindergarten: 'XX-99' },
      { phone: '13800005555', kindergarten: 'QH-09' },
      { phone: '138-0000-2222', role: '市教育局管理员' },
    ]);
    expect(errs(rows)).toEqual([
      ['phone:staff.errors.phone'],
      ['email:staff.errors.email'],
      ['phone:staff.errors.loginRequired'],
      ['role:staff.import.badRole'],
      ['kindergarten:staff.errors.outOfScope'],
      ['kindergarten:staff.import.unknownKindergarten'],
      ['kindergarten:staff.errors.kindergartenInactive'],
      ['role:staff.import.badRole', 'phone:staff.import.duplicatePhone'],
    ]);
  });

  it('a director may only create teachers, by default in their own kindergarten', () => {
    const own = { id: 'k1', countyId: 'c1', active: true, inScope: true };
    const rows = run(
      [{ kindergarten: '' }, { phone: '13800006666', role: '园长' }],
      ctx({ allowedRoles: ['TEACHER'], ownKindergarten: own }),
    );
    expect(rows[0].values?.kindergartenId).toBe('k1');
    expect(errs(rows)[1]).toEqual(['role:staff.errors.roleNotAllowed']);
  });

  it('matches known accounts on phone or e-mail, within scope and role', () => {
    const mine: ExistingAccount = { id: 'u1', name: '李华', role: 'TEACHER', kindergartenId: 'k1', inScope: true };
    const theirs: ExistingAccount = { id: 'u2', name: '王', role: 'TEACHER', kindergartenId: 'k2', inScope: false };
    const boss: ExistingAccount = { id: 'u3', name: '赵', role: 'DIRECTOR', kindergartenId: 'k1', inScope: true };
    const c = ctx({
      byPhone: new Map([
        ['13800001111', mine],
        ['13900000002', theirs],
        ['13900000003', boss],
      ]),
      byEmail: new Map([['x@y.cn', boss]]),
    });
    expect(run([{}], c)[0].op).toBe('unchanged');
    expect(errs(run([{ phone: '13900000002' }], c))).toEqual([['phone:staff.import.accountOutOfScope']]);
    expect(errs(run([{ phone: '13900000003' }], c))).toEqual([['role:staff.import.roleChange']]);
    expect(errs(run([{ email: 'x@y.cn' }], c))).toEqual([['email:staff.import.twoAccounts']]);
    const renamed = run([{ name: '李华华' }], c)[0];
    expect(renamed).toMatchObject({ op: 'update', values: { existingId: 'u1', name: '李华华' } });
  });
});
