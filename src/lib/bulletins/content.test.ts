import { describe, expect, it } from 'vitest';
import { buildContent, judgePairing, type PairingInput } from './content';

const met5 = ['MET', 'MET', 'MET', 'MET', 'MET'];

describe('whom a bulletin commends and asks to improve', () => {
  it('commends every test met with a good grade, and nothing less', () => {
    expect(judgePairing({ statuses: met5, grade: 'EXCELLENT', overdueRectifications: 0 })).toEqual({ verdict: 'commend', reasons: [] });
    expect(judgePairing({ statuses: met5, grade: 'GOOD', overdueRectifications: 0 }).verdict).toBe('commend');
    // A pass is no good grade, and without an inspection there is no grade at all.
    expect(judgePairing({ statuses: met5, grade: 'PASS', overdueRectifications: 0 }).verdict).toBeNull();
    expect(judgePairing({ statuses: met5, grade: null, overdueRectifications: 0 }).verdict).toBeNull();
    // One test missed is no longer "all met".
    expect(
      judgePairing({ statuses: ['MET', 'MET', 'MET', 'MET', 'MISSED'], grade: 'EXCELLENT', overdueRectifications: 0 }).verdict,
    ).toBeNull();
    // Tests that do not apply are left out: the rest met is all met.
    expect(judgePairing({ statuses: ['MET', 'NOT_APPLICABLE'], grade: 'GOOD', overdueRectifications: 0 }).verdict).toBe('commend');
    expect(judgePairing({ statuses: ['NOT_APPLICABLE', 'NOT_APPLICABLE'], grade: 'GOOD', overdueRectifications: 0 }).verdict).toBeNull();
  });

  it('asks to improve when most tests were missed: more than half, not half', () => {
    expect(judgePairing({ statuses: ['MISSED', 'MISSED', 'MISSED', 'MET', 'MET'], grade: null, overdueRectifications: 0 })).toEqual({
      verdict: 'improve',
      reasons: ['mostMissed'],
    });
    expect(judgePairing({ statuses: ['MISSED', 'MISSED', 'MET', 'MET'], grade: null, overdueRectifications: 0 }).verdict).toBeNull();
    expect(
      judgePairing({ statuses: ['MISSED', 'MISSED', 'MET', 'MET', 'NOT_APPLICABLE'], grade: null, overdueRectifications: 0 }).verdict,
    ).toBeNull();
  });

  it('asks to improve for an overdue rectification or a failed inspection, even with every test met', () => {
    expect(judgePairing({ statuses: met5, grade: 'EXCELLENT', overdueRectifications: 1 })).toEqual({
      verdict: 'improve',
      reasons: ['overdueRectifications'],
    });
    expect(judgePairing({ statuses: met5, grade: 'FAIL', overdueRectifications: 0 })).toEqual({
      verdict: 'improve',
      reasons: ['failGrade'],
    });
    expect(judgePairing({ statuses: ['MISSED', 'MISSED'], grade: 'FAIL', overdueRectifications: 2 }).reasons).toEqual([
      'mostMissed',
      'overdueRectifications',
      'failGrade',
    ]);
  });
});

describe('the content of a bulletin', () => {
  const county = (code: string, name: string) => ({ code, name, nameEn: null });
  const pairing = (over: Partial<PairingInput>): PairingInput => ({
    county: county('QH', '清河区'),
    supporting: { name: '实验幼儿园', county: '清河区' },
    assisted: { name: '柳湾幼儿园', county: '清河区' },
    results: { S1: 'MET', S2: 'MET' },
    inspections: [],
    overdueRectifications: 0,
    ...over,
  });

  it('groups pairings by county, takes the latest grade in the period, and counts per county', () => {
    const c = buildContent({
      period: {
        key: '2025-SPRING',
        kind: 'SEMESTER',
        academicYear: 2025,
        term: 'SPRING',
        startsOn: '2026-02-01',
        endsOn: '2026-07-31',
        closedAt: 'x',
      },
      asOf: '2026-09-01',
      tests: ['S1', 'S2'],
      counties: [
        { ...county('QH', '清河区'), overdueRectifications: 1 },
        { ...county('DS', '东山县'), overdueRectifications: 0 },
      ],
      pairings: [
        pairing({
          county: county('DS', '东山县'),
          supporting: { name: '东山实验', county: '东山县' },
          results: { S1: 'MISSED', S2: 'MISSED' },
        }),
        pairing({
          inspections: [
            { on: '2026-05-01', grade: 'PASS' },
            { on: '2026-03-01', grade: 'FAIL' },
            { on: '2026-06-10', grade: 'GOOD' },
          ],
        }),
        pairing({ supporting: { name: '机关幼儿园', county: '清河区' }, results: { S1: 'MET' }, overdueRectifications: 1 }),
      ],
    });
    expect(c.pairings.map((p) => [p.county, p.supporting.name])).toEqual([
      ['QH', '机关幼儿园'],
      ['QH', '实验幼儿园'],
      ['DS', '东山实验'],
    ]);
    const shiyan = c.pairings[1];
    expect(shiyan).toMatchObject({ grade: 'GOOD', verdict: 'commend', met: ['S1', 'S2'], missed: [] });
    expect(shiyan.inspections.map((i) => i.on)).toEqual(['2026-03-01', '2026-05-01', '2026-06-10']);
    // A test the period has but the pairing lacks shows as not applicable.
    expect(c.pairings[0].results).toEqual({ S1: 'MET', S2: 'NOT_APPLICABLE' });
    expect(c.pairings[0]).toMatchObject({ verdict: 'improve', reasons: ['overdueRectifications'] });
    expect(c.pairings[2]).toMatchObject({ verdict: 'improve', reasons: ['mostMissed'], missed: ['S1', 'S2'] });
    expect(c.counties).toEqual([
      {
        code: 'QH',
        name: '清河区',
        nameEn: null,
        pairings: 2,
        allMet: 2,
        commended: 1,
        toImprove: 1,
        missedTests: 0,
        overdueRectifications: 1,
        grades: { EXCELLENT: 0, GOOD: 1, PASS: 0, FAIL: 0 },
      },
      {
        code: 'DS',
        name: '东山县',
        nameEn: null,
        pairings: 1,
        allMet: 0,
        commended: 0,
        toImprove: 1,
        missedTests: 2,
        overdueRectifications: 0,
        grades: { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 },
      },
    ]);
  });
});
