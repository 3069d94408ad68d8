import { describe, expect, it } from 'vitest';
import { bearerToken, generateToken, hashToken, isWellFormedToken, lastFour, TOKEN_PREFIX } from './token';

describe('personal access tokens', () => {
  it('are prefixed, long and different each time', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a).toHaveLength(47);
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
  });

  it('hash to a stable hex SHA-256', () => {
    expect(hashToken('hih_abc')).toBe(hashToken('hih_abc'));
    expect(hashToken('hih_abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('hih_abc')).not.toBe(hashToken('hih_abd'));
    // Known vector: sha256("abc")
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('show their last four characters', () => {
    expect(lastFour('hih_xxxxWXYZ')).toBe('WXYZ');
  });

  it('are read from a Bearer header only when well formed', () => {
    const t = generateToken();
    expect(bearerToken(`Bearer ${t}`)).toBe(t);
    expect(bearerToken(`bearer ${t}`)).toBe(t);
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken(t)).toBeNull();
    expect(bearerToken('Bearer hih_short')).toBeNull();
    expect(bearerToken(`Basic ${t}`)).toBeNull();
    expect(bearerToken(`Bearer ${t.replace('hih_', 'ghp_')}`)).toBeNull();
  });
});
