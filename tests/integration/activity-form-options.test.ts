import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { activityFormOptions, requestPairingOptions } from '@/lib/activities/queries';
import { actorFor, createCycle, createPairing, createScopeWorld, freeStartYear } from '../fixtures/factories';

describe('pairings offered when logging an activity', () => {
  it('are the current ones only: the same two kindergartens paired in an ended cycle are not offered', async () => {
    const w = await createScopeWorld(db);
    const year = await freeStartYear(db);
    const past = await createCycle(db, { startYear: year });
    const current = await createCycle(db, { startYear: year + 2 });
    const old = await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    const now = await createPairing(db, { cycleId: current.id, supportingId: w.kgA.id, assistedId: w.kgA2.id, previousId: old.id });
    const today = new Date(`${year + 2}-10-15T04:00:00Z`);

    const director = await actorFor(db, w.directorA);
    const options = await activityFormOptions(director, db, today);
    expect(options.map((o) => o.id)).toEqual([now.id]);

    // The day after the current cycle's last semester, nothing is offered any more.
    const after = new Date(`${year + 4}-08-01T04:00:00Z`);
    expect(await activityFormOptions(director, db, after)).toEqual([]);
  });

  it('for requests: only current pairings in which the asker is the assisted side', async () => {
    const w = await createScopeWorld(db);
    // A cycle that really ended before today (freeStartYear gives far-future years).
    const taken = new Set((await db.cycle.findMany({ select: { startYear: true } })).map((c) => c.startYear));
    const year = [2001, 2003, 2005, 2007, 2009, 2011].find((y) => !taken.has(y))!;
    const past = await createCycle(db, { startYear: year });
    await createPairing(db, { cycleId: past.id, supportingId: w.kgA.id, assistedId: w.kgA2.id });
    // The past cycle's pairing is not offered (requestPairingOptions uses today's date).
    expect(await requestPairingOptions(await actorFor(db, w.directorA2), db)).toEqual([]);
  });
});
