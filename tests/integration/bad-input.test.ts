/**
 * Bad input is refused with a message and changes nothing; it never reaches PostgreSQL, which
 * answers a NUL in text or an impossible date with an error (a 500 before).
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { saveActivity } from '@/lib/activities/commands';
import { saveLesson } from '@/lib/lessons/commands';
import { createStaffAccount } from '@/lib/staff/commands';
import { issueToken } from '@/lib/api-tokens/commands';
import { uploadEvidence } from '@/lib/evidence/commands';
import { listKindergartens } from '@/lib/kindergartens/queries';
import { parseFilters } from '@/lib/kindergartens/filters';
import { listUsers } from '@/lib/users/queries';
import { parseUserFilters } from '@/lib/users/filters';
import { listPairings } from '@/lib/pairings/queries';
import { parsePairingFilters } from '@/lib/pairings/filters';
import { listActivities } from '@/lib/activities/queries';
import { ActivityFilters } from '@/lib/activities/schemas';
import { loadDashboard } from '@/lib/effect-tests/dashboard';
import { parseDashboardFilters } from '@/lib/effect-tests/filters';
import { GET as apiKindergartens } from '@/app/api/v1/kindergartens/route';
import { GET as apiPairing } from '@/app/api/v1/pairings/[id]/route';
import { GET as apiActivities } from '@/app/api/v1/activities/route';
import { actorFor } from '../fixtures/factories';
import { createPairingWorld } from '../fixtures/activity-factories';

const signedIn = vi.hoisted(() => ({ user: null as unknown }));
// The real route guards (requireRouteUser, denyRoute and the audit they write) over a stand-in sign-in.
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => (signedIn.user ? { sid: 'test' } : null) }));
vi.mock('@/lib/auth/sessions', () => ({ validateSession: async () => (signedIn.user ? { user: signedIn.user } : { ended: 'missing' }) }));

const NUL = '\u0000';

describe('server actions: NUL, impossible dates and numbers are refused before the database', () => {
  it('an activity with a NUL in its title or record, class hours 0x10, or the date 2026-02-30 is refused and nothing is written', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const base = {
      pairingId: w.pairingA.id,
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      targetArea: 'TEACHERS',
      status: 'DONE',
      title: '送教',
      startDate: '2026-03-05',
      startTime: '09:00',
      classHours: '2',
    };
    const before = await db.activity.count({ where: { pairingId: w.pairingA.id } });
    const now = new Date('2026-03-10T04:00:00Z');
    expect(await saveActivity(director, { ...base, title: `送教${NUL}` }, db, now)).toMatchObject({
      error: 'invalid',
      fieldErrors: { title: ['form.errors.badCharacters'] },
    });
    expect(await saveActivity(director, { ...base, record: NUL }, db, now)).toMatchObject({
      fieldErrors: { record: ['form.errors.badCharacters'] },
    });
    expect(await saveActivity(director, { ...base, classHours: '0x10' }, db, now)).toMatchObject({
      fieldErrors: { classHours: ['activities.errors.classHoursInvalid'] },
    });
    expect(await saveActivity(director, { ...base, startDate: '2026-02-30' }, db, now)).toMatchObject({
      fieldErrors: { startDate: ['form.errors.date'] },
    });
    expect(await saveActivity(director, { ...base, startDate: '0001-01-01' }, db, now)).toMatchObject({
      fieldErrors: { startDate: [{ key: 'form.errors.dateRange' }] },
    });
    expect(await saveActivity(director, { ...base, title: '\u200B\u200B' }, db, now)).toMatchObject({
      fieldErrors: { title: ['form.errors.required'] },
    });
    expect(await db.activity.count({ where: { pairingId: w.pairingA.id } })).toBe(before);
  });

  it('a lesson in 2099 and a staff name with a right-to-left override are refused', async () => {
    const w = await createPairingWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    expect(await saveLesson(teacher, { heldOn: '2099-03-01', className: '大一班', domain: 'ART', title: '画春天' }, db)).toMatchObject({
      fieldErrors: { heldOn: [{ key: 'form.errors.dateRange' }] },
    });
    const director = await actorFor(db, w.directorA);
    expect(
      await createStaffAccount(
        director,
        { name: `王\u202E芳`, phone: '13800009999', email: '', role: 'TEACHER', kindergartenId: w.kgA.id },
        db,
      ),
    ).toMatchObject({ fieldErrors: { name: ['form.errors.badCharacters'] } });
  });

  it('an upload named with a right-to-left override (gnp.exe shown as exe.png) is refused', async () => {
    const w = await createPairingWorld(db);
    const director = await actorFor(db, w.directorA);
    const r = await uploadEvidence(
      director,
      { target: 'activity', id: 'whatever', name: 'photo\u202Egnp.exe' },
      null as never,
      db,
      null as never,
    );
    expect(r).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { name: ['form.errors.badCharacters'] } });
  });
});

describe('page lists: a NUL in the query string is ignored, not a server error', () => {
  it('kindergartens, accounts, pairings, activities and effect tests', async () => {
    const w = await createPairingWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    const city = await actorFor(db, w.cityAdmin);
    await expect(listKindergartens(admin, parseFilters({ q: NUL, county: NUL }))).resolves.toBeTruthy();
    await expect(listUsers(admin, parseUserFilters({ q: NUL }))).resolves.toBeTruthy();
    const p = parsePairingFilters({ q: NUL, cycle: NUL, county: NUL });
    await expect(listPairings(admin, { cycleId: p.cycle, countyId: p.county, q: p.q, status: p.status })).resolves.toBeTruthy();
    await expect(listActivities(admin, ActivityFilters.parse({ pairing: NUL }), db)).resolves.toBeTruthy();
    await expect(loadDashboard(city, parseDashboardFilters({ q: NUL, county: NUL, period: NUL }), db)).resolves.toBeTruthy();
  });
});

describe('routes: ids and query values that are not acceptable', () => {
  it('/api/files/%00 answers 404 (audited without the id), not 500', async () => {
    const w = await createPairingWorld(db);
    const { GET } = await import('@/app/api/files/[id]/route');
    signedIn.user = await actorFor(db, w.directorA);
    const res = await GET(new Request('http://localhost/api/files/%00'), { params: Promise.resolve({ id: NUL }) });
    expect(res.status).toBe(404);
    expect(
      await db.auditEntry.count({
        where: { action: 'access.denied', actorId: w.directorA.id, entityType: 'EvidenceFile', entityId: null },
      }),
    ).toBe(1);
    signedIn.user = null;
  });

  it('the JSON API answers q=%00, /pairings/%00 and from=0001-01-01 with JSON 400', async () => {
    const w = await createPairingWorld(db);
    const issued = await issueToken(await actorFor(db, w.countyAdminA), { name: 'probe', expires: '30' }, db);
    if (!issued.ok) throw new Error(issued.error);
    const headers = { authorization: `Bearer ${issued.value.token}` };
    const call = async (handler: typeof apiPairing, path: string, id = '') => {
      const res = await handler(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve({ id }) });
      return { status: res.status, body: await res.json() };
    };
    expect(await call(apiKindergartens as typeof apiPairing, '/api/v1/kindergartens?q=%00')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', message: expect.stringMatching(/^q: /) } },
    });
    expect(await call(apiPairing, '/api/v1/pairings/%00', NUL)).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await call(apiActivities as typeof apiPairing, '/api/v1/activities?from=0001-01-01')).toMatchObject({
      status: 400,
      body: { error: { message: 'from: must be a date from 2000-01-01 to 2100-12-31' } },
    });
    expect(await call(apiActivities as typeof apiPairing, '/api/v1/activities?from=2026-02-30')).toMatchObject({ status: 400 });
  });
});
