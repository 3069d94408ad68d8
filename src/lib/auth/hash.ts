import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's recommended minimum (m=19 MiB, t=2, p=1).
// The library's default algorithm is Argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
