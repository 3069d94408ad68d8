import 'server-only';
import type { Db } from '@/lib/db';

/**
 * Slows password guessing without letting anyone lock the owner out (ASVS V6.3.1: resist brute force
 * without a lockout an attacker can trigger). Failures are counted in PostgreSQL (so they hold across
 * restarts and instances) twice:
 * - per identifier and client address: a few typos are free, then each failure doubles the wait, up to
 *   15 minutes. An attacker at one address is slowed to a crawl; the owner at another is not affected.
 * - per identifier, from anywhere: after many failures every address waits too, at most a minute, which
 *   caps guessing from many addresses at about 60 an hour. Addresses the account signed in from
 *   recently are exempt, so the owner's own phone or office still gets straight in during such an attack.
 * While a wait lasts, attempts are refused without being judged (so a right guess is worth nothing)
 * and not counted. Keys use the identifier as typed (normalised), not the user: an unknown account is
 * slowed exactly like a real one, so the answers never tell whether it exists.
 */
export const PAIR_FREE_FAILURES = 4;
export const PAIR_MAX_WAIT_MS = 15 * 60_000;
export const ACCOUNT_FREE_FAILURES = 20;
export const ACCOUNT_MAX_WAIT_MS = 60_000;
/** A count with no failure for this long starts over. */
export const FORGET_AFTER_MS = 24 * 3600_000;
/** How long a successful sign-in makes its address exempt from the account-wide wait. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 3600_000;

/** The wait after `failures` failures in a row: none while free, then 2 s, 4 s, 8 s… up to `maxMs`. */
export function waitAfter(failures: number, free: number, maxMs: number) {
  return failures <= free ? 0 : Math.min(maxMs, 1000 * 2 ** Math.min(failures - free, 30));
}

function keys(identifier: string, address: string | null) {
  const who = identifier.trim().toLowerCase().slice(0, 200);
  const where = address ?? 'unknown';
  return { pair: `pair:${who}|${where}`, account: `account:${who}`, known: `known:${who}|${where}` };
}

/** Milliseconds before `identifier` may be tried again from `address` (0: now). */
export async function signInWait(db: Db, identifier: string, address: string | null, now = new Date()) {
  const k = keys(identifier, address);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [k.pair, k.account, k.known] } } });
  const row = (key: string) => rows.find((r) => r.key === key);
  const remaining = (key: string, free: number, maxMs: number) => {
    const r = row(key);
    if (!r || now.getTime() - r.lastAt.getTime() > FORGET_AFTER_MS) return 0;
    return Math.max(0, r.lastAt.getTime() + waitAfter(r.failures, free, maxMs) - now.getTime());
  };
  const known = row(k.known);
  const isKnown = !!known && now.getTime() - known.lastAt.getTime() <= KNOWN_ADDRESS_MS;
  return Math.max(
    remaining(k.pair, PAIR_FREE_FAILURES, PAIR_MAX_WAIT_MS),
    isKnown ? 0 : remaining(k.account, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_WAIT_MS),
  );
}

/** Counts one failure on both keys, each in one atomic statement so concurrent attempts lose no count. */
export async function recordSignInFailure(db: Db, identifier: string, address: string | null, now = new Date()) {
  const k = keys(identifier, address);
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const key of [k.pair, k.account]) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastAt" < ${forgetBefore} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "lastAt" = GREATEST("SignInThrottle"."lastAt", EXCLUDED."lastAt")`;
  }
}

/**
 * A success clears this address's count and remembers the address. The account-wide count is left
 * to run out: one success by the owner must not hand a distributed attack a fresh allowance.
 */
export async function recordSignInSuccess(db: Db, identifier: string, address: string | null, now = new Date()) {
  const k = keys(identifier, address);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: k.pair } }),
    db.signInThrottle.upsert({
      where: { key: k.known },
      create: { key: k.known, failures: 0, lastAt: now },
      update: { lastAt: now },
    }),
  ]);
}
