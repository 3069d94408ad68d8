import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, countyWhere, type Action, type Actor, type Resource } from './authz';
import type { Role } from '@/generated/prisma/enums';

/**
 * Every role × every permission × where the record lies. Each cell is spelled out:
 *   Y = allowed, - = denied, for [own scope, sibling kindergarten in the same county, another county].
 * Signed out is denied everywhere (checked below). A new permission without rows here fails the suite.
 */
const EXPECTED: Record<Action, Record<Role, string>> = {
  'account.updateOwn': { CITY_ADMIN: 'Y--', COUNTY_ADMIN: 'Y--', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'audit.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'user.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'user.create': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'user.import': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'user.resetPassword': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'user.setActive': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'kindergarten.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'kindergarten.create': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'kindergarten.update': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'kindergarten.updateProfile': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'kindergarten.setActive': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'kindergarten.import': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'kindergarten.export': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'cycle.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'settings.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'pairing.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'pairing.create': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'pairing.update': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'pairing.end': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'pairing.rollover': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'activity.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'activity.create': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'activity.update': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'activity.cancel': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'activity.confirm': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'activity.confirmReceipt': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'request.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'request.create': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'request.close': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'request.answer': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'mentor.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'mentor.manage': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'mentor.logSession': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'lesson.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'lesson.create': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'lesson.update': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'lesson.evaluate': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'paper.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'paper.create': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'paper.update': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'paper.confirm': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'programme.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'programme.manage': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'programme.record': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'annualPlan.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'annualPlan.edit': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'annualPlan.comment': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'annualPlan.review': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'annualPlan.status': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'annualPlan.setDueDates': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'apiToken.manage': { CITY_ADMIN: 'Y--', COUNTY_ADMIN: 'Y--', DIRECTOR: 'Y--', TEACHER: '---' },
  'evidence.attach': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'evidence.delete': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'evidence.duplicates': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'archive.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'effectTests.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'effectTests.export': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'effectTests.configure': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'assessment.inspect': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'assessment.attest': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'inspection.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'inspection.record': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'checklist.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'rectification.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'rectification.open': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'rectification.answer': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'rectification.review': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'spotCheck.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'signals.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'period.close': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'lateCorrection.review': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'bulletin.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'bulletin.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YYY', DIRECTOR: 'YYY', TEACHER: 'YYY' },
  'serviceRecord.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: 'Y--' },
  'commendation.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: '---', DIRECTOR: '---', TEACHER: '---' },
  'commendation.nominate': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'commendation.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YYY', DIRECTOR: 'YYY', TEACHER: 'YYY' },
  'measurement.record': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'measurement.confirm': { CITY_ADMIN: '---', COUNTY_ADMIN: '---', DIRECTOR: 'Y--', TEACHER: '---' },
  'cycleReview.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'Y--', TEACHER: '---' },
  'cycleSummary.manage': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: '---', TEACHER: '---' },
  'cycleSummary.view': { CITY_ADMIN: 'YYY', COUNTY_ADMIN: 'YY-', DIRECTOR: 'YY-', TEACHER: 'YY-' },
  'notification.view': { CITY_ADMIN: 'Y--', COUNTY_ADMIN: 'Y--', DIRECTOR: 'Y--', TEACHER: 'Y--' },
};

const ACTORS: Record<Role, Actor> = {
  CITY_ADMIN: { id: 'u-city', role: 'CITY_ADMIN', kindergartenId: null, countyId: null },
  COUNTY_ADMIN: { id: 'u-county', role: 'COUNTY_ADMIN', kindergartenId: null, countyId: 'county-A' },
  DIRECTOR: { id: 'u-director', role: 'DIRECTOR', kindergartenId: 'kg-A1', countyId: 'county-A' },
  TEACHER: { id: 'u-teacher', role: 'TEACHER', kindergartenId: 'kg-A1', countyId: 'county-A' },
};

// Records are owned by a teacher account so that rank rules never hide a scope decision.
function place(actor: Actor, where: 'own' | 'sibling' | 'otherCounty'): Resource {
  switch (where) {
    case 'own':
      return { countyId: 'county-A', kindergartenIds: ['kg-A1'], ownerId: actor.id, role: 'TEACHER' };
    case 'sibling':
      return { countyId: 'county-A', kindergartenIds: ['kg-A2'], ownerId: 'someone-else', role: 'TEACHER' };
    case 'otherCounty':
      return { countyId: 'county-B', kindergartenIds: ['kg-B1'], ownerId: 'someone-else', role: 'TEACHER' };
  }
}

const PLACES = ['own', 'sibling', 'otherCounty'] as const;

describe('permission table', () => {
  it('has expectations for every permission and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      PLACES.forEach((where, i) => {
        const allowed = EXPECTED[action][role][i] === 'Y';
        it(`${action} · ${role} · ${where} → ${allowed ? 'allowed' : 'denied'}`, () => {
          const actor = ACTORS[role];
          expect(can(actor, action, place(actor, where))).toBe(allowed);
        });
      });
    }
    it(`${action} · signed out → denied`, () => {
      for (const where of PLACES) expect(can(null, action, place(ACTORS.TEACHER, where))).toBe(false);
    });
  }
});

describe('records that span two counties or two kindergartens', () => {
  const crossCounty: Resource = { countyIds: ['county-B', 'county-A'], kindergartenIds: ['kg-B1', 'kg-A1'] };
  it('are in scope for each county and each kindergarten involved', () => {
    expect(can(ACTORS.COUNTY_ADMIN, 'pairing.view', crossCounty)).toBe(true);
    expect(can(ACTORS.DIRECTOR, 'pairing.view', crossCounty)).toBe(true);
    expect(can(ACTORS.TEACHER, 'pairing.view', crossCounty)).toBe(true);
  });
  it('are out of scope for a third county and kindergarten', () => {
    const elsewhere: Resource = { countyIds: ['county-B', 'county-C'], kindergartenIds: ['kg-B1', 'kg-C1'] };
    expect(can(ACTORS.COUNTY_ADMIN, 'pairing.view', elsewhere)).toBe(false);
    expect(can(ACTORS.DIRECTOR, 'pairing.view', elsewhere)).toBe(false);
  });
});

describe('records with several owners', () => {
  const teacher = ACTORS.TEACHER;
  it('let each owner act under a self rule, and nobody else', () => {
    const lesson: Resource = { kindergartenIds: ['kg-B1'], countyIds: ['county-B'], ownerIds: ['mentor-1', teacher.id] };
    expect(can(teacher, 'lesson.evaluate', lesson)).toBe(true);
    expect(can(teacher, 'lesson.evaluate', { ...lesson, ownerIds: ['mentor-1'] })).toBe(false);
  });
  it('give a teacher no confirmation rights even inside their own kindergarten', () => {
    const ownSide: Resource = { kindergartenIds: ['kg-A1'], countyIds: ['county-A'], ownerId: teacher.id };
    expect(can(teacher, 'activity.confirm', ownSide)).toBe(false);
    expect(can(teacher, 'activity.confirmReceipt', ownSide)).toBe(false);
    expect(can(teacher, 'paper.confirm', ownSide)).toBe(false);
  });
});

describe('evidence files', () => {
  it('are removed by the uploader or a director of the owning kindergarten, not by a colleague teacher', () => {
    const file: Resource = { kindergartenIds: ['kg-A1'], countyIds: ['county-A'], ownerId: 'u-other-teacher' };
    expect(can(ACTORS.TEACHER, 'evidence.delete', file)).toBe(false);
    expect(can(ACTORS.TEACHER, 'evidence.delete', { ...file, ownerId: ACTORS.TEACHER.id })).toBe(true);
    expect(can(ACTORS.DIRECTOR, 'evidence.delete', file)).toBe(true);
  });
});

describe('rank rules for account management', () => {
  const countyAdmin = ACTORS.COUNTY_ADMIN;
  const inCounty = (role: Role): Resource => ({ countyId: 'county-A', kindergartenIds: [], ownerId: 'x', role });

  it('lets a director create and deactivate teachers, but not other directors', () => {
    const director = ACTORS.DIRECTOR;
    const inKg = (role: Role): Resource => ({ countyId: 'county-A', kindergartenIds: ['kg-A1'], ownerId: 'x', role });
    expect(can(director, 'user.create', inKg('TEACHER'))).toBe(true);
    expect(can(director, 'user.create', inKg('DIRECTOR'))).toBe(false);
    expect(can(director, 'user.setActive', inKg('DIRECTOR'))).toBe(false);
  });

  it('lets an admin manage directors and teachers of the scope', () => {
    expect(can(countyAdmin, 'user.resetPassword', inCounty('DIRECTOR'))).toBe(true);
    expect(can(countyAdmin, 'user.setActive', inCounty('TEACHER'))).toBe(true);
  });

  it('refuses an admin managing an equal or higher rank', () => {
    expect(can(countyAdmin, 'user.resetPassword', inCounty('COUNTY_ADMIN'))).toBe(false);
    expect(can(countyAdmin, 'user.setActive', inCounty('CITY_ADMIN'))).toBe(false);
    expect(can(ACTORS.CITY_ADMIN, 'user.setActive', inCounty('CITY_ADMIN'))).toBe(false);
    expect(can(ACTORS.CITY_ADMIN, 'user.setActive', inCounty('COUNTY_ADMIN'))).toBe(true);
  });

  it('treats a county admin without a county as having no county scope', () => {
    const stray: Actor = { ...countyAdmin, countyId: null };
    expect(can(stray, 'audit.view', { countyId: null })).toBe(false);
  });
});

describe('counties offered in forms and filters', () => {
  const actor = (role: Role, countyId: string | null): Actor => ({
    id: 'u',
    role,
    kindergartenId: role === 'DIRECTOR' ? 'kg' : null,
    countyId,
  });
  it('every county for the city, the own one for a county admin, none for a kindergarten', () => {
    expect(countyWhere(actor('CITY_ADMIN', null))).toEqual({ kind: 'COUNTY' });
    expect(countyWhere(actor('COUNTY_ADMIN', 'c1'), 'kindergarten.create')).toEqual({ kind: 'COUNTY', id: 'c1' });
    expect(countyWhere(actor('DIRECTOR', 'c1'))).toEqual({ id: { in: [] } });
    // A county admin with no region recorded sees no county rather than all of them.
    expect(countyWhere(actor('COUNTY_ADMIN', null))).toEqual({ kind: 'COUNTY', id: '' });
  });
});
