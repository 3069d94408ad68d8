import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/authz';
import type { Message, Result } from '@/lib/result';
import { getRolloverPlan } from '@/lib/pairings/rollover';
import { applyRollover, updatePairing } from '@/lib/pairings/commands';
import { createCycle as createCycleCore, updateCitySettings, updateSemesters } from '@/lib/cycles/commands';
import { defaultSemesters } from '@/lib/cycles/periods';
import {
  actorFor,
  createCycle,
  createKindergarten,
  createPairing,
  createScopeWorld,
  createUser,
  freeStartYear,
  setMaxAssisted,
} from '../fixtures/factories';

/** Two consecutive cycles and three pairings in county A's source cycle. */
async function rolloverWorld() {
  const w = await createScopeWorld(db);
  const year = await freeStartYear(db);
  const source = await createCycle(db, { startYear: year });
  const target = await createCycle(db, { startYear: year + 2 });
  const rural2 = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
  const rural3 = await createKindergarten(db, w.countyA.id, { area: 'RURAL' });
  const urban2 = await createKindergarten(db, w.countyA.id, { area: 'URBAN', level: 'COUNTY' });
  const director2 = await createUser(db, { role: 'DIRECTOR', kindergartenId: rural2.id });
  const director3 = await createUser(db, { role: 'DIRECTOR', kindergartenId: rural3.id });
  const urbanDirector2 = await createUser(db, { role: 'DIRECTOR', kindergartenId: urban2.id });
  const p1 = await createPairing(db, {
    cycleId: source.id,
    supportingId: w.kgA.id,
    assistedId: w.kgA2.id,
    leaderId: w.directorA.id,
    memberIds: [w.directorA2.id, w.teacherA.id],
    goalTeachers: '送教 10 课时',
    goalChildren: '幼儿素质目标',
  });
  const p2 = await createPairing(db, {
    cycleId: source.id,
    supportingId: w.kgA.id,
    assistedId: rural2.id,
    leaderId: w.directorA.id,
    memberIds: [director2.id],
  });
  const p3 = await createPairing(db, {
    cycleId: source.id,
    supportingId: urban2.id,
    assistedId: rural3.id,
    leaderId: urbanDirector2.id,
    memberIds: [director3.id],
  });
  // A pairing in county B: not the county A admin's to roll over.
  const ruralB = await createKindergarten(db, w.countyB.id, { area: 'RURAL' });
  const pB = await createPairing(db, { cycleId: source.id, supportingId: w.kgB.id, assistedId: ruralB.id, leaderId: w.directorB.id });
  return {
    ...w,
    source,
    target,
    rural2,
    rural3,
    urban2,
    director2,
    director3,
    urbanDirector2,
    p1,
    p2,
    p3,
    pB,
    a: await actorFor(db, w.countyAdminA),
  };
}

/** A refusal's messages as catalogue keys, by field (a rollover row's pairing id, or 'form' above the form). */
const refusal = (r: Result<unknown>) =>
  r.ok
    ? null
    : Object.fromEntries(
        Object.entries(r.fieldErrors ?? {}).map(([f, ms]) => [f, ms.map((m: Message) => (typeof m === 'string' ? m : m.key))]),
      );

const snapshot = (cycleId: string) =>
  db.pairing.findMany({ where: { cycleId }, orderBy: { id: 'asc' }, include: { members: { orderBy: { userId: 'asc' } } } });

describe('rollover', () => {
  it('keep, change partner and end, in one go; goals and leading group carry over; source unchanged', async () => {
    const w = await rolloverWorld();
    const before = await snapshot(w.source.id);
    const plan = await getRolloverPlan(w.a, w.source.id);
    expect(plan.target?.id).toBe(w.target.id);
    expect(plan.rows.map((r) => r.id).sort()).toEqual([w.p1.id, w.p2.id, w.p3.id].sort());

    const result = await applyRollover(
      w.a,
      {
        sourceCycleId: w.source.id,
        decisions: [
          { pairingId: w.p1.id, decision: 'keep' },
          { pairingId: w.p2.id, decision: 'change', supportingId: w.urban2.id },
          { pairingId: w.p3.id, decision: 'end' },
        ],
      },
      db,
    );
    expect(result).toEqual({ ok: true, value: { created: 2, skipped: 0, ended: 1 } });
    const created = await db.pairing.findMany({ where: { cycleId: w.target.id }, include: { members: true } });
    expect(created).toHaveLength(2);
    const kept = created.find((p) => p.previousId === w.p1.id)!;
    expect(kept).toMatchObject({
      supportingId: w.kgA.id,
      assistedId: w.kgA2.id,
      goalTeachers: '送教 10 课时',
      goalChildren: '幼儿素质目标',
    });
    expect(kept.startsOn.toISOString().slice(0, 10)).toBe(`${w.target.startYear}-09-01`);
    expect(kept.members.map((m) => `${m.userId}:${m.role}`).sort()).toEqual(
      [`${w.directorA.id}:LEADER`, `${w.directorA2.id}:MEMBER`, `${w.teacherA.id}:MEMBER`].sort(),
    );
    const changed = created.find((p) => p.previousId === w.p2.id)!;
    expect(changed.supportingId).toBe(w.urban2.id);
    // The old supporter's director no longer serves this pair: the assisted side's member leads.
    expect(changed.members.map((m) => `${m.userId}:${m.role}`)).toEqual([`${w.director2.id}:LEADER`]);
    expect(await db.pairing.count({ where: { previousId: w.p3.id } })).toBe(0);
    expect(await snapshot(w.source.id)).toEqual(before);
    expect(await db.auditEntry.count({ where: { action: 'pairing.rollover', entityId: w.target.id } })).toBe(1);
  });

  it('all or none: one invalid proposal and nothing is created, with the reason on its row', async () => {
    const w = await rolloverWorld();
    await setMaxAssisted(db, w.city.id, 1);
    // kgA keeps two assisted ones: over the cap of 1.
    const result = await applyRollover(
      w.a,
      {
        sourceCycleId: w.source.id,
        decisions: [
          { pairingId: w.p3.id, decision: 'keep' },
          { pairingId: w.p1.id, decision: 'keep' },
          { pairingId: w.p2.id, decision: 'keep' },
        ],
      },
      db,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(refusal(result)).toEqual({ [w.p2.id]: ['pairings.errors.capReached'] });
    expect(await db.pairing.count({ where: { cycleId: w.target.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: w.target.id } })).toBe(0);
    // A partner that cannot support is refused too.
    const r2 = await applyRollover(
      w.a,
      { sourceCycleId: w.source.id, decisions: [{ pairingId: w.p1.id, decision: 'change', supportingId: w.rural3.id }] },
      db,
    );
    expect(refusal(r2)).toEqual({ [w.p1.id]: ['pairings.errors.supporterNotDemonstration'] });
    const r3 = await applyRollover(w.a, { sourceCycleId: w.source.id, decisions: [{ pairingId: w.p1.id, decision: 'change' }] }, db);
    expect(refusal(r3)).toEqual({ [w.p1.id]: ['pairings.errors.partnerRequired'] });
    expect(await db.pairing.count({ where: { cycleId: w.target.id } })).toBe(0);
  });

  it('a second run creates no duplicates, and the plan shows what was carried over', async () => {
    const w = await rolloverWorld();
    const decisions = [w.p1, w.p2, w.p3].map((p) => ({ pairingId: p.id, decision: 'keep' as const }));
    expect(await applyRollover(w.a, { sourceCycleId: w.source.id, decisions }, db)).toMatchObject({ ok: true, value: { created: 3 } });
    expect(await applyRollover(w.a, { sourceCycleId: w.source.id, decisions }, db)).toMatchObject({
      ok: true,
      value: { created: 0, skipped: 3 },
    });
    expect(await db.pairing.count({ where: { cycleId: w.target.id } })).toBe(3);
    const plan = await getRolloverPlan(w.a, w.source.id);
    expect(plan.rows.every((r) => r.next != null)).toBe(true);
  });

  it('two admins running the same rollover at once create each pairing once', async () => {
    const w = await rolloverWorld();
    const decisions = [w.p1, w.p2, w.p3].map((p) => ({ pairingId: p.id, decision: 'keep' as const }));
    const cityAdmin = await actorFor(db, w.cityAdmin);
    const results = await Promise.all([
      applyRollover(w.a, { sourceCycleId: w.source.id, decisions }, db),
      applyRollover(cityAdmin, { sourceCycleId: w.source.id, decisions }, db),
    ]);
    expect(results.some((r) => r.ok && r.value.created === 3)).toBe(true);
    expect(await db.pairing.count({ where: { cycleId: w.target.id } })).toBe(3);
  });

  it('pairings outside the admin’s county are not found; directors cannot roll over', async () => {
    const w = await rolloverWorld();
    expect(
      await applyRollover(w.a, { sourceCycleId: w.source.id, decisions: [{ pairingId: w.pB.id, decision: 'keep' }] }, db),
    ).toMatchObject({ ok: false, error: 'notFound' });
    await expect(getRolloverPlan(await actorFor(db, w.directorA), w.source.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.pairing.count({ where: { cycleId: w.target.id } })).toBe(0);
  });

  it('refuses when there is no next cycle, and the past cycle stays read-only', async () => {
    const w = await createScopeWorld(db);
    const lone = await createCycle(db);
    const p = await createPairing(db, { cycleId: lone.id, supportingId: w.kgA.id, assistedId: w.kgA2.id, leaderId: w.directorA.id });
    const r = await applyRollover(
      await actorFor(db, w.countyAdminA),
      { sourceCycleId: lone.id, decisions: [{ pairingId: p.id, decision: 'keep' }] },
      db,
    );
    expect(refusal(r)).toEqual({ form: ['pairings.errors.targetMissing'] });
    const after = new Date(Date.UTC(lone.startYear + 2, 7, 1, 12));
    const edit = await updatePairing(
      await actorFor(db, w.countyAdminA),
      {
        pairingId: p.id,
        version: 1,
        startsOn: `${lone.startYear}-09-01`,
        goalConditions: 'x',
        goalManagement: '',
        goalTeachers: '',
        goalChildren: '',
        leaderId: w.directorA.id,
        memberIds: [],
      },
      db,
      after,
    );
    expect(refusal(edit)).toEqual({ form: ['pairings.errors.cycleEnded'] });
    expect((await db.pairing.findUniqueOrThrow({ where: { id: p.id } })).goalConditions).toBe('');
  });
});

describe('cycles and city settings', () => {
  it('the city admin creates a cycle with default semesters; overlapping cycles are refused', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.cityAdmin);
    const year = await freeStartYear(db);
    const r = await createCycleCore(admin, { startYear: year }, db);
    expect(r.ok).toBe(true);
    const semesters = await db.semester.findMany({ where: { cycle: { startYear: year } }, orderBy: { startsOn: 'asc' } });
    expect(semesters.map((s) => `${s.term}:${s.startsOn.toISOString().slice(0, 10)}`)).toEqual([
      `AUTUMN:${year}-09-01`,
      `SPRING:${year + 1}-02-01`,
      `AUTUMN:${year + 1}-09-01`,
      `SPRING:${year + 2}-02-01`,
    ]);
    expect(refusal(await createCycleCore(admin, { startYear: year + 1 }, db))).toEqual({ startYear: ['cycles.errors.overlapsCycle'] });
    expect(refusal(await createCycleCore(admin, { startYear: year }, db))).toEqual({ startYear: ['cycles.errors.overlapsCycle'] });
    expect(await createCycleCore(await actorFor(db, w.countyAdminA), { startYear: year + 2 }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
  });

  it('semester dates are validated and saved with an audit entry', async () => {
    const w = await createScopeWorld(db);
    const admin = await actorFor(db, w.cityAdmin);
    const cycle = await createCycle(db);
    const y = cycle.startYear;
    const overlapping = defaultSemesters(y).map((s, i) => (i === 1 ? { ...s, startsOn: `${y + 1}-01-15` } : s));
    const refused = await updateSemesters(admin, { cycleId: cycle.id, semesters: overlapping }, db);
    expect(refusal(refused)).toEqual({ [`${y}-SPRING-startsOn`]: ['cycles.errors.overlapsPrevious'] });
    const shifted = defaultSemesters(y).map((s, i) =>
      i === 0 ? { ...s, endsOn: `${y + 1}-01-20` } : i === 1 ? { ...s, startsOn: `${y + 1}-02-20` } : s,
    );
    expect(await updateSemesters(admin, { cycleId: cycle.id, semesters: shifted }, db)).toMatchObject({ ok: true });
    const spring = await db.semester.findFirstOrThrow({ where: { cycleId: cycle.id, academicYear: y, term: 'SPRING' } });
    expect(spring.startsOn.toISOString().slice(0, 10)).toBe(`${y + 1}-02-20`);
    expect(await db.auditEntry.count({ where: { entityId: cycle.id, action: 'cycle.semestersUpdated' } })).toBe(1);
    // A pairing that would fall outside the shortened cycle blocks the change.
    await createPairing(db, {
      cycleId: cycle.id,
      supportingId: w.kgA.id,
      assistedId: w.kgA2.id,
      startsOn: `${y}-09-01`,
      leaderId: w.directorA.id,
    });
    const later = defaultSemesters(y).map((s, i) => (i === 0 ? { ...s, startsOn: `${y}-09-10` } : s));
    expect(refusal(await updateSemesters(admin, { cycleId: cycle.id, semesters: later }, db))).toEqual({
      form: ['cycles.errors.pairingsOutside'],
    });
    // An ended cycle's calendar is history.
    const after = new Date(Date.UTC(y + 3, 0, 1));
    expect(refusal(await updateSemesters(admin, { cycleId: cycle.id, semesters: defaultSemesters(y) }, db, after))).toEqual({
      form: ['cycles.errors.cycleEnded'],
    });
  });

  it('the cap setting is the city admin’s, audited', async () => {
    const w = await createScopeWorld(db);
    expect(await updateCitySettings(await actorFor(db, w.countyAdminA), { maxAssistedPerSupporter: 3 }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(await updateCitySettings(await actorFor(db, w.cityAdmin), { maxAssistedPerSupporter: 3 }, db)).toMatchObject({ ok: true });
    expect((await db.citySetting.findUniqueOrThrow({ where: { cityId: w.city.id } })).maxAssistedPerSupporter).toBe(3);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'settings.updated', entityId: w.city.id } });
    expect(audit.before).toEqual({ maxAssistedPerSupporter: 2 });
    expect(audit.after).toEqual({ maxAssistedPerSupporter: 3 });
  });
});
