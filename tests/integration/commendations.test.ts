import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { advanceRound, createRound, decideNomination, nominate, withdrawNomination } from '@/lib/commendations/commands';
import { getCertificate, getRound, listRounds, shortlistFor } from '@/lib/commendations/queries';
import { createActivity } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';
import { closingWorld } from '../fixtures/period-factories';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const TESTS = ['S1', 'S2', 'S3', 'S4', 'S5'];

/** Closing is city-wide: these semesters belong to a past cycle of the test's own (period-factories.ts). */
async function closedSemester(key: string, year: number, term: 'AUTUMN' | 'SPRING', startsOn: string, endsOn: string, by: string) {
  return db.closedPeriod.create({
    data: { key, kind: 'SEMESTER', academicYear: year, term, startsOn: d(startsOn), endsOn: d(endsOn), closedById: by },
  });
}

/** Pairing A (county A) met every test in both closed semesters and was inspected 良好; teacher A sent 12 confirmed hours. */
async function world() {
  const w = await closingWorld(db);
  const y = w.year;
  const autumn = await closedSemester(w.autumn, y, 'AUTUMN', `${y}-09-01`, `${y + 1}-01-31`, w.cityAdmin.id);
  const spring = await closedSemester(w.spring, y, 'SPRING', `${y + 1}-02-01`, `${y + 1}-07-31`, w.cityAdmin.id);
  for (const period of [autumn, spring])
    await db.frozenResult.createMany({
      data: TESTS.map((test) => ({ closedPeriodId: period.id, pairingId: w.pairingA.id, test, status: 'MET', detail: {}, counted: {} })),
    });
  await db.frozenResult.createMany({
    data: TESTS.map((test) => ({ closedPeriodId: autumn.id, pairingId: w.pairingB.id, test, status: 'MET', detail: {}, counted: {} })),
  });
  for (const pairingId of [w.pairingA.id, w.pairingB.id])
    await db.inspection.create({
      data: {
        pairingId,
        inspectedOn: d('2026-05-10'),
        status: 'RECORDED',
        grade: 'GOOD',
        recordedAt: new Date(),
        createdById: w.cityAdmin.id,
      },
    });
  await createActivity(db, {
    pairingId: w.pairingA.id,
    status: 'DONE',
    type: 'SENT_DEMONSTRATION',
    direction: 'TO_ASSISTED',
    classHours: 12,
    confirmation: 'CONFIRMED',
    confirmedById: w.directorA2.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    participantIds: [w.teacherA.id],
    startsAt: new Date(`${y + 1}-03-05T01:00:00Z`),
  });
  const actor = async (u: { id: string }) => actorFor(db, u);
  const created = await createRound(
    await actor(w.cityAdmin),
    { cycleId: w.cycle.id, title: '表彰', body: '', quotaPAIRING: '1', quotaKINDERGARTEN: '0', quotaTEACHER: '1', quotaDIRECTOR: '0' },
    db,
  );
  if (!created.ok) throw new Error(created.error);
  const round = await db.commendationRound.findUniqueOrThrow({ where: { id: created.value.id }, include: { categories: true } });
  const category = (kind: 'PAIRING' | 'TEACHER') => round.categories.find((c) => c.kind === kind)!.id;
  return { ...w, round, pairingCategory: category('PAIRING'), teacherCategory: category('TEACHER'), actor };
}

describe('commendation shortlists', () => {
  it('put forward a pairing that met every test in most closed semesters with a good grade, in its own county only', async () => {
    const w = await world();
    const a = await shortlistFor('PAIRING', w.cycle.id, w.countyA.id, 1, db);
    expect(a.map((c) => c.id)).toEqual([w.pairingA.id]);
    expect(a[0].scored.reasons[0]).toEqual({ key: 'semestersMet', values: { met: 2, closed: 2 } });
    // Pairing B met everything in its one closed semester too, but it is county B's.
    expect((await shortlistFor('PAIRING', w.cycle.id, w.countyB.id, 1, db)).map((c) => c.id)).toEqual([w.pairingB.id]);
    // An overdue rectification takes a pairing off the list.
    await db.rectification.create({
      data: {
        kindergartenId: w.kgA2.id,
        pairingId: w.pairingA.id,
        requirement: '补齐档案',
        deadline: d('2026-01-05'),
        createdById: w.countyAdminA.id,
      },
    });
    expect(await shortlistFor('PAIRING', w.cycle.id, w.countyA.id, 1, db)).toEqual([]);
  });

  it('put forward a teacher by confirmed hours sent', async () => {
    const w = await world();
    const list = await shortlistFor('TEACHER', w.cycle.id, w.countyA.id, 1, db);
    expect(list.map((c) => c.id)).toEqual([w.teacherA.id]);
    expect(list[0].scored.reasons).toEqual([{ key: 'hoursSent', values: { n: 12 } }]);
  });
});

describe('a commendation round', () => {
  it('runs from nominations within the quota to a published list that everyone reads', async () => {
    const w = await world();
    const county = await w.actor(w.countyAdminA);
    const city = await w.actor(w.cityAdmin);
    // Drafts are the city's.
    expect((await listRounds(await w.actor(w.directorB), db)).map((r) => r.id)).not.toContain(w.round.id);
    expect(await nominate(county, { categoryId: w.pairingCategory, nomineeId: w.pairingA.id }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });

    expect(await advanceRound(city, { id: w.round.id, version: String(w.round.version) }, db)).toMatchObject({ ok: true });
    expect(await nominate(county, { categoryId: w.pairingCategory, nomineeId: w.pairingB.id }, db)).toMatchObject({
      ok: false,
      fieldErrors: { nomineeId: ['commendations.errors.notInScope'] },
    });
    const first = await nominate(county, { categoryId: w.pairingCategory, nomineeId: w.pairingA.id }, db);
    if (!first.ok) throw new Error(first.error);
    expect(await db.nomination.findUnique({ where: { id: first.value.id } })).toMatchObject({
      fromShortlist: true,
      countyId: w.countyA.id,
    });
    // The quota of one is used.
    expect(await nominate(county, { categoryId: w.pairingCategory, nomineeId: w.pairingA.id }, db)).toMatchObject({
      ok: false,
      error: 'wrongState',
    });
    // Off the shortlist only with a reason.
    expect(await nominate(county, { categoryId: w.teacherCategory, nomineeId: w.teacherA2.id }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await nominate(county, { categoryId: w.teacherCategory, nomineeId: w.directorA.id }, db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await nominate(await w.actor(w.directorA), { categoryId: w.teacherCategory, nomineeId: w.teacherA.id }, db)).toMatchObject({
      ok: false,
      error: 'notAllowed',
    });
    const second = await nominate(
      county,
      { categoryId: w.teacherCategory, nomineeId: w.teacherA2.id, reason: '扎根乡村十年，带出两名骨干。' },
      db,
    );
    if (!second.ok) throw new Error(second.error);
    // Another county cannot touch it; the nominating county can withdraw it.
    expect(await withdrawNomination(await w.actor(w.countyAdminB), { id: second.value.id }, db)).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(await withdrawNomination(county, { id: second.value.id }, db)).toMatchObject({ ok: true });

    // Nothing is published while a nomination awaits the city.
    const nominating = await db.commendationRound.findUniqueOrThrow({ where: { id: w.round.id } });
    expect(await advanceRound(city, { id: w.round.id, version: String(nominating.version) }, db)).toMatchObject({
      ok: false,
      error: 'wrongState',
    });
    expect(await decideNomination(county, { id: first.value.id, decision: 'APPROVED' }, db)).toMatchObject({
      ok: false,
      error: 'notAllowed',
    });
    expect(await getCertificate(first.value.id, db)).toBeNull();
    expect(await decideNomination(city, { id: first.value.id, decision: 'APPROVED' }, db)).toMatchObject({ ok: true });
    expect(await advanceRound(city, { id: w.round.id, version: String(nominating.version) }, db)).toMatchObject({ ok: true });

    // Published: read city-wide, approved names only; the directors of both sides were told.
    const seen = await getRound(await w.actor(w.directorB), w.round.id, db);
    expect(seen!.categories.flatMap((c) => c.nominations.map((n) => n.nominee.name))).toEqual([`${w.kgA.name} — ${w.kgA2.name}`]);
    expect(await getCertificate(first.value.id, db)).toMatchObject({ category: '城乡结对帮扶优秀结对', cycle: w.cycle.name });
    const told = await db.notification.findMany({
      where: { kind: 'commendation.published', entityId: w.round.id },
      select: { recipientId: true },
    });
    expect(told.map((n) => n.recipientId).sort()).toEqual([w.directorA.id, w.directorA2.id].sort());
    expect(await db.auditEntry.count({ where: { entityId: w.round.id, action: 'commendation.published' } })).toBe(1);
  });
});
