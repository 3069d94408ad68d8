/**
 * Password rules after OWASP ASVS 5 (V6.2): 8–128 characters, any characters allowed,
 * no composition rules, common and context-specific passwords refused.
 */
import { commonPasswords } from './common-passwords';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'contextual';

const CONTEXT_WORDS = ['handinhand', 'shoulashou', '手拉手', 'kindergarten', 'youeryuan', '幼儿园'];

/**
 * '88888888', 'abcabcabc', '12341234' (one short unit repeated) and '98765432', 'abcdefgh' (a run of
 * consecutive characters): the shapes zxcvbn guesses by pattern, so its dictionary leaves them out.
 */
function isRepeatOrRun(password: string) {
  if (/^(.{1,4})\1+$/u.test(password)) return true;
  const codes = [...password].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

/** Returns the first problem, or null when the password is acceptable. `context` holds the user's own identifiers. */
export function checkPassword(password: string, context: string[] = []): PasswordProblem | null {
  // Count code points, not UTF-16 units, so a Chinese or emoji password is measured as typed.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered) || isRepeatOrRun(lowered)) return 'common';
  const words = [...CONTEXT_WORDS, ...context.map((c) => c.toLowerCase())].filter((w) => w.length >= 4);
  // A password that is just a context word with a few digits or symbols around it is as weak as the word.
  const stripped = lowered.replace(/[^\p{L}]/gu, '');
  if (words.some((w) => stripped === w.replace(/[^\p{L}]/gu, '') || lowered === w)) return 'contextual';
  return null;
}
