import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { checkSpotCheckItem, drawSpotCheck } from '@/lib/spot-checks/commands';
import { getSpotCheck, listSpotChecks, pairingSpotCheckShare } from '@/lib/spot-checks/queries';
import { drawSample } from '@/lib/spot-checks/draw';
import { isDrawMethod, redraw } from '@/lib/spot-checks/method';
import { actorFor, uniqueSuffix } from '../fixtures/factories';
import { createActivity, createPairingWorld, type ActivityData } from '../fixtures/activity-factories';

// Activities of these tests lie in 2092: no other test's records reach them.
const DAY = 86_400_000;
const PERIOD = { periodFrom: '2092-03-01', periodTo: '2092-06-30' };
const on = (day: number) => new Date(Date.UTC(2092, 2, day, 2));

type World = Awaited<ReturnType<typeof createPairingWorld>>;
const actor = (u: { id: string }) => actorFor(db, u);
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(JSON.stringify(r));
  return r.value.id;
};

async function activity(w: World, side: 'A' | 'B', data: Partial<ActivityData> & { lateByDays?: number } = {}) {
  const { lateByDays, ...rest } = data;
  const a = await createActivity(db, {
    ...(side === 'A'
      ? { pairingId: w.pairingA.id, recordingKindergartenId: w.kgA.id, createdById: w.directorA.id }
      : { pairingId: w.pairingB.id, recordingKindergartenId: w.kgB.id, createdById: w.directorB.id }),
    status: 'DONE',
    title: `活动 ${uniqueSuffix()}`,
    ...rest,
  });
  const startsAt = rest.startsAt ?? a.startsAt;
  await db.activity.update({ where: { id: a.id }, data: { createdAt: new Date(startsAt.getTime() + (lateByDays ?? 0.1) * DAY) } });
  return a;
}

/** County A: eight done records in the period (two entered late), one planned, one outside the period; county B: two. */
async function world() {
  const w = await createPairingWorld(db);
  const done = [];
  for (let d = 1; d <= 8; d++) done.push(await activity(w, 'A', { startsAt: on(d * 3), lateByDays: d <= 2 ? 60 : undefined }));
  const planned = await activity(w, 'A', { startsAt: on(10), status: 'PLANNED' });
  const outside = await activity(w, 'A', { startsAt: new Date('2092-08-15T02:00:00Z') });
  const inB = [await activity(w, 'B', { startsAt: on(5) }), await activity(w, 'B', { startsAt: on(6) })];
  return { w, done, late: done.slice(0, 2), planned, outside, inB };
}

describe('drawing a sample', () => {
  it('draws from the done records in the scope and period, weighted by signals, reproducibly from the stored seed', async () => {
    const { w, done, late, planned, outside, inB } = await world();
    const admin = await actor(w.countyAdminA);
    const input = { countyId: w.countyA.id, ...PERIOD, sampleSize: '4', seed: '2092-spring' };
    const id = idOf(await drawSpotCheck(admin, input, db));
    const sc = await db.spotCheck.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { position: 'asc' } } } });
    expect(sc).toMatchObject({ countyId: w.countyA.id, sampleSize: 4, seed: '2092-spring', createdById: w.countyAdminA.id });
    expect(sc.items).toHaveLength(4);
    expect(sc.items.map((i) => i.position)).toEqual([1, 2, 3, 4]);

    // The population kept in the method: exactly the done records in scope and period, sorted by id, with weights.
    expect(isDrawMethod(sc.method)).toBe(true);
    const method = sc.method as unknown as { population: { id: string; weight: number; kinds: string[] }[]; populationSize: number };
    expect(method.population.map((p) => p.id)).toEqual(done.map((a) => a.id).sort());
    expect(method.populationSize).toBe(8);
    for (const excluded of [planned, outside, ...inB]) expect(method.population.some((p) => p.id === excluded.id)).toBe(false);
    for (const p of method.population) {
      const isLate = late.some((a) => a.id === p.id);
      expect(p).toMatchObject(isLate ? { weight: 3, kinds: ['lateEntry'] } : { weight: 1, kinds: [] });
    }
    for (const i of sc.items) expect(i.signalsAtDraw).toEqual(late.some((a) => a.id === i.activityId) ? ['lateEntry'] : []);

    // Anyone can draw it again from what is kept: the same records in the same order.
    const ids = sc.items.map((i) => i.activityId);
    expect(redraw(sc.method, sc.sampleSize, sc.seed)).toEqual(ids);
    expect(drawSample(method.population, 4, '2092-spring')).toEqual(ids);
    expect((await getSpotCheck(admin, id, db))?.reproducible).toBe(true);
    // Drawn again over the same records with the same seed: the same sample.
    const again = idOf(await drawSpotCheck(admin, input, db));
    const items2 = await db.spotCheckItem.findMany({ where: { spotCheckId: again }, orderBy: { position: 'asc' } });
    expect(items2.map((i) => i.activityId)).toEqual(ids);
    // A tampered record no longer draws the same: the check can fail.
    await db.spotCheck.update({ where: { id }, data: { seed: '2092-spring!' } });
    expect((await getSpotCheck(admin, id, db))?.reproducible).toBe(false);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'spotCheck.drawn', entityId: id } });
    expect(audit).toMatchObject({ actorId: w.countyAdminA.id, countyId: w.countyA.id });
    expect(audit.after).toMatchObject({ seed: '2092-spring', sampleSize: 4, populationSize: 8, drawn: ids });
  });

  it('picks a seed when none is typed, takes the whole population when the sample is larger, refuses an empty one', async () => {
    const { w, done } = await world();
    const admin = await actor(w.countyAdminA);
    const id = idOf(await drawSpotCheck(admin, { countyId: w.countyA.id, ...PERIOD, sampleSize: '50' }, db));
    const sc = await db.spotCheck.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(sc.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(sc.items.map((i) => i.activityId).sort()).toEqual(done.map((a) => a.id).sort());
    expect(
      await drawSpotCheck(admin, { countyId: w.countyA.id, periodFrom: '2093-01-01', periodTo: '2093-02-01', sampleSize: '3' }, db),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { form: ['spotChecks.errors.emptyPopulation'] },
    });
    expect(await drawSpotCheck(admin, { countyId: w.countyA.id, ...PERIOD, sampleSize: '0' }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { sampleSize: ['spotChecks.errors.sampleSize'] },
    });
    expect(
      await drawSpotCheck(admin, { countyId: w.countyA.id, periodFrom: '2092-06-30', periodTo: '2092-03-01', sampleSize: '3' }, db),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { periodTo: ['spotChecks.errors.periodOrder'] },
    });
    expect(await db.spotCheck.count({ where: { createdById: w.countyAdminA.id } })).toBe(1);
  });

  it('draws only in the actor’s scope: a county its own, the city any county or all; directors and teachers not at all', async () => {
    const { w, done, inB } = await world();
    const input = (countyId: string) => ({ countyId, ...PERIOD, sampleSize: '3', seed: 's' });
    expect(await drawSpotCheck(await actor(w.countyAdminB), input(w.countyA.id), db)).toEqual({ ok: false, error: 'notFound' });
    expect(await drawSpotCheck(await actor(w.countyAdminA), input(''), db)).toEqual({ ok: false, error: 'notAllowed' });
    for (const u of [w.directorA, w.teacherA])
      expect(await drawSpotCheck(await actor(u), input(w.countyA.id), db)).toEqual({ ok: false, error: 'notFound' });
    expect(await drawSpotCheck(await actor(w.countyAdminA), input(w.city.id), db)).toEqual({ ok: false, error: 'notFound' });
    const city = await actor(w.cityAdmin);
    const inCountyB = idOf(await drawSpotCheck(city, input(w.countyB.id), db));
    const method = (await db.spotCheck.findUniqueOrThrow({ where: { id: inCountyB } })).method as unknown as {
      population: { id: string }[];
    };
    expect(method.population.map((p) => p.id)).toEqual(inB.map((a) => a.id).sort());
    const cityWide = idOf(await drawSpotCheck(city, { ...input(''), sampleSize: '200' }, db));
    const all = (await db.spotCheck.findUniqueOrThrow({ where: { id: cityWide } })).method as unknown as { population: { id: string }[] };
    for (const a of [...done, ...inB]) expect(all.population.some((p) => p.id === a.id)).toBe(true);
  });
});

describe('checking the sampled records', () => {
  async function drawn() {
    const { w, done } = await world();
    const admin = await actor(w.countyAdminA);
    const id = idOf(await drawSpotCheck(admin, { countyId: w.countyA.id, ...PERIOD, sampleSize: '3', seed: 'check' }, db));
    const items = await db.spotCheckItem.findMany({ where: { spotCheckId: id }, orderBy: { position: 'asc' } });
    return { w, done, admin, id, items };
  }

  it('verifies or questions each record with a note; a question needs one; every check is versioned and audited', async () => {
    const { w, admin, id, items } = await drawn();
    const [first, second] = items;
    expect(await checkSpotCheckItem(admin, { id: first.id, version: '1', verdict: 'VERIFIED', note: '' }, db)).toMatchObject({ ok: true });
    expect(await checkSpotCheckItem(admin, { id: second.id, version: '1', verdict: 'QUESTIONED', note: '  ' }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { note: ['spotChecks.errors.noteRequired'] },
    });
    expect(
      await checkSpotCheckItem(admin, { id: second.id, version: '1', verdict: 'QUESTIONED', note: '签到表与照片人数不符' }, db),
    ).toMatchObject({ ok: true });
    // Someone else saved first: the stale version is refused, nothing written.
    expect(await checkSpotCheckItem(admin, { id: first.id, version: '1', verdict: 'QUESTIONED', note: 'x' }, db)).toEqual({
      ok: false,
      error: 'conflict',
    });
    const rows = await db.spotCheckItem.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { position: 'asc' } });
    expect(rows).toMatchObject([
      { verdict: 'VERIFIED', version: 2, checkedById: w.countyAdminA.id },
      { verdict: 'QUESTIONED', note: '签到表与照片人数不符', version: 2 },
    ]);
    // Changing one's mind is a new, audited check.
    expect(
      await checkSpotCheckItem(admin, { id: first.id, version: '2', verdict: 'QUESTIONED', note: '复核发现日期有误' }, db),
    ).toMatchObject({
      ok: true,
    });
    const audit = await db.auditEntry.findMany({ where: { entityType: 'SpotCheckItem', entityId: first.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['spotCheck.verified', 'spotCheck.questioned']);
    expect(audit[1]).toMatchObject({
      countyId: w.countyA.id,
      before: { verdict: 'VERIFIED', note: '' },
      after: { verdict: 'QUESTIONED', note: '复核发现日期有误', spotCheckId: id },
    });
    const listed = (await listSpotChecks(admin, db)).find((s) => s.id === id);
    expect(listed).toMatchObject({ items: 3, checked: 2, verified: 0, questioned: 2 });
  });

  it('keeps a record questioned once it opened a rectification', async () => {
    const { w, admin, items } = await drawn();
    const item = items[0];
    idOf(await checkSpotCheckItem(admin, { id: item.id, version: '1', verdict: 'QUESTIONED', note: '照片与另一活动相同' }, db));
    await db.rectification.create({
      data: {
        kindergartenId: w.kgA.id,
        pairingId: w.pairingA.id,
        spotCheckItemId: item.id,
        officeCountyId: w.countyA.id,
        requirement: '补充原始材料',
        deadline: new Date('2092-09-30T00:00:00Z'),
        createdById: w.countyAdminA.id,
      },
    });
    expect(await checkSpotCheckItem(admin, { id: item.id, version: '2', verdict: 'VERIFIED', note: '' }, db)).toEqual({
      ok: false,
      error: 'wrongState',
    });
    expect(await checkSpotCheckItem(admin, { id: item.id, version: '2', verdict: 'QUESTIONED', note: '补充：已开整改' }, db)).toMatchObject(
      {
        ok: true,
      },
    );
    const sc = await getSpotCheck(admin, item.spotCheckId, db);
    expect(sc?.items.find((i) => i.id === item.id)?.rectification).toMatchObject({ status: 'OPEN' });
  });

  it('is the drawing office’s: another county, directors and teachers get not found', async () => {
    const { w, id, items } = await drawn();
    for (const u of [w.countyAdminB, w.directorA, w.teacherA, w.directorA2]) {
      const a = await actor(u);
      expect(await checkSpotCheckItem(a, { id: items[0].id, version: '1', verdict: 'VERIFIED', note: '' }, db)).toEqual({
        ok: false,
        error: 'notFound',
      });
      expect(await getSpotCheck(a, id, db)).toBeNull();
      expect((await listSpotChecks(a, db)).some((s) => s.id === id)).toBe(false);
    }
    expect(await getSpotCheck(await actor(w.cityAdmin), id, db)).not.toBeNull();
    expect(await db.spotCheckItem.findUniqueOrThrow({ where: { id: items[0].id } })).toMatchObject({ verdict: null, version: 1 });
  });

  it('shows the share of verified records per pairing to the bureau, on the pairing and on the spot check', async () => {
    const { w, admin, id, items } = await drawn();
    idOf(await checkSpotCheckItem(admin, { id: items[0].id, version: '1', verdict: 'VERIFIED', note: '' }, db));
    idOf(await checkSpotCheckItem(admin, { id: items[1].id, version: '1', verdict: 'VERIFIED', note: '' }, db));
    idOf(await checkSpotCheckItem(admin, { id: items[2].id, version: '1', verdict: 'QUESTIONED', note: '存疑' }, db));
    expect(await pairingSpotCheckShare(admin, w.pairingA.id, db)).toEqual({ verified: 2, questioned: 1, checked: 3 });
    expect(await pairingSpotCheckShare(await actor(w.cityAdmin), w.pairingA.id, db)).toEqual({ verified: 2, questioned: 1, checked: 3 });
    // Another county's checks are not counted for it; directors do not get the figure at all.
    expect(await pairingSpotCheckShare(await actor(w.countyAdminB), w.pairingA.id, db)).toEqual({ verified: 0, questioned: 0, checked: 0 });
    expect(await pairingSpotCheckShare(await actor(w.directorA), w.pairingA.id, db)).toBeNull();
    const sc = await getSpotCheck(admin, id, db);
    expect(sc?.pairings).toMatchObject([{ id: w.pairingA.id, verified: 2, questioned: 1, checked: 3 }]);
  });
});
