import { describe, expect, it } from 'vitest';
import { can, pairingCountyScope, spotCheckResource, spotCheckWhere, type Actor } from '@/lib/authz';

const city: Actor = { id: 'c', role: 'CITY_ADMIN', kindergartenId: null, countyId: null };
const county: Actor = { id: 'a', role: 'COUNTY_ADMIN', kindergartenId: null, countyId: 'county-a' };
const director: Actor = { id: 'd', role: 'DIRECTOR', kindergartenId: 'kg', countyId: 'county-a' };
const teacher: Actor = { id: 't', role: 'TEACHER', kindergartenId: 'kg', countyId: 'county-a' };

describe('scope of signals and spot checks', () => {
  it('reads the whole city for the city, one county for a county admin, nothing for kindergartens', () => {
    expect(pairingCountyScope(city, 'signals.view')).toEqual({ city: true });
    expect(pairingCountyScope(county, 'signals.view')).toEqual({ countyId: 'county-a' });
    expect(pairingCountyScope({ ...county, countyId: null }, 'signals.view')).toBeNull();
    expect(pairingCountyScope(director, 'signals.view')).toBeNull();
    expect(pairingCountyScope(teacher, 'spotCheck.manage')).toBeNull();
  });

  it('gives a county’s spot checks to its admin and the city, and the city’s own to the city only', () => {
    expect(can(county, 'spotCheck.manage', spotCheckResource({ countyId: 'county-a' }))).toBe(true);
    expect(can(county, 'spotCheck.manage', spotCheckResource({ countyId: 'county-b' }))).toBe(false);
    expect(can(county, 'spotCheck.manage', spotCheckResource({ countyId: null }))).toBe(false);
    expect(can(city, 'spotCheck.manage', spotCheckResource({ countyId: null }))).toBe(true);
    expect(can(director, 'spotCheck.manage', spotCheckResource({ countyId: 'county-a' }))).toBe(false);
    expect(spotCheckWhere(city)).toEqual({});
    expect(spotCheckWhere(county)).toEqual({ countyId: 'county-a' });
    expect(spotCheckWhere(director)).toEqual({ id: { in: [] } });
  });
});
