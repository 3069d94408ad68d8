import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { signInWithPassword } from '@/lib/auth/credentials';
import { ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_WAIT_MS, PAIR_FREE_FAILURES, PAIR_MAX_WAIT_MS } from '@/lib/auth/throttle';
import { changeOwnPassword } from '@/lib/account/commands';
import { validateSession, signOutSession, IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from '@/lib/auth/sessions';
import { actorFor, createScopeWorld, createUser, TEST_PASSWORD } from '../fixtures/factories';

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

  const ATTACKER = '203.0.113.9';
  const OWNER_PHONE = '198.51.100.7';
  const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

  it('slows one address down with a growing wait, and never locks the owner out from another', async () => {
    const w = await createScopeWorld(db);
    const phone = w.teacherA.phone!;
    const t0 = new Date('2026-03-02T01:00:00Z');
    // A few typos cost nothing.
    for (let i = 0; i < PAIR_FREE_FAILURES; i++)
      expect(await signInWithPassword(phone, 'wrong password!', ATTACKER, t0)).toEqual({ ok: false });
    // Then each failure doubles the wait: 2 s, 4 s, 8 s… up to 15 minutes, answered as "try again in N seconds".
    let t = t0;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await signInWithPassword(phone, 'wrong password!', ATTACKER, t);
      expect(r.ok).toBe(false);
      const seconds = (r as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(seconds);
      t = at(t, seconds * 1000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    expect(waits.at(-1)! * 1000).toBe(PAIR_MAX_WAIT_MS);
    // While the attacker waits, even the right password from that address is refused, unjudged and uncounted.
    expect(await signInWithPassword(phone, TEST_PASSWORD, ATTACKER, at(t, -1000))).toEqual({ ok: false, retryAfterSeconds: 1 });
    // The owner, from their phone, signs in at once: sixteen wrong passwords elsewhere locked nothing.
    expect((await signInWithPassword(phone, TEST_PASSWORD, OWNER_PHONE, at(t, -1000))).ok).toBe(true);
    // Once the wait is over the address may try again.
    expect((await signInWithPassword(phone, TEST_PASSWORD, ATTACKER, t)).ok).toBe(true);
    const reasons = (await auditActions(w.teacherA.id)).map((a) => (a.after as { reason?: string } | null)?.reason ?? a.action);
    expect(reasons.filter((r) => r === 'throttled')).toHaveLength(1);
  });

  it('caps guessing from many addresses, except from an address the account signed in from', async () => {
    const w = await createScopeWorld(db);
    const phone = w.directorA.phone!;
    let t0 = new Date('2026-03-02T01:00:00Z');
    expect((await signInWithPassword(phone, TEST_PASSWORD, OWNER_PHONE, t0)).ok).toBe(true);
    // A botnet: each guess from a fresh address, sent as soon as the account allows one, for half an hour.
    let t = t0;
    let judged = 0;
    let last: Awaited<ReturnType<typeof signInWithPassword>> = { ok: false };
    for (let i = 0; t.getTime() - t0.getTime() < 1800_000; i++) {
      last = await signInWithPassword(phone, 'guess ' + i, `10.${i >> 8}.${i & 255}.1`, t);
      const wait = 'retryAfterSeconds' in last ? last.retryAfterSeconds! * 1000 : 0;
      judged++;
      t = at(t, wait);
    }
    // 20 free guesses, then the wait doubles up to a minute: about 60 guesses an hour, not thousands.
    expect(last).toEqual({ ok: false, retryAfterSeconds: ACCOUNT_MAX_WAIT_MS / 1000 });
    expect(judged).toBeLessThan(ACCOUNT_FREE_FAILURES + 36);
    t0 = at(t, -ACCOUNT_MAX_WAIT_MS);
    // Every new address now waits (at most a minute), right password or not…
    expect(await signInWithPassword(phone, TEST_PASSWORD, '192.0.2.200', at(t0, 1000))).toEqual({ ok: false, retryAfterSeconds: 59 });
    // …but the owner's known address gets straight in.
    expect((await signInWithPassword(phone, TEST_PASSWORD, OWNER_PHONE, at(t0, 1000))).ok).toBe(true);
    expect((await signInWithPassword(phone, TEST_PASSWORD, '192.0.2.200', at(t0, ACCOUNT_MAX_WAIT_MS))).ok).toBe(true);
  });

  it('throttles an unknown identifier exactly like a real one, so the answers tell nothing', async () => {
    const w = await createScopeWorld(db);
    const t0 = new Date('2026-03-02T01:00:00Z');
    const answers = async (identifier: string) => {
      const out = [];
      for (let i = 0; i < PAIR_FREE_FAILURES + 3; i++) out.push(await signInWithPassword(identifier, 'wrong password!', ATTACKER, t0));
      return out;
    };
    expect(await answers(`nobody-${w.kgA.id}@example.cn`)).toEqual(await answers(w.teacherB.phone!));
  });

  it('counts concurrent failures without losing any', async () => {
    const w = await createScopeWorld(db);
    await Promise.all(Array.from({ length: 6 }, () => signInWithPassword(w.teacherB.phone!, 'wrong password!', ATTACKER)));
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${w.teacherB.phone}|${ATTACKER}` } });
    expect(row.failures).toBe(6);
  });

  it("counts a wrong current password on the change-password form, without locking the owner's sign-in", async () => {
    const w = await createScopeWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    const t0 = new Date();
    const form = (current: string) => ({ current, next: 'a river of lanterns', confirm: 'a river of lanterns' });
    for (let i = 0; i <= PAIR_FREE_FAILURES; i++) {
      expect(await changeOwnPassword(teacher, form('guess ' + i), db, t0)).toMatchObject({
        fieldErrors: { current: ['password.errors.wrongCurrent'] },
      });
    }
    // The next try waits, even with the right password.
    expect(await changeOwnPassword(teacher, form(TEST_PASSWORD), db, at(t0, 1000))).toMatchObject({
      fieldErrors: { current: [{ key: 'password.errors.tryLater', values: { seconds: 1 } }] },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: teacher.id }, select: { phone: true } });
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${row.phone}` } })).failures).toBe(PAIR_FREE_FAILURES + 1);
    expect((await signInWithPassword(row.phone!, TEST_PASSWORD, OWNER_PHONE, at(t0, 1000))).ok).toBe(true);
    expect((await changeOwnPassword(teacher, form(TEST_PASSWORD), db, at(t0, 2000))).ok).toBe(true);
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
