import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz';
import {
  canBeAssisted,
  canSupport,
  capIssues,
  dateIssues,
  leadingGroupIssues,
  normalizeMembers,
  partnerIssues,
  type KindergartenFacts,
} from './rules';
import { diffFields } from '@/lib/conflict';

const kg = (id: string, countyId: string, over: Partial<KindergartenFacts> = {}): KindergartenFacts => ({
  id,
  countyId,
  area: 'URBAN',
  level: 'MUNICIPAL',
  active: true,
  ...over,
});
const city: Actor = { id: 'c', role: 'CITY_ADMIN', kindergartenId: null, countyId: null };
const countyA: Actor = { id: 'a', role: 'COUNTY_ADMIN', kindergartenId: null, countyId: 'A' };
const urban = kg('u', 'A');
const rural = kg('r', 'A', { area: 'RURAL', level: 'NONE' });
const ruralB = kg('rb', 'B', { area: 'RURAL', level: 'NONE' });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('who may be paired', () => {
  it('a demonstration kindergarten supports a rural one', () => {
    expect(partnerIssues(countyA, 'pairing.create', urban, rural)).toEqual([]);
  });

  it('the supporting kindergarten needs a demonstration level', () => {
    expect(codes(partnerIssues(city, 'pairing.create', kg('x', 'A', { level: 'NONE' }), rural))).toEqual(['supporterNotDemonstration']);
    expect(canSupport({ level: 'COUNTY' })).toBe(true);
  });

  it('the assisted kindergarten is rural or has no demonstration level', () => {
    expect(codes(partnerIssues(city, 'pairing.create', urban, kg('y', 'A', { level: 'COUNTY' })))).toEqual(['assistedNotEligible']);
    expect(canBeAssisted({ area: 'URBAN', level: 'NONE' })).toBe(true);
    // A rural demonstration kindergarten may still be assisted.
    expect(canBeAssisted({ area: 'RURAL', level: 'COUNTY' })).toBe(true);
  });

  it('no kindergarten is paired with itself', () => {
    expect(codes(partnerIssues(city, 'pairing.create', urban, urban))).toEqual(['sameKindergarten']);
  });

  it('both kindergartens must be active', () => {
    expect(codes(partnerIssues(city, 'pairing.create', { ...urban, active: false }, { ...rural, active: false }))).toEqual([
      'supportingInactive',
      'assistedInactive',
    ]);
  });

  it('a county admin pairs within the county; the city admin across counties', () => {
    expect(partnerIssues(countyA, 'pairing.create', urban, ruralB)).toEqual([{ code: 'outsideCounty', field: 'assistedId' }]);
    expect(partnerIssues(countyA, 'pairing.create', kg('ub', 'B'), rural)).toEqual([{ code: 'outsideCounty', field: 'supportingId' }]);
    expect(partnerIssues(city, 'pairing.create', urban, ruralB)).toEqual([]);
    const director: Actor = { id: 'd', role: 'DIRECTOR', kindergartenId: 'u', countyId: 'A' };
    expect(codes(partnerIssues(director, 'pairing.create', urban, rural))).toEqual(['outsideCounty']);
  });
});

describe('cap, dates and leading group', () => {
  it('caps the assisted kindergartens per supporter', () => {
    expect(capIssues(1, 2)).toEqual([]);
    expect(capIssues(2, 2)).toEqual([{ code: 'capReached', field: 'supportingId', values: { max: 2 } }]);
    expect(codes(capIssues(1, 1))).toEqual(['capReached']);
  });

  it('keeps dates within the cycle and in order', () => {
    const span = { startsOn: '2025-09-01', endsOn: '2027-07-31' };
    expect(dateIssues(span, '2025-09-01', '2027-07-31')).toEqual([]);
    expect(codes(dateIssues(span, '2025-08-31'))).toEqual(['startOutsideCycle']);
    expect(codes(dateIssues(span, '2027-08-01'))).toEqual(['startOutsideCycle']);
    expect(codes(dateIssues(span, '2026-03-01', '2026-02-28'))).toEqual(['endBeforeStart']);
    expect(codes(dateIssues(span, '2026-03-01', '2027-08-01'))).toEqual(['endOutsideCycle']);
  });

  it('draws the leading group from eligible people', () => {
    const eligible = new Set(['u1', 'u2']);
    expect(leadingGroupIssues(eligible, 'u1', ['u2'])).toEqual([]);
    expect(codes(leadingGroupIssues(eligible, '', []))).toEqual(['leaderRequired']);
    expect(codes(leadingGroupIssues(eligible, 'x', ['u2']))).toEqual(['memberNotEligible']);
    expect(leadingGroupIssues(eligible, 'u1', ['x'])).toEqual([{ code: 'memberNotEligible', field: 'memberIds' }]);
    expect(normalizeMembers('u1', ['u1', 'u2', 'u2'])).toEqual(['u2']);
  });
});

describe('conflict diff', () => {
  it('lists only the fields that differ, theirs beside the current value', () => {
    expect(diffFields(['a', 'b', 'c'], { a: 'x', b: 'same ', c: '' }, { a: 'y', b: 'same', c: 'z' })).toEqual([
      { field: 'a', theirs: 'x', current: 'y' },
      { field: 'c', theirs: '', current: 'z' },
    ]);
    expect(diffFields(['a'], { a: 'line\r\nnext' }, { a: 'line\nnext' })).toEqual([]);
  });
});
