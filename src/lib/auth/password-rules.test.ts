import { describe, expect, it } from 'vitest';
import { dictionary } from '@zxcvbn-ts/language-common';
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

  it('refuses every one of the 3,000 most common passwords long enough to be typed (ASVS V6.2.4)', () => {
    expect(checkPassword('iloveyou1')).toBe('common');
    expect(checkPassword('qwertyuiop')).toBe('common');
    const top = dictionary['passwords-common'].slice(0, 3000);
    expect(top[2999]).toBe('warlord'); // the list's order is its rank: a newer version may move this line
    const longEnough = top.filter((p) => [...p].length >= PASSWORD_MIN);
    expect(longEnough.length).toBeGreaterThan(600);
    expect(longEnough.filter((p) => checkPassword(p) !== 'common')).toEqual([]);
    expect(checkPassword('theodore')).toBe('common'); // ranked between 2,900 and 3,000
  });

  it('refuses repeats and runs, which the dictionary leaves to pattern matching', () => {
    for (const p of ['aaaaaaaa', '12341234', 'abcabcabc', '98765432', 'abcdefghi', '168168168']) expect(checkPassword(p)).toBe('common');
    expect(checkPassword('abcdefgh9')).toBeNull();
  });

  it("refuses the system's name and the user's own identifiers", () => {
    expect(checkPassword('handinhand2026')).toBe('contextual');
    expect(checkPassword('13800000001', ['13800000001'])).toBe('contextual');
    expect(checkPassword('wangfang!!', ['wangfang'])).toBe('contextual');
    expect(checkPassword('wangfang likes tea', ['wangfang'])).toBeNull();
  });
});
