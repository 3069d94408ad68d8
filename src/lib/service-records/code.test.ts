import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, formatCode, newVerificationCode, normalizeCode } from './code';

describe('verification codes', () => {
  it('are 12 characters of Crockford base 32', () => {
    for (let i = 0; i < 200; i++) expect(newVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('encode the random bytes (different bytes, different codes; all zero bytes, all zeros)', () => {
    expect(newVerificationCode(Buffer.alloc(8))).toBe('0'.repeat(CODE_LENGTH));
    expect(newVerificationCode(Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]))).toBe('000000000001');
    expect(newVerificationCode(Buffer.from([0, 0, 0, 0, 0, 0, 0, 32]))).toBe('000000000010');
  });

  it('are printed in groups of four and read back from what a person types', () => {
    const code = '7K3M9QX2ZB0A'.replace('A', '1');
    expect(formatCode(code)).toBe('7K3M-9QX2-ZB01');
    expect(normalizeCode('7k3m-9qx2-zb01')).toBe(code);
    expect(normalizeCode(' 7K3M 9QX2 ZBOl ')).toBe(code);
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode('7K3M-9QX2-ZB0')).toBeNull();
    expect(normalizeCode('7K3M-9QX2-ZB0U')).toBeNull();
    expect(normalizeCode('7K3M-9QX2-ZB0!')).toBeNull();
  });
});
