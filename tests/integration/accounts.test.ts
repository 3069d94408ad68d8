import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetPassword, setUserActive } from '@/lib/users/commands';
import { changeOwnPassword, setOwnLocale } from '@/lib/account/commands';
import { signInWithPassword } from '@/lib/auth/credentials';
import { actorFor, createScopeWorld, TEST_PASSWORD } from '../fixtures/factories';

describe('managing accounts', () => {
  it('a county admin resets a director’s password in the county only, and it is audited', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.countyAdminA);
    expect(await resetPassword(admin, { userId: w.directorB.id }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await resetPassword(admin, { userId: w.countyAdminA.id }, db)).toEqual({ ok: false, error: 'notFound' });
    const r = await resetPassword(admin, { userId: w.directorA.id }, db);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await db.user.findUniqueOrThrow({ where: { id: w.directorA.id } })).toMatchObject({ mustChangePassword: true });
    expect((await signInWithPassword(w.directorA.phone!, r.value.password, null)).ok).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: w.directorA.id, action: 'user.passwordReset', actorId: admin.id } })).toBe(1);
  });

  it('a director deactivates their own teachers, no one else', async () => {
    const w = await createScopeWorld(db);
    const director = await actorFor(db, w.directorA);
    expect(await setUserActive(director, { userId: w.teacherB.id, active: 'false' }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await setUserActive(director, { userId: w.teacherA.id, active: 'false' }, db)).toEqual({
      ok: true,
      value: { id: w.teacherA.id, name: '甲老师', active: false },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.teacherA.id } })).active).toBe(false);
    expect((await db.auditEntry.findFirstOrThrow({ where: { entityId: w.teacherA.id, action: 'user.deactivated' } })).after).toEqual({
      active: false,
    });
  });
});

describe('one’s own account', () => {
  it('refuses a wrong current password and a weak or mismatched new one, each on its field', async () => {
    const w = await createScopeWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    expect(await changeOwnPassword(teacher, { current: 'wrong', next: 'short', confirm: 'other' }, db)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { current: ['password.errors.wrongCurrent'], next: ['password.errors.tooShort'], confirm: ['password.errors.mismatch'] },
    });
    expect(await changeOwnPassword(teacher, { current: TEST_PASSWORD, next: TEST_PASSWORD, confirm: TEST_PASSWORD }, db)).toMatchObject({
      error: 'invalid',
      fieldErrors: { next: ['password.errors.same'] },
    });
  });

  it('says a 10,000-character new password is too long, not that the current one is wrong', async () => {
    const w = await createScopeWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    const long = 'a quiet river '.repeat(715).slice(0, 10_000);
    expect(await changeOwnPassword(teacher, { current: TEST_PASSWORD, next: long, confirm: long }, db)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { next: ['password.errors.tooLong'] },
    });
    expect(await changeOwnPassword(teacher, 'not a form', db)).toMatchObject({
      error: 'invalid',
      fieldErrors: { current: ['password.errors.wrongCurrent'] },
    });
  });

  it('a new password ends every session and is audited', async () => {
    const w = await createScopeWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    const session = await signInWithPassword(w.teacherA.phone!, TEST_PASSWORD, null);
    if (!session.ok) throw new Error('sign-in failed');
    const next = '春眠不觉晓 处处闻啼鸟';
    expect(await changeOwnPassword(teacher, { current: TEST_PASSWORD, next, confirm: next }, db)).toEqual({
      ok: true,
      value: { id: teacher.id, identifier: w.teacherA.phone },
    });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).endReason).toBe('changed');
    expect((await signInWithPassword(w.teacherA.phone!, next, null)).ok).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: teacher.id, action: 'user.passwordChanged' } })).toBe(1);
  });

  it('stores the chosen language once, with an audit entry for a change only', async () => {
    const w = await createScopeWorld(db);
    const teacher = await actorFor(db, w.teacherA);
    expect((await setOwnLocale(teacher, { locale: 'en' }, db)).ok).toBe(true);
    expect((await setOwnLocale(teacher, { locale: 'en' }, db)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).locale).toBe('en');
    expect(await db.auditEntry.count({ where: { entityId: teacher.id, action: 'user.localeChanged' } })).toBe(1);
    expect(await setOwnLocale(teacher, { locale: 'fr' }, db)).toMatchObject({ ok: false, error: 'invalid' });
  });
});
