import { describe, expect, it } from 'vitest';
import { validateKindergartenRows, type CountyRef, type ExistingKindergarten } from './import-rows';
import type { KindergartenColumn } from './columns';

const counties: CountyRef[] = [
  { id: 'c1', code: 'JZ-QH', name: '清河区', nameEn: 'Qinghe District', inScope: true },
  { id: 'c2', code: 'JZ-DS', name: '东山县', nameEn: 'Dongshan County', inScope: false },
];
const base: Record<KindergartenColumn, string> = {
  code: 'qh-10',
  name: '清河区新村幼儿园',
  county: '清河区',
  area: '农村',
  level: '无',
  classCount: '3',
  childCount: '80',
  teacherCount: '6',
  staffCount: '9',
  address: '',
  contactName: '',
  contactPhone: '',
};
const run = (rows: Partial<Record<KindergartenColumn, string>>[], existing = new Map<string, ExistingKindergarten>()) =>
  validateKindergartenRows(
    rows.map((r, i) => ({ rowNumber: i + 2, cells: { ...base, ...r } })),
    { counties, existing },
  );

describe('validateKindergartenRows', () => {
  it('accepts a good row, with county by code, name or English name', () => {
    const rows = run([
      {},
      { code: 'QH-11', county: 'jz-qh' },
      { code: 'QH-12', county: 'Qinghe District', area: 'URBAN', level: 'Provincial' },
    ]);
    expect(rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(rows[0].values).toMatchObject({ code: 'qh-10', countyId: 'c1', area: 'RURAL', level: 'NONE', childCount: 80 });
    expect(rows[2].values).toMatchObject({ area: 'URBAN', level: 'PROVINCIAL' });
    expect(rows.map((r) => r.op)).toEqual(['create', 'create', 'create']);
  });

  it('names the row, the column and the reason of each problem', () => {
    const rows = run([
      { name: '' },
      { code: 'QH-20', county: '北山县' },
      { code: 'QH-21', county: '东山县' },
      { code: 'QH-22', area: '郊区', level: '国家级' },
      { code: 'QH-23', teacherCount: '12' },
      { code: 'QH-24', childCount: '-3' },
    ]);
    const errs = rows.map((r) => r.errors.map((e) => `${r.rowNumber}:${e.column}:${e.message}`));
    expect(errs).toEqual([
      ['2:name:kindergartens.import.required'],
      ['3:county:kindergartens.import.unknownCounty'],
      ['4:county:kindergartens.import.countyOutOfScope'],
      ['5:area:kindergartens.import.badArea', '5:level:kindergartens.import.badLevel'],
      ['6:teacherCount:kindergartens.errors.teachersOverStaff'],
      ['7:childCount:form.errors.notANumber'],
    ]);
    expect(rows.every((r) => r.values === null && r.op === null)).toBe(true);
  });

  it('flags a code repeated in the file, pointing at the first row', () => {
    const rows = run([{ code: 'QH-30' }, { code: 'qh-30 ' }]);
    expect(rows[0].errors).toEqual([]);
    expect(rows[1].errors).toEqual([{ column: 'code', message: 'kindergartens.import.duplicateCode', params: { row: 2 } }]);
  });

  it('updates a known code, skips an unchanged one, refuses one outside the scope', () => {
    const known = (code: string, inScope: boolean, over = {}): [string, ExistingKindergarten] => [
      code,
      {
        id: code,
        inScope,
        code,
        name: base.name,
        countyId: 'c1',
        area: 'RURAL',
        level: 'NONE',
        address: '',
        contactName: '',
        contactPhone: '',
        classCount: 3,
        childCount: 80,
        teacherCount: 6,
        staffCount: 9,
        ...over,
      },
    ];
    const existing = new Map([known('QH-40', true), known('QH-41', true, { name: '旧名' }), known('DS-40', false)]);
    const rows = run([{ code: 'QH-40' }, { code: 'QH-41' }, { code: 'DS-40' }], existing);
    expect(rows.map((r) => r.op)).toEqual(['unchanged', 'update', null]);
    expect(rows[2].errors).toEqual([{ column: 'code', message: 'kindergartens.import.codeOutOfScope' }]);
  });
});
