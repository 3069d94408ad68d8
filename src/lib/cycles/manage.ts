import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { hasPermission, NotFoundError, type Actor } from '@/lib/authz';
import { getCity, todayIn } from './city';
import { getCycle, listCycles } from './queries';
import { conflictingStartYear, cycleHasEnded, cycleSpan, dbDateFromIso, defaultSemesters, validateSemesters, type SemesterDates } from './periods';
import { semesterField } from './schemas';

export type CycleActor = Actor & { name: string; regionId?: string | null };
export type CycleIssue = { code: string; field?: string; values?: Record<string, string | number> };
export type CycleResult = { ok: true; id: string } | { ok: false; issues: CycleIssue[] };

const cycleLabel = (startYear: number) => `${startYear}–${startYear + 2}`;

// Cycles are few and created rarely: one lock for all cycle writes rules out two admins
// creating overlapping cycles (2025 and 2026) at the same moment.
const CYCLES_LOCK = 7_202_501;

function requireManager(actor: CycleActor) {
  if (!hasPermission(actor, 'cycle.manage')) throw new NotFoundError();
}

/** A new cycle with the usual semester dates; the city admin adjusts them afterwards if needed. */
export async function createCycle(actor: CycleActor, input: { startYear: number }, db: Db = defaultDb): Promise<CycleResult> {
  requireManager(actor);
  const { startYear } = input;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CYCLES_LOCK})`;
    const existing = await tx.cycle.findMany({ select: { startYear: true } });
    const other = conflictingStartYear(existing.map((c) => c.startYear), startYear);
    if (other != null) return { ok: false, issues: [{ code: 'overlapsCycle', field: 'startYear', values: { other: cycleLabel(other) } }] };
    const semesters = defaultSemesters(startYear);
    const cycle = await tx.cycle.create({
      data: {
        startYear,
        name: cycleLabel(startYear),
        semesters: { create: semesters.map((s) => ({ ...s, startsOn: dbDateFromIso(s.startsOn), endsOn: dbDateFromIso(s.endsOn) })) },
      },
    });
    await writeAudit(tx, { actor, action: 'cycle.created', entityType: 'Cycle', entityId: cycle.id, after: { startYear, semesters } });
    return { ok: true, id: cycle.id };
  });
}

export async function updateSemesters(
  actor: CycleActor,
  input: { cycleId: string; semesters: SemesterDates[] },
  db: Db = defaultDb,
  now: Date = new Date(),
): Promise<CycleResult> {
  requireManager(actor);
  const cycle = await getCycle(input.cycleId, db);
  if (!cycle) throw new NotFoundError();
  const { timeZone } = await getCity(db);
  // History stays as it was: a finished cycle's calendar is what its records were judged by.
  if (cycleHasEnded(cycle, todayIn(timeZone, now))) return { ok: false, issues: [{ code: 'cycleEnded' }] };

  const issues: CycleIssue[] = validateSemesters(cycle.startYear, input.semesters).map((i) => ({
    code: i.code, field: semesterField(i.academicYear, i.term, i.field),
  }));
  if (issues.length) return { ok: false, issues };

  const span = cycleSpan({ semesters: input.semesters })!;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CYCLES_LOCK})`;
    const neighbours = (await listCycles(tx)).filter((c) => c.id !== cycle.id && c.startsOn && c.endsOn);
    const overlapping = neighbours.find((c) => c.startsOn! <= span.endsOn && span.startsOn <= c.endsOn!);
    if (overlapping) return { ok: false, issues: [{ code: 'overlapsCycle', values: { other: cycleLabel(overlapping.startYear) } }] };
    const from = dbDateFromIso(span.startsOn);
    const to = dbDateFromIso(span.endsOn);
    const outside = await tx.pairing.count({
      where: { cycleId: cycle.id, OR: [{ startsOn: { lt: from } }, { startsOn: { gt: to } }, { endsOn: { gt: to } }] },
    });
    if (outside > 0) return { ok: false, issues: [{ code: 'pairingsOutside', values: { count: outside } }] };
    for (const s of input.semesters) {
      const dates = { startsOn: dbDateFromIso(s.startsOn), endsOn: dbDateFromIso(s.endsOn) };
      await tx.semester.upsert({
        where: { cycleId_academicYear_term: { cycleId: cycle.id, academicYear: s.academicYear, term: s.term } },
        create: { cycleId: cycle.id, academicYear: s.academicYear, term: s.term, ...dates },
        update: dates,
      });
    }
    await writeAudit(tx, {
      actor, action: 'cycle.semestersUpdated', entityType: 'Cycle', entityId: cycle.id,
      before: { semesters: cycle.semesters }, after: { semesters: input.semesters },
    });
    return { ok: true, id: cycle.id };
  });
}

/** City-wide settings; the city is the admin's own region, never one named by the form. */
export async function updateCitySettings(actor: CycleActor, input: { maxAssistedPerSupporter: number }, db: Db = defaultDb): Promise<CycleResult> {
  if (!hasPermission(actor, 'settings.manage')) throw new NotFoundError();
  const city = await getCity(db, actor.regionId);
  if (!city.id) throw new NotFoundError();
  const cityId = city.id;
  await db.$transaction(async (tx) => {
    const before = await tx.citySetting.findUnique({ where: { cityId }, select: { maxAssistedPerSupporter: true } });
    await tx.citySetting.upsert({
      where: { cityId },
      create: { cityId, maxAssistedPerSupporter: input.maxAssistedPerSupporter },
      update: { maxAssistedPerSupporter: input.maxAssistedPerSupporter },
    });
    await writeAudit(tx, {
      actor, action: 'settings.updated', entityType: 'CitySetting', entityId: cityId,
      before: before ?? { maxAssistedPerSupporter: city.maxAssistedPerSupporter }, after: input,
    });
  });
  return { ok: true, id: cityId };
}
