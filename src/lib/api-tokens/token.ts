import { createHash, randomBytes } from 'node:crypto';

/** Recognizable in logs and by secret scanners; the rest is 32 random bytes (256 bits). */
export const TOKEN_PREFIX = 'hih_';
const TOKEN_PATTERN = /^hih_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A plain SHA-256 is enough: the token has full entropy, so there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function lastFour(token: string): string {
  return token.slice(-4);
}

/** The token of an `Authorization: Bearer <token>` header; null when absent or malformed. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match && isWellFormedToken(match[1]) ? match[1] : null;
}
