import type { Role } from '@/generated/prisma/enums';

/**
 * Stored the way sign-in looks them up (normalizeIdentifier in src/lib/auth/credentials.ts):
 * phones without spaces or dashes, e-mails in lower case. A +86/0086 prefix is dropped too,
 * since sign-in is by the 11-digit number.
 */
export function normalizePhone(text: string) {
  const digits = text.normalize('NFKC').trim().replace(/[\s-]/g, '');
  return digits.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
}
export function normalizeEmail(text: string) {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** Mainland mobile numbers: 11 digits starting with 1 (13x–19x). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
// Deliberately simple: one @, a dot in the domain, no spaces. The mail server is the real check.
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ROLE_WORDS: Record<string, Role> = {
  园长: 'DIRECTOR',
  副园长: 'DIRECTOR',
  业务园长: 'DIRECTOR',
  director: 'DIRECTOR',
  deputydirector: 'DIRECTOR',
  教师: 'TEACHER',
  老师: 'TEACHER',
  幼儿教师: 'TEACHER',
  teacher: 'TEACHER',
};

/** An empty cell means teacher: the most common account by far. */
export function parseStaffRole(text: string): Role | null {
  const s = text
    .normalize('NFKC')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
  return s === '' ? 'TEACHER' : (ROLE_WORDS[s] ?? null);
}
