import 'server-only';
/**
 * Remembered evaluations (docs/decisions/028). A bureau opens its dashboard many times a day and the
 * answer changes only when a record does: an evaluation of kept results is kept in this process and
 * served again while nothing it read can have changed, which one small statement tells:
 * - every write a test reads appends a mark to ResultStale in its own transaction (the triggers of
 *   decision 027, and those of the kept_version migration for names, counties and deleted pairings);
 * - only a refresh deletes marks, and it adds one to KeptVersion.refreshes in the same transaction.
 * So (refreshes, number of marks, newest mark) differs after every committed write, and the
 * settings judged on read (thresholds, counting rule, time zone) and the day are in the key too.
 * The stamp is read before the evaluation, so what is remembered is never older than its stamp.
 * Each web instance remembers its own; they agree because the stamp is the database's.
 */
import type { Db } from '@/lib/db';

export type Stamp = {
  key: string;
  timeZone: string | null;
  /** KeptVersion.refreshes and .changesFrom, as text (bigint). */
  refreshes: string;
  changesFrom: string;
  /** What is judged on read (thresholds, counting rule, time zone): a patch needs it unchanged. */
  settings: string;
};

/** What an evaluation read may have changed since; see above. One statement, one snapshot. */
export async function readStamp(db: Db): Promise<Stamp> {
  const [row] = await db.$queryRaw<
    { refreshes: string; changesFrom: string; marks: number; top: string | null; settings: string; tz: string | null }[]
  >`
    SELECT
      (SELECT refreshes::text FROM "KeptVersion" WHERE id = 1) AS refreshes,
      (SELECT "changesFrom"::text FROM "KeptVersion" WHERE id = 1) AS "changesFrom",
      (SELECT count(*)::int FROM "ResultStale") AS marks,
      (SELECT max(seq)::text FROM "ResultStale") AS top,
      md5(concat_ws('|',
        (SELECT string_agg(t::text, ';' ORDER BY t."effectiveFrom") FROM "EffectTestThresholds" t),
        (SELECT string_agg(c."effectConfirmedOnly"::text, ';') FROM "CitySetting" c))) AS settings,
      (SELECT "timeZone" FROM "Region" WHERE kind = 'CITY' ORDER BY "createdAt" LIMIT 1) AS tz`;
  const settings = `${row.settings}/${row.tz}`;
  return {
    key: `${row.refreshes}/${row.marks}/${row.top}/${settings}`,
    timeZone: row.tz,
    refreshes: row.refreshes,
    changesFrom: row.changesFrom,
    settings,
  };
}

/**
 * The pairings whose part of an evaluation made under `before` may differ now: every pairing marked
 * now (computed live then or written since) and every pairing a refresh since `before` took (a write
 * since whose mark that refresh already cleared, or a pairing deleted). Any write committed after
 * `before` was read is in one of the two: its mark stays until a refresh, and a refresh that clears it
 * commits later, so under a higher number. Null when a setting judged on read changed or the log no
 * longer reaches back to `before`: then nothing can be reused.
 */
export async function changedSince(db: Db, before: Stamp, now: Stamp): Promise<Set<string> | null> {
  if (before.settings !== now.settings || BigInt(before.refreshes) < BigInt(now.changesFrom)) return null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "pairingId" AS id FROM "ResultStale"
    UNION SELECT "pairingId" FROM "KeptChange" WHERE refresh > ${before.refreshes}::bigint`;
  return new Set(rows.map((r) => r.id));
}

/** A city's evaluation is a few MB: a handful of scopes and filters are what a bureau looks at. */
const LIMIT = 12;
const remembered = new Map<string, { stamp: Stamp; value: Promise<unknown> }>();

export type Previous<T> = { stamp: Stamp; value: Promise<T> };

/**
 * The value remembered under `key` while the stamp is unchanged, else `compute()` remembered anew;
 * `compute` is given what was remembered under an older stamp, to patch it if it can.
 * A computation that fails is forgotten. Values are frozen: callers share them and may not change them.
 */
export async function remember<T>(key: string, stamp: Stamp, compute: (previous: Previous<T> | null) => Promise<T>): Promise<T> {
  const hit = remembered.get(key) as { stamp: Stamp; value: Promise<T> } | undefined;
  if (hit && hit.stamp.key === stamp.key) {
    // Most recently used last: the oldest entry is the one dropped.
    remembered.delete(key);
    remembered.set(key, hit);
    return hit.value;
  }
  const value = compute(hit ?? null).then(deepFreeze);
  remembered.delete(key);
  remembered.set(key, { stamp, value });
  value.catch(() => remembered.get(key)?.value === value && remembered.delete(key));
  while (remembered.size > LIMIT) remembered.delete(remembered.keys().next().value!);
  return value;
}

/** For tests: start from nothing. */
export function forgetAll() {
  remembered.clear();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
