import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN } from './password-rules';

describe('password rules (ASVS 5)', () => {
  it('accepts exactly the minimum length and refuses one less', () => {
    expect(checkPassword('g'.repeat(3) + 'x7#Lq'.slice(0, PASSWORD_MIN - 3))).toBeNull();
    expect(checkPassword('x7#Lq9z')).toBe('tooShort');
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    const long = Array.from({ length: PASSWORD_MAX }, (_, i) => 'abcdefgh'[i % 8] + '')
      .join('')
      .slice(0, PASSWORD_MAX);
    expect(checkPassword(long)).toBeNull();
    expect(checkPassword(long + 'z')).toBe('tooLong');
  });

  it('counts characters, not bytes: an eight-character Chinese phrase is long enough', () => {
    expect(checkPassword('春眠不觉晓处处闻')).toBeNull();
    expect(checkPassword('春眠不觉晓处处')).toBe('tooShort');
  });

  it('has no composition rules: lowercase letters and spaces alone are fine', () => {
    expect(checkPassword('river stone lantern')).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('password123')).toBe('common');
    expect(checkPassword('PASSWORD123')).toBe('common');
    expect(checkPassword('woaini1314')).toBe('common');
    expect(checkPassword('88888888')).toBe('common');
  });

  it("refuses the system's name and the user's own identifiers", () => {
    expect(checkPassword('handinhand2026')).toBe('contextual');
    expect(checkPassword('13800000001', ['13800000001'])).toBe('contextual');
    expect(checkPassword('wangfang!!', ['wangfang'])).toBe('contextual');
    expect(checkPassword('wangfang likes tea', ['wangfang'])).toBeNull();
  });
});
