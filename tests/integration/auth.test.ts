import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { signInWithPassword, LOCK_AFTER_FAILURES, LOCK_MS } from '@/lib/auth/credentials';
import { validateSession, signOutSession, IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from '@/lib/auth/sessions';
import { createScopeWorld, createUser, TEST_PASSWORD } from '../fixtures/factories';

async function signedIn(identifier: string, now = new Date()) {
  const result = await signInWithPassword(identifier, TEST_PASSWORD, '127.0.0.1', now);
  if (!result.ok) throw new Error('sign-in failed');
  return result.sessionId;
}

async function auditActions(entityId: string) {
  const rows = await db.auditEntry.findMany({ where: { entityId }, orderBy: { id: 'asc' }, select: { action: true, after: true } });
  return rows;
}

describe('sign-in', () => {
  it('signs in by phone or by e-mail (case-insensitive) and records it', async () => {
    const w = await createScopeWorld(db);
    const u = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA.id, email: 'Li.Hua@Example.cn', phone: '138 0013 8000' });
    expect((await signInWithPassword('li.hua@example.CN', TEST_PASSWORD, null)).ok).toBe(true);
    expect((await signInWithPassword(' 138-0013-8000 ', TEST_PASSWORD, null)).ok).toBe(true);
    const actions = (await auditActions(u.id)).map((a) => a.action);
    expect(actions).toContain('auth.signIn');
  });

  it('gives the same answer for an unknown account and a wrong password, and audits both', async () => {
    const w = await createScopeWorld(db);
    const unknown = await signInWithPassword('nobody-here@example.cn', TEST_PASSWORD, null);
    const wrong = await signInWithPassword(w.directorA.phone!, 'wrong password!', null);
    expect(unknown).toEqual({ ok: false });
    expect(wrong).toEqual({ ok: false });
    const failed = await db.auditEntry.findMany({
      where: { action: 'auth.signInFailed', after: { path: ['identifier'], equals: 'nobody-here@example.cn' } },
    });
    expect(failed).toHaveLength(1);
    expect((await auditActions(w.directorA.id)).map((a) => a.action)).toEqual(['auth.signInFailed']);
  });

  it('locks an account for 15 minutes after 10 failures, counted in the database', async () => {
    const w = await createScopeWorld(db);
    const phone = w.teacherA.phone!;
    const t0 = new Date();
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) await signInWithPassword(phone, 'wrong password!', null, t0);
    // Nine failures: the right password still works, and resets the counter.
    expect((await signInWithPassword(phone, TEST_PASSWORD, null, t0)).ok).toBe(true);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await signInWithPassword(phone, 'wrong password!', null, t0);
    const row = await db.user.findUniqueOrThrow({ where: { id: w.teacherA.id } });
    expect(row.lockedUntil?.getTime()).toBe(t0.getTime() + LOCK_MS);
    // Locked: even the right password is refused, just before the end of the lock.
    expect((await signInWithPassword(phone, TEST_PASSWORD, null, new Date(t0.getTime() + LOCK_MS - 1000))).ok).toBe(false);
    // After 15 minutes it works again.
    expect((await signInWithPassword(phone, TEST_PASSWORD, null, new Date(t0.getTime() + LOCK_MS + 1000))).ok).toBe(true);
  });

  it('counts concurrent failures without losing any', async () => {
    const w = await createScopeWorld(db);
    await Promise.all(Array.from({ length: 6 }, () => signInWithPassword(w.teacherB.phone!, 'wrong password!', null)));
    const row = await db.user.findUniqueOrThrow({ where: { id: w.teacherB.id } });
    expect(row.failedSignIns).toBe(6);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const w = await createScopeWorld(db);
    await db.user.update({ where: { id: w.directorB.id }, data: { active: false } });
    expect((await signInWithPassword(w.directorB.phone!, TEST_PASSWORD, null)).ok).toBe(false);
  });
});

describe('sessions', () => {
  it('ends after 2 hours idle, measured from the last request', async () => {
    const w = await createScopeWorld(db);
    const t0 = new Date('2026-03-02T01:00:00Z');
    const sid = await signedIn(w.directorA.phone!, t0);
    const t1 = new Date(t0.getTime() + IDLE_TIMEOUT_MS - 60_000);
    expect('user' in (await validateSession(sid, t1))).toBe(true);
    // Activity at t1 moved the idle clock: still valid just under 2 h after t1.
    expect('user' in (await validateSession(sid, new Date(t1.getTime() + IDLE_TIMEOUT_MS - 60_000)))).toBe(true);
    const later = new Date(t1.getTime() + 2 * IDLE_TIMEOUT_MS);
    expect(await validateSession(sid, later)).toEqual({ ended: 'idle' });
    expect(await validateSession(sid, later)).toEqual({ ended: 'signedOut' });
  });

  it('ends after 12 hours even when used all along', async () => {
    const w = await createScopeWorld(db);
    const t0 = new Date('2026-03-02T01:00:00Z');
    const sid = await signedIn(w.directorA.phone!, t0);
    for (let h = 1; h < 12; h++) expect('user' in (await validateSession(sid, new Date(t0.getTime() + h * 3600_000)))).toBe(true);
    expect(await validateSession(sid, new Date(t0.getTime() + ABSOLUTE_TIMEOUT_MS + 1000))).toEqual({ ended: 'expired' });
  });

  it('loses access on the very next request after deactivation', async () => {
    const w = await createScopeWorld(db);
    const sid = await signedIn(w.teacherA.phone!);
    expect('user' in (await validateSession(sid))).toBe(true);
    await db.user.update({ where: { id: w.teacherA.id }, data: { active: false } });
    expect(await validateSession(sid)).toEqual({ ended: 'deactivated' });
  });

  it('loses access on the next request after a role or kindergarten change', async () => {
    const w = await createScopeWorld(db);
    const sid = await signedIn(w.directorA2.phone!);
    const ok = await validateSession(sid);
    expect('user' in ok && ok.user.kindergartenId).toBe(w.kgA2.id);
    await db.user.update({ where: { id: w.directorA2.id }, data: { kindergartenId: w.kgB.id } });
    // Even without a stamp bump, the session's scope snapshot no longer matches.
    expect(await validateSession(sid)).toEqual({ ended: 'changed' });

    const sid2 = await signedIn(w.teacherB.phone!);
    await db.user.update({ where: { id: w.teacherB.id }, data: { role: 'DIRECTOR' } });
    expect(await validateSession(sid2)).toEqual({ ended: 'changed' });
  });

  it('sign-out ends the session on the server: the same cookie no longer works', async () => {
    const w = await createScopeWorld(db);
    const sid = await signedIn(w.countyAdminA.email ?? w.countyAdminA.phone!);
    await signOutSession(sid);
    expect(await validateSession(sid)).toEqual({ ended: 'signedOut' });
    expect((await auditActions(w.countyAdminA.id)).map((a) => a.action)).toEqual(['auth.signIn', 'auth.signOut']);
  });

  it('reports the scope from the database, not from the cookie', async () => {
    const w = await createScopeWorld(db);
    const sid = await signedIn(w.countyAdminB.phone!);
    const r = await validateSession(sid);
    expect('user' in r && r.user).toMatchObject({ role: 'COUNTY_ADMIN', countyId: w.countyB.id, kindergartenId: null });
  });
});
