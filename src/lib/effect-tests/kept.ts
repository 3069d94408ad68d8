import 'server-only';
/**
 * Keeping the effect-test facts up to date (docs/decisions/027). Triggers mark a pairing in
 * ResultStale (one row per write) in the transaction of any write its tests read;
 * `refreshKeptResults` claims the marks of a batch of pairings, recomputes their facts for every
 * semester of their cycle and stores them in KeptResult — a mark committed meanwhile stays for the
 * next run. Until then reads compute a marked pairing live, so a refresh that is late only costs
 * time, never truth.
 *
 * Run by the `results-refresh` job (sent after every successful action, and each minute as a sweep
 * for writes from elsewhere) and by `npm run results:rebuild` (every pairing, also the repair).
 */
import type { Db, Tx } from '@/lib/db';
import { listCycles } from '@/lib/cycles/queries';
import { isoOf } from '@/lib/time/date-only';
import { cityTimeZone } from '@/lib/time/city-zone';
import { periodOf, scopedIn } from './evaluate';
import { computeFacts } from './facts';
import { sendDebounced } from '@/lib/queue/send';
import { QUEUES } from '@/lib/queue/queues.mjs';

/** One refresher at a time (pg_advisory_xact_lock key): a slower one could otherwise store older facts over newer ones. */
const REFRESH_LOCK = 7_201_127;

/** Refreshes whose pairings stay listed in KeptChange: a remembered evaluation older than these is computed anew. */
const KEEP_CHANGES = 1000;

export type RefreshRun = { pairings: number; rows: number; ms: number };

/**
 * Refreshes up to `batch` marked pairings (of `only`, when given), oldest marks first, in one
 * transaction. Returns how many it took; 0 when nothing was marked.
 */
export async function refreshKeptResults(db: Db, { batch = 500, only }: { batch?: number; only?: string[] } = {}): Promise<RefreshRun> {
  const t0 = performance.now();
  const run = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      // The pairings of the oldest marks, and every mark of theirs committed by now, claimed in one
      // statement: deleted here, so exactly the marks this transaction saw go (rolled back with it,
      // should it fail). A mark committed later stays, and its pairing is refreshed again. The facts
      // below are read after this statement, so they include every write whose mark was claimed.
      // Pairings are chosen among all marks, and all of a pairing's marks go at once: every write
      // leaves its own mark, and reading the oldest 5,000 marks at a time took a burst (400,000 on
      // 600 pairings in the test database) minutes to drain, a few pairings per refresh.
      const marks = await tx.$queryRaw<{ pid: string }[]>`
        WITH chosen AS (
          SELECT "pairingId" FROM "ResultStale"
          WHERE ${only ?? null}::text[] IS NULL OR "pairingId" = ANY(${only ?? null}::text[])
          GROUP BY "pairingId" ORDER BY min(seq) LIMIT ${batch}),
        claimed AS (
          DELETE FROM "ResultStale" WHERE "pairingId" IN (SELECT "pairingId" FROM chosen) RETURNING "pairingId")
        SELECT DISTINCT "pairingId" AS pid FROM claimed`;
      if (marks.length === 0) return { pairings: 0, rows: 0 };
      const ids = marks.map((m) => m.pid);
      const rows = await factsOf(tx, ids);
      await tx.$executeRaw`DELETE FROM "KeptResult" WHERE "pairingId" = ANY(${ids}::text[])`;
      if (rows.length > 0)
        await tx.$executeRaw`
          INSERT INTO "KeptResult" ("pairingId", "academicYear", term, facts)
          SELECT pid, ay, term::"Term", f::json
          FROM unnest(${rows.map((r) => r.pid)}::text[], ${rows.map((r) => r.academicYear)}::int[], ${rows.map((r) => r.term)}::text[], ${rows.map((r) => JSON.stringify(r.facts))}::text[]) AS x(pid, ay, term, f)`;
      // Deleting marks could bring their count back to an earlier figure: the stamp of memo.ts counts
      // refreshes too. Which pairings this refresh took is logged under its number, so a remembered
      // evaluation can be patched with only those (decision 028); the log keeps the last KEEP_CHANGES.
      const [{ refresh }] = await tx.$queryRaw<{ refresh: string }[]>`
        UPDATE "KeptVersion" SET refreshes = refreshes + 1, "changesFrom" = GREATEST("changesFrom", refreshes + 1 - ${KEEP_CHANGES})
        WHERE id = 1 RETURNING refreshes::text AS refresh`;
      await tx.$executeRaw`INSERT INTO "KeptChange" (refresh, "pairingId") SELECT ${refresh}::bigint, unnest(${ids}::text[])`;
      await tx.$executeRaw`DELETE FROM "KeptChange" WHERE refresh <= ${refresh}::bigint - ${KEEP_CHANGES}`;
      return { pairings: ids.length, rows: rows.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { ...run, ms: Math.round(performance.now() - t0) };
}

/** Each pairing's facts for every semester of its cycle in which it is active. */
async function factsOf(tx: Tx, ids: string[]) {
  const [timeZone, cycles, pairings] = await Promise.all([
    cityTimeZone(tx),
    listCycles(tx),
    tx.pairing.findMany({
      where: { id: { in: ids } },
      select: { id: true, cycleId: true, assistedId: true, startsOn: true, endsOn: true },
    }),
  ]);
  const rows: { pid: string; academicYear: number; term: 'AUTUMN' | 'SPRING'; facts: unknown }[] = [];
  for (const cycle of cycles) {
    const mine = pairings
      .filter((p) => p.cycleId === cycle.id)
      .map((p) => ({ id: p.id, assistedId: p.assistedId, startsOn: isoOf(p.startsOn), endsOn: p.endsOn ? isoOf(p.endsOn) : null }));
    if (mine.length === 0) continue;
    for (const s of cycle.semesters) {
      const period = periodOf(cycle, s.academicYear, s.term)!;
      const scoped = mine.map((p) => scopedIn(period, p));
      const facts = await computeFacts(tx, scoped, s.academicYear, period.academicYear, timeZone);
      for (const [pid, f] of facts) rows.push({ pid, academicYear: s.academicYear, term: s.term, facts: f });
    }
  }
  return rows;
}

/** Refreshes until nothing is marked (or `budgetMs` has passed: then `more`); what the job and the rebuild run. */
export async function refreshAllKept(db: Db, { batch = 500, budgetMs = Infinity }: { batch?: number; budgetMs?: number } = {}) {
  const t0 = performance.now();
  const total = { pairings: 0, rows: 0, batches: 0, more: false };
  for (;;) {
    const run = await refreshKeptResults(db, { batch });
    if (run.pairings === 0) break;
    total.pairings += run.pairings;
    total.rows += run.rows;
    total.batches += 1;
    if (performance.now() - t0 > budgetMs) {
      total.more = true;
      break;
    }
  }
  return { ...total, ms: Math.round(performance.now() - t0) };
}

/** Marks every pairing and refreshes them all: the repair after writes that bypassed the triggers. */
export async function rebuildKeptResults(db: Db, options: { batch?: number } = {}) {
  await db.$executeRaw`SELECT kept_mark_all()`;
  return refreshAllKept(db, options);
}

/**
 * Asks the worker for a refresh soon (one waiting job, whoever asks). Best effort: a
 * lost request costs a minute (the sweep), and reads compute marked pairings live meanwhile.
 */
export async function queueKeptRefresh(db: Db): Promise<void> {
  await sendDebounced(db, QUEUES.resultsRefresh.name).catch((error) => console.error(`[kept results] refresh not queued: ${error}`));
}
