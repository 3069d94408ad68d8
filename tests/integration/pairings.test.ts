import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { loadMessages } from '@/i18n/catalogue';
import { NotFoundError, type ActorWithName } from '@/lib/authz';
import type { Result } from '@/lib/result';
import { createPairing, endPairing, updatePairing } from '@/lib/pairings/commands';
import { getPairing, listPairings, supportersAtCap } from '@/lib/pairings/queries';
import type { CreatePairingData } from '@/lib/pairings/schemas';
import {
  actorFor,
  createCity,
  createCounty,
  createCycle,
  createKindergarten,
  createPairing as seedPairing,
  createScopeWorld,
  createUser,
  setMaxAssisted,
} from '../fixtures/factories';

/** Scope world plus more kindergartens in county A and B, and a cycle. */
async function world() {
  const w = await createScopeWorld(db);
  const rural2 = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
  const rural3 = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
  const urbanPlain = await createKindergarten(db, w.countyA.id, { area: 'URBAN', level: 'NONE' });
  const urbanDemo2 = await createKindergarten(db, w.countyA.id, { area: 'URBAN', level: 'MUNICIPAL' });
  const ruralB = await createKindergarten(db, w.countyB.id, { area: 'RURAL' });
  const teacherA2 = await createUser(db, { role: 'TEACHER', kindergartenId: w.kgA2.id, name: '甲二老师' });
  const cycle = await createCycle(db);
  const startsOn = `${cycle.startYear}-09-01`;
  const a = await actorFor(db, w.countyAdminA);
  const c = await actorFor(db, w.cityAdmin);
  return { ...w, rural2, rural3, urbanPlain, urbanDemo2, ruralB, teacherA2, cycle, startsOn, a, c };
}
type W = Awaited<ReturnType<typeof world>>;

function input(w: W, supportingId: string, assistedId: string, over: Partial<CreatePairingData> = {}): CreatePairingData {
  return {
    cycleId: w.cycle.id,
    supportingId,
    assistedId,
    startsOn: w.startsOn,
    goalConditions: '',
    goalManagement: '',
    goalTeachers: '',
    goalChildren: '',
    leaderId: w.directorA.id,
    memberIds: [],
    ...over,
  };
}

const catalogues = { zh: await loadMessages('zh'), en: await loadMessages('en') };
/** Every message of a failure, beside a field or above the form. */
function messagesOf(result: Result) {
  if (result.ok) return [];
  return [...Object.values(result.fieldErrors ?? {}).flat(), ...(result.message ? [result.message] : [])].map((m) =>
    typeof m === 'string' ? { key: m } : m,
  );
}
/** Refused with this code, and the code has a real sentence in both languages. */
function expectRefused(result: Result, code: string) {
  expect(result.ok).toBe(false);
  const issue = messagesOf(result).find((m) => m.key === `pairings.errors.${code}`);
  expect(issue, `expected ${code}, got ${JSON.stringify(result)}`).toBeTruthy();
  for (const locale of ['zh', 'en'] as const) {
    const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'pairings.errors' });
    const text = t(code as never, issue!.values as never);
    expect(text).not.toContain('pairings.errors');
    expect(text.length).toBeGreaterThan(5);
  }
}
function expectOk(result: Result): string {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: { id: string } }).value.id;
}

describe('pairing rules, each refused with its message and allowed in its counterpart', () => {
  it('a demonstration kindergarten supports a rural one; the leading group is saved', async () => {
    const w = await world();
    const id = expectOk(
      await createPairing(
        w.a,
        input(w, w.kgA.id, w.kgA2.id, { memberIds: [w.directorA2.id, w.teacherA.id], goalTeachers: '每学期送教 10 课时' }),
        db,
      ),
    );
    const p = await db.pairing.findUniqueOrThrow({ where: { id }, include: { members: true } });
    expect(p.goalTeachers).toBe('每学期送教 10 课时');
    expect(p.members.map((m) => `${m.userId}:${m.role}`).sort()).toEqual(
      [`${w.directorA.id}:LEADER`, `${w.directorA2.id}:MEMBER`, `${w.teacherA.id}:MEMBER`].sort(),
    );
    const audit = await db.auditEntry.findFirst({ where: { entityId: id, action: 'pairing.created' } });
    expect(audit?.countyId).toBe(w.countyA.id);
  });

  it('the supporting kindergarten needs a demonstration level', async () => {
    const w = await world();
    const leader = await createUser(db, { role: 'DIRECTOR', kindergartenId: w.urbanPlain.id });
    expectRefused(await createPairing(w.a, input(w, w.urbanPlain.id, w.kgA2.id, { leaderId: leader.id }), db), 'supporterNotDemonstration');
    expectOk(await createPairing(w.a, input(w, w.urbanDemo2.id, w.kgA2.id, { leaderId: w.directorA2.id }), db));
  });

  it('the assisted kindergarten is rural or has no demonstration level', async () => {
    const w = await world();
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.urbanDemo2.id), db), 'assistedNotEligible');
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.urbanPlain.id), db));
  });

  it('no kindergarten is paired with itself', async () => {
    const w = await world();
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.kgA.id), db), 'sameKindergarten');
  });

  it('both kindergartens must be active', async () => {
    const w = await world();
    await db.kindergarten.update({ where: { id: w.rural2.id }, data: { active: false } });
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id), db), 'assistedInactive');
    await db.kindergarten.update({ where: { id: w.urbanDemo2.id }, data: { active: false } });
    expectRefused(await createPairing(w.a, input(w, w.urbanDemo2.id, w.rural3.id), db), 'supportingInactive');
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural3.id), db));
  });

  it('a county admin pairs within the county; the city admin across counties', async () => {
    const w = await world();
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.ruralB.id), db), 'outsideCounty');
    expectRefused(await createPairing(await actorFor(db, w.countyAdminB), input(w, w.kgA.id, w.ruralB.id), db), 'outsideCounty');
    expectOk(await createPairing(w.c, input(w, w.kgA.id, w.ruralB.id), db));
  });

  it('directors and teachers cannot form pairings at all', async () => {
    const w = await world();
    expect(await createPairing(await actorFor(db, w.directorA), input(w, w.kgA.id, w.kgA2.id), db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(await db.pairing.count({ where: { cycleId: w.cycle.id } })).toBe(0);
  });

  it('an assisted kindergarten has one supporting kindergarten per cycle', async () => {
    const w = await world();
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    expectRefused(
      await createPairing(w.a, input(w, w.urbanDemo2.id, w.kgA2.id, { leaderId: w.directorA2.id }), db),
      'assistedAlreadyPaired',
    );
    // In another cycle it may have another partner.
    const other = await createCycle(db);
    expectOk(
      await createPairing(
        w.a,
        input(w, w.urbanDemo2.id, w.kgA2.id, { cycleId: other.id, startsOn: `${other.startYear}-09-01`, leaderId: w.directorA2.id }),
        db,
      ),
    );
  });

  it('dates lie within the cycle; an ended cycle takes no new pairings', async () => {
    const w = await world();
    expectRefused(
      await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { startsOn: `${w.cycle.startYear}-08-31` }), db),
      'startOutsideCycle',
    );
    expectRefused(
      await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { startsOn: `${w.cycle.startYear + 2}-08-01` }), db),
      'startOutsideCycle',
    );
    const afterCycle = new Date(Date.UTC(w.cycle.startYear + 2, 7, 15));
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db, afterCycle), 'cycleEnded');
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { startsOn: `${w.cycle.startYear + 2}-07-31` }), db));
  });

  it('the leading group is drawn from active people of the two kindergartens', async () => {
    const w = await world();
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { leaderId: '' }), db), 'leaderRequired');
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { leaderId: w.directorB.id }), db), 'memberNotEligible');
    await db.user.update({ where: { id: w.teacherA2.id }, data: { active: false } });
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { memberIds: [w.teacherA2.id] }), db), 'memberNotEligible');
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { memberIds: [w.directorA2.id] }), db));
  });
});

describe('the cap from the city setting', () => {
  it('defaults to two assisted kindergartens per supporter and cycle', async () => {
    const w = await world();
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id), db));
    const refused = await createPairing(w.a, input(w, w.kgA.id, w.rural3.id), db);
    expectRefused(refused, 'capReached');
    expect(!refused.ok && refused.fieldErrors?.supportingId?.[0]).toEqual({ key: 'pairings.errors.capReached', values: { max: 2 } });
  });

  it('follows the city admin’s setting, and an ended pairing frees its slot', async () => {
    const w = await world();
    await setMaxAssisted(db, w.city.id, 1);
    const first = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id), db), 'capReached');
    await db.pairing.update({ where: { id: first }, data: { endsOn: new Date(`${w.cycle.startYear + 1}-01-31T00:00:00Z`) } });
    expectRefused(
      await createPairing(w.a, input(w, w.kgA.id, w.rural2.id, { startsOn: `${w.cycle.startYear + 1}-01-31` }), db),
      'capReached',
    );
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id, { startsOn: `${w.cycle.startYear + 1}-02-01` }), db));
    await setMaxAssisted(db, w.city.id, 3);
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural3.id), db));
  });
});

describe('the new-pairing form offers only supporters below the cap', () => {
  it('names a supporter as full exactly when creating a pairing with it would be refused', async () => {
    const w = await world();
    await setMaxAssisted(db, w.city.id, 1);
    const full = () => supportersAtCap(w.cycle.id, w.startsOn, 1, db);
    expect(await full()).toEqual(new Set());
    const first = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    expect(await full()).toEqual(new Set([w.kgA.id]));
    expectRefused(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id), db), 'capReached');
    // Another cycle's slots are its own; a higher cap frees the supporter.
    expect(await supportersAtCap((await createCycle(db)).id, w.startsOn, 1, db)).toEqual(new Set());
    expect(await supportersAtCap(w.cycle.id, w.startsOn, 2, db)).toEqual(new Set());
    // A pairing that ends before the new one starts frees its slot, for the form as for the command.
    const nextYear = `${w.cycle.startYear + 1}-02-01`;
    await db.pairing.update({ where: { id: first }, data: { endsOn: new Date(`${w.cycle.startYear + 1}-01-31T00:00:00Z`) } });
    expect(await supportersAtCap(w.cycle.id, nextYear, 1, db)).toEqual(new Set());
    expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id, { startsOn: nextYear }), db));
    expect(await supportersAtCap(w.cycle.id, nextYear, 1, db)).toEqual(new Set([w.kgA.id]));
  });
});

describe('concurrent creation', () => {
  it('two admins taking the supporter’s last slot at once: exactly one succeeds', async () => {
    const w = await world();
    await setMaxAssisted(db, w.city.id, 1);
    for (let round = 0; round < 3; round++) {
      const sup = await createKindergarten(db, w.countyA.id, { area: 'URBAN', level: 'COUNTY' });
      const leader = await createUser(db, { role: 'DIRECTOR', kindergartenId: sup.id });
      const x = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
      const y = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
      const results = await Promise.all([
        createPairing(w.a, input(w, sup.id, x.id, { leaderId: leader.id }), db),
        createPairing(w.c, input(w, sup.id, y.id, { leaderId: leader.id }), db),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expectRefused(
        results.find((r) => !r.ok)!,
        'capReached',
      );
      expect(await db.pairing.count({ where: { cycleId: w.cycle.id, supportingId: sup.id } })).toBe(1);
    }
  });

  it('two admins pairing the same assisted kindergarten at once: exactly one succeeds', async () => {
    const w = await world();
    const leader = await createUser(db, { role: 'DIRECTOR', kindergartenId: w.rural2.id });
    const results = await Promise.all([
      createPairing(w.a, input(w, w.kgA.id, w.rural2.id, { leaderId: leader.id }), db),
      createPairing(w.c, input(w, w.urbanDemo2.id, w.rural2.id, { leaderId: leader.id }), db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expectRefused(
      results.find((r) => !r.ok)!,
      'assistedAlreadyPaired',
    );
    expect(await db.pairing.count({ where: { cycleId: w.cycle.id, assistedId: w.rural2.id } })).toBe(1);
  });
});

describe('editing with optimistic concurrency', () => {
  async function formed(w: W) {
    const id = expectOk(
      await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id, { goalTeachers: '原目标', memberIds: [w.directorA2.id] }), db),
    );
    return id;
  }
  const update = (w: W, id: string, version: number, over: Record<string, unknown> = {}) => ({
    pairingId: id,
    version,
    startsOn: w.startsOn,
    goalConditions: '',
    goalManagement: '',
    goalTeachers: '原目标',
    goalChildren: '',
    leaderId: w.directorA.id,
    memberIds: [w.directorA2.id],
    ...over,
  });

  it('a stale version is refused with a field-by-field diff; the fresh version then succeeds', async () => {
    const w = await world();
    const id = await formed(w);
    // Admin 1 saves first, based on version 1.
    expectOk(
      await updatePairing(
        w.c,
        update(w, id, 1, { goalTeachers: '市里的目标', leaderId: w.directorA2.id, memberIds: [w.directorA.id] }),
        db,
      ),
    );
    // Admin 2, also based on version 1, is refused and shown what differs.
    const stale = await updatePairing(w.a, update(w, id, 1, { goalTeachers: '县里的目标', goalChildren: '新增幼儿目标' }), db);
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.error !== 'conflict' || !stale.conflict?.changes) throw new Error('expected a conflict');
    expect(stale.conflict.version).toBe(2);
    expect(stale.conflict.updatedBy).toBe(w.cityAdmin.name);
    const byField = Object.fromEntries(stale.conflict.changes.map((c) => [c.field, c]));
    expect(byField.goalTeachers).toEqual({ field: 'goalTeachers', theirs: '县里的目标', current: '市里的目标' });
    expect(byField.goalChildren).toEqual({ field: 'goalChildren', theirs: '新增幼儿目标', current: '' });
    expect(byField.leader).toEqual({ field: 'leader', theirs: w.directorA.name, current: w.directorA2.name });
    expect(byField.startsOn).toBeUndefined();
    // Nothing of admin 2's was written.
    const row = await db.pairing.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 2, goalTeachers: '市里的目标', goalChildren: '' });
    // Re-saved deliberately on the current version: accepted.
    expectOk(
      await updatePairing(w.a, update(w, id, stale.conflict.version, { goalTeachers: '县里的目标', goalChildren: '新增幼儿目标' }), db),
    );
    expect(await db.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 3,
      goalTeachers: '县里的目标',
      goalChildren: '新增幼儿目标',
    });
    const audits = await db.auditEntry.findMany({ where: { entityId: id, action: 'pairing.updated' }, orderBy: { id: 'asc' } });
    expect(audits).toHaveLength(2);
    expect(audits[1].before).toMatchObject({ version: 2, goalTeachers: '市里的目标' });
  });

  it('two saves racing on the same version: one wins, the other gets a conflict', async () => {
    const w = await world();
    const id = await formed(w);
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.all([
        updatePairing(w.a, update(w, id, round, { goalConditions: `A${round}` }), db),
        updatePairing(w.c, update(w, id, round, { goalConditions: `B${round}` }), db),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const lost = results.find((r) => !r.ok);
      expect(lost).toMatchObject({ ok: false, error: 'conflict', conflict: { version: round + 1 } });
      // Only the winner's text is stored, with one audit entry for it.
      const winner = results[0].ok ? `A${round}` : `B${round}`;
      expect(await db.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: round + 1, goalConditions: winner });
      expect(await db.auditEntry.count({ where: { entityId: id, action: 'pairing.updated' } })).toBe(round);
    }
  });

  it('ending needs a date within the cycle and a reason, and uses the version too', async () => {
    const w = await world();
    const id = await formed(w);
    expectRefused(
      await endPairing(w.a, { pairingId: id, version: 1, endsOn: `${w.cycle.startYear}-08-01`, endReason: '撤并' }, db),
      'endBeforeStart',
    );
    expectRefused(
      await endPairing(w.a, { pairingId: id, version: 1, endsOn: `${w.cycle.startYear + 2}-08-01`, endReason: '撤并' }, db),
      'endOutsideCycle',
    );
    expectOk(await endPairing(w.a, { pairingId: id, version: 1, endsOn: `${w.cycle.startYear + 1}-06-30`, endReason: '被帮扶园撤并' }, db));
    const stale = await endPairing(w.c, { pairingId: id, version: 1, endsOn: `${w.cycle.startYear + 1}-05-01`, endReason: '其他' }, db);
    expect(!stale.ok && stale.error === 'conflict' && stale.conflict?.changes?.map((c) => c.field)).toEqual(['endsOn', 'endReason']);
  });

  it('pairings of an ended cycle cannot be changed', async () => {
    const w = await world();
    const id = await formed(w);
    const later = new Date(Date.UTC(w.cycle.startYear + 3, 0, 1));
    expectRefused(await updatePairing(w.a, update(w, id, 1, { goalConditions: 'late' }), db, later), 'cycleEnded');
    expectRefused(
      await endPairing(w.a, { pairingId: id, version: 1, endsOn: `${w.cycle.startYear + 1}-06-30`, endReason: 'x' }, db, later),
      'cycleEnded',
    );
    expect((await db.pairing.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it('a county admin may view but not change a cross-county pairing; other counties get not-found', async () => {
    const w = await world();
    const id = expectOk(await createPairing(w.c, input(w, w.kgA.id, w.ruralB.id), db));
    const refused = await updatePairing(await actorFor(db, w.countyAdminB), update(w, id, 1), db);
    expect(refused).toMatchObject({ ok: false, error: 'notAllowed' });
    expectRefused(refused, 'notAllowed');
    const w2 = await createScopeWorld(db);
    expect(await updatePairing(await actorFor(db, w2.countyAdminA), update(w, id, 1), db)).toMatchObject({ ok: false, error: 'notFound' });
  });
});

describe('scope', () => {
  it('a director of another county gets not-found; both sides’ directors and teachers see it', async () => {
    const w = await world();
    const id = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    await expect(getPairing(await actorFor(db, w.directorB), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPairing(await actorFor(db, w.teacherB), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPairing(await actorFor(db, w.countyAdminB), id)).rejects.toBeInstanceOf(NotFoundError);
    for (const u of [w.directorA, w.directorA2, w.teacherA]) {
      expect((await getPairing(await actorFor(db, u), id)).id).toBe(id);
    }
    expect((await getPairing(w.c, id)).id).toBe(id);
  });

  it('lists contain only in-scope pairings', async () => {
    const w = await world();
    const inA = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    const leaderB = await createUser(db, { role: 'DIRECTOR', kindergartenId: w.ruralB.id });
    const inB = expectOk(
      await createPairing(await actorFor(db, w.countyAdminB), input(w, w.kgB.id, w.ruralB.id, { leaderId: leaderB.id }), db),
    );
    const inA2 = expectOk(
      await createPairing(
        w.a,
        input(w, w.urbanDemo2.id, w.rural2.id, { leaderId: (await createUser(db, { role: 'DIRECTOR', kindergartenId: w.rural2.id })).id }),
        db,
      ),
    );
    const ids = async (u: ActorWithName) => (await listPairings(u, { cycleId: w.cycle.id })).rows.map((r) => r.id).sort();
    expect(await ids(w.a)).toEqual([inA, inA2].sort());
    expect(await ids(await actorFor(db, w.countyAdminB))).toEqual([inB]);
    expect(await ids(await actorFor(db, w.directorA))).toEqual([inA]);
    expect(await ids(await actorFor(db, w.directorA2))).toEqual([inA]);
    expect(await ids(await actorFor(db, w.teacherB))).toEqual([inB]);
    expect((await ids(w.c)).filter((id) => [inA, inB, inA2].includes(id)).sort()).toEqual([inA, inB, inA2].sort());
    // Filters narrow within the scope, never widen it.
    expect((await listPairings(w.a, { cycleId: w.cycle.id, countyId: w.countyB.id })).rows).toEqual([]);
    const total = (await listPairings(w.a, { cycleId: w.cycle.id })).total;
    expect(total).toBe(2);
  });

  it('status and search filters', async () => {
    const w = await world();
    const p1 = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.kgA2.id), db));
    const p2 = expectOk(await createPairing(w.a, input(w, w.kgA.id, w.rural2.id), db));
    await db.pairing.update({ where: { id: p2 }, data: { endsOn: new Date(`${w.cycle.startYear}-10-01T00:00:00Z`) } });
    const when = new Date(Date.UTC(w.cycle.startYear, 10, 1));
    expect((await listPairings(w.a, { cycleId: w.cycle.id, status: 'active' }, when)).rows.map((r) => r.id)).toEqual([p1]);
    expect((await listPairings(w.a, { cycleId: w.cycle.id, status: 'ended' }, when)).rows.map((r) => r.id)).toEqual([p2]);
    const kgA2 = await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgA2.id } });
    expect((await listPairings(w.a, { cycleId: w.cycle.id, q: kgA2.name.slice(-6) })).rows.map((r) => r.id)).toEqual([p1]);
  });
});

describe('factories', () => {
  it('build a pairing directly for fixtures and the seed', async () => {
    const city = await createCity(db);
    const county = await createCounty(db, city.id);
    const s = await createKindergarten(db, county.id);
    const r = await createKindergarten(db, county.id, { area: 'RURAL' });
    const cycle = await createCycle(db);
    const p = await seedPairing(db, { cycleId: cycle.id, supportingId: s.id, assistedId: r.id });
    expect(p.startsOn.toISOString().slice(0, 10)).toBe(`${cycle.startYear}-09-01`);
  });
});
