import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getPrint, getPrintByCode, getServiceRecord, listServiceRecordPeople } from '@/lib/service-records/queries';
import { printServiceRecord } from '@/lib/service-records/commands';
import { formatCode, normalizeCode } from '@/lib/service-records/code';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** teacherA (urban kgA) sends classes to kgA2: confirmed, pending and disputed visits, a confirmed and an unconfirmed paper. */
async function world() {
  const w = await createPairingWorld(db);
  const visit = {
    pairingId: w.pairingA.id,
    status: 'DONE' as const,
    type: 'SENT_DEMONSTRATION' as const,
    direction: 'TO_ASSISTED' as const,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    participantIds: [w.teacherA.id],
    startsAt: new Date('2026-03-05T01:00:00Z'),
  };
  await createActivity(db, { ...visit, classHours: 2.5, confirmation: 'CONFIRMED', confirmedById: w.directorA2.id });
  await createActivity(db, { ...visit, classHours: 1, confirmation: 'CONFIRMED', confirmedById: w.directorA2.id });
  await createActivity(db, { ...visit, classHours: 4, confirmation: 'PENDING' });
  await createActivity(db, { ...visit, classHours: 8, confirmation: 'DISPUTED' });
  // The rural teacher attended follow-up study at kgA: counted as attended, not as hours sent.
  await createActivity(db, {
    ...visit,
    type: 'FOLLOW_UP_STUDY',
    direction: 'TO_SUPPORTING',
    classHours: 3,
    participantIds: [w.teacherA2.id],
    confirmation: 'CONFIRMED',
    confirmedById: w.directorA.id,
    recordingKindergartenId: w.kgA2.id,
    createdById: w.directorA2.id,
  });
  const paper = {
    venue: '学前教育',
    kind: 'PUBLISHED' as const,
    level: 'MUNICIPAL' as const,
    date: d('2026-01-10'),
    authorId: w.teacherA.id,
    kindergartenId: w.kgA.id,
  };
  await db.paper.create({ data: { ...paper, title: '论游戏', confirmedById: w.directorA.id, confirmedAt: new Date() } });
  await db.paper.create({ data: { ...paper, title: '未确认的论文' } });
  await db.mentorPair.create({
    data: {
      pairingId: w.pairingA.id,
      mentorId: w.teacherA.id,
      apprenticeId: w.teacherA2.id,
      startsOn: d('2025-09-01'),
      createdById: w.directorA.id,
    },
  });
  await db.lessonRecord.create({
    data: {
      heldOn: d('2026-03-02'),
      className: '大一班',
      domain: 'ART',
      title: '画春天',
      teacherId: w.teacherA.id,
      kindergartenId: w.kgA.id,
      rating: 'EXCELLENT',
    },
  });
  return w;
}

describe('service records', () => {
  it('count only what the other side confirmed: hours sent, follow-up study, papers, mentoring, lessons', async () => {
    const w = await world();
    const r = (await getServiceRecord(await actorFor(db, w.teacherA), w.teacherA.id, db))!;
    expect(r.person.name).toBe(w.teacherA.name);
    const cycle = r.cycles.find((c) => c.startYear === 2025)!;
    expect(cycle.classHoursSent).toBe(3.5);
    expect(cycle.sentActivities).toBe(2);
    expect(r.papers.map((p) => p.title)).toEqual(['论游戏']);
    expect(r.mentoring).toEqual([expect.objectContaining({ as: 'MENTOR', other: w.teacherA2.name, sessions: 0 })]);
    expect(r.lessons).toMatchObject({ total: 1, EXCELLENT: 1, unrated: 0 });

    const rural = (await getServiceRecord(await actorFor(db, w.teacherA2), w.teacherA2.id, db))!;
    const ruralCycle = rural.cycles.find((c) => c.startYear === 2025)!;
    expect(ruralCycle).toMatchObject({ classHoursSent: 0, followUpAttended: 1, followUpHosted: 0 });
    expect(rural.mentoring[0]).toMatchObject({ as: 'APPRENTICE', other: w.teacherA.name });
  });

  it('are read by the person, their director and the bureau in scope; anyone else gets nothing', async () => {
    const w = await world();
    const read = async (who: { id: string }) => (await getServiceRecord(await actorFor(db, who), w.teacherA.id, db)) != null;
    expect(await read(w.teacherA)).toBe(true);
    expect(await read(w.directorA)).toBe(true);
    expect(await read(w.countyAdminA)).toBe(true);
    expect(await read(w.cityAdmin)).toBe(true);
    expect(await read(w.teacherA2)).toBe(false);
    expect(await read(w.directorA2)).toBe(false);
    expect(await read(w.countyAdminB)).toBe(false);
    expect(await read(w.directorB)).toBe(false);
    const listed = (await listServiceRecordPeople(await actorFor(db, w.directorA), db)).map((p) => p.id);
    expect(listed).toContain(w.teacherA.id);
    expect(listed).not.toContain(w.teacherA2.id);
    expect(listed).not.toContain(w.teacherB.id);
  });

  it('a print keeps what the record said that day: the code shows it after later changes, and only that', async () => {
    const w = await world();
    const printed = await printServiceRecord(await actorFor(db, w.teacherA), { id: w.teacherA.id }, db);
    if (!printed.ok) throw new Error(printed.error);
    const { code, id } = printed.value;
    // Confirmed later: the live record grows, the printed one does not.
    await createActivity(db, {
      pairingId: w.pairingA.id,
      status: 'DONE',
      type: 'SENT_LECTURE',
      direction: 'TO_ASSISTED',
      classHours: 6,
      confirmation: 'CONFIRMED',
      confirmedById: w.directorA2.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      participantIds: [w.teacherA.id],
      startsAt: new Date('2026-04-05T01:00:00Z'),
    });
    const live = (await getServiceRecord(await actorFor(db, w.teacherA), w.teacherA.id, db))!;
    expect(live.cycles.find((c) => c.startYear === 2025)!.classHoursSent).toBe(9.5);

    const typed = formatCode(code).toLowerCase();
    const verified = await getPrintByCode(normalizeCode(typed)!, db);
    expect(verified!.record.cycles.find((c) => c.startYear === 2025)!.classHoursSent).toBe(3.5);
    expect(verified!.record.person.name).toBe(w.teacherA.name);
    // Both names of the county, so that the paper reads right in English too.
    expect(verified!.record.person).toMatchObject({ county: '甲县', countyEn: 'Test County' });
    expect(await getPrintByCode('0000000000ZZ', db)).toBeNull();

    // The PDF's source follows the record's scope; the audit names the print.
    expect(await getPrint(await actorFor(db, w.directorA), id, db)).not.toBeNull();
    expect(await getPrint(await actorFor(db, w.directorB), id, db)).toBeNull();
    const audit = await db.auditEntry.findFirst({ where: { action: 'serviceRecord.printed', entityId: id } });
    expect(audit?.actorId).toBe(w.teacherA.id);
  });

  it('nobody prints a record outside their scope, and a refused print leaves no code', async () => {
    const w = await world();
    const before = await db.serviceRecordPrint.count();
    const refused = await printServiceRecord(await actorFor(db, w.directorB), { id: w.teacherA.id }, db);
    expect(refused).toMatchObject({ ok: false, error: 'notFound' });
    const bad = await printServiceRecord(await actorFor(db, w.teacherA), { id: "x'; drop" }, db);
    expect(bad).toMatchObject({ ok: false, error: 'invalid' });
    expect(await db.serviceRecordPrint.count()).toBe(before);
  });
});
