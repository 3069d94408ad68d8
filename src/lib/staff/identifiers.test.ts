import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN, MOBILE_PATTERN, normalizeEmail, normalizePhone, parseStaffRole } from './identifiers';
import { normalizeIdentifier } from '@/lib/auth/credentials';

describe('staff identifiers', () => {
  it('stores phones and e-mails exactly as sign-in looks them up', () => {
    for (const typed of ['138 0013 8000', '138-0013-8000', ' 13800138000 ']) {
      expect(normalizePhone(typed)).toBe('13800138000');
      expect(normalizeIdentifier(typed)).toEqual({ phone: normalizePhone(typed) });
    }
    expect(normalizeEmail(' Li.Hua@Example.CN ')).toBe('li.hua@example.cn');
    expect(normalizeIdentifier(' Li.Hua@Example.CN ')).toEqual({ email: normalizeEmail(' Li.Hua@Example.CN ') });
  });
  it('drops a +86 prefix and accepts only 11-digit mobiles starting with 1', () => {
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(MOBILE_PATTERN.test('13800138000')).toBe(true);
    expect(MOBILE_PATTERN.test('1380013800')).toBe(false);
    expect(MOBILE_PATTERN.test('23800138000')).toBe(false);
    expect(MOBILE_PATTERN.test('0571-88888888')).toBe(false);
  });
  it('checks e-mail format loosely', () => {
    expect(EMAIL_PATTERN.test('a@b.cn')).toBe(true);
    expect(EMAIL_PATTERN.test('a@b')).toBe(false);
    expect(EMAIL_PATTERN.test('a b@c.cn')).toBe(false);
  });
  it('reads roles in Chinese and English; empty is teacher', () => {
    expect(parseStaffRole('园长')).toBe('DIRECTOR');
    expect(parseStaffRole('副园长')).toBe('DIRECTOR');
    expect(parseStaffRole('Teacher')).toBe('TEACHER');
    expect(parseStaffRole('')).toBe('TEACHER');
    expect(parseStaffRole('局长')).toBeNull();
  });
});
