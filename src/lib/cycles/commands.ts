/** The city admin's writes: cycles, their semester dates, and the city-wide settings. */
import 'server-only';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { hasPermission, type ActorWithName } from '@/lib/authz';
import { fail, invalid, ok, parseInput, type Failure, type Result } from '@/lib/result';
import { dateOnly } from '@/lib/time/date-only';
import { cityToday } from '@/lib/time/today';
import { getCity } from './city';
import { getCycle, listCycles } from './queries';
import { conflictingStartYear, cycleHasEnded, cycleSpan, defaultSemesters, validateSemesters } from './periods';
import { CitySettingsInput, CreateCycleInput, semesterField, UpdateSemestersInput } from './schemas';

const cycleLabel = (startYear: number) => `${startYear}–${startYear + 2}`;

/** A message above the form (no field): why the change as a whole is refused. */
const refused = (code: string, values?: Record<string, string | number>): Failure =>
  invalid({ form: [{ key: `cycles.errors.${code}`, values }] });

// Cycles are few and created rarely: one lock for all cycle writes rules out two admins
// creating overlapping cycles (2025 and 2026) at the same moment.
const CYCLES_LOCK = 7_202_501;

/** A new cycle with the usual semester dates; the city admin adjusts them afterwards if needed. */
export async function createCycle(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  if (!hasPermission(actor, 'cycle.manage')) return fail('notFound');
  const parsed = parseInput(CreateCycleInput, raw);
  if (!parsed.ok) return parsed;
  const { startYear } = parsed.value;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CYCLES_LOCK})`;
    const existing = await tx.cycle.findMany({ select: { startYear: true } });
    const other = conflictingStartYear(
      existing.map((c) => c.startYear),
      startYear,
    );
    if (other != null) return invalid({ startYear: [{ key: 'cycles.errors.overlapsCycle', values: { other: cycleLabel(other) } }] });
    const semesters = defaultSemesters(startYear);
    const cycle = await tx.cycle.create({
      data: {
        startYear,
        name: cycleLabel(startYear),
        semesters: { create: semesters.map((s) => ({ ...s, startsOn: dateOnly(s.startsOn), endsOn: dateOnly(s.endsOn) })) },
      },
    });
    await writeAudit(tx, { actor, action: 'cycle.created', entityType: 'Cycle', entityId: cycle.id, after: { startYear, semesters } });
    return ok({ id: cycle.id });
  });
}

export async function updateSemesters(actor: ActorWithName, raw: unknown, db: Db, now: Date = new Date()): Promise<Result> {
  if (!hasPermission(actor, 'cycle.manage')) return fail('notFound');
  const parsed = parseInput(UpdateSemestersInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const cycle = await getCycle(input.cycleId, db);
  if (!cycle) return fail('notFound');
  // History stays as it was: a finished cycle's calendar is what its records were judged by.
  if (cycleHasEnded(cycle, await cityToday(db, now))) return refused('cycleEnded');

  const issues = validateSemesters(cycle.startYear, input.semesters);
  // A date that cannot be read is reported alone: what it would be compared with comes after.
  const unreadable = issues.filter((i) => i.code === 'invalidDate');
  const shown = unreadable.length ? unreadable : issues;
  if (shown.length) {
    const errors: Record<string, string[]> = {};
    for (const i of shown) (errors[semesterField(i.academicYear, i.term, i.field)] ??= []).push(`cycles.errors.${i.code}`);
    return invalid(errors);
  }

  const span = cycleSpan({ semesters: input.semesters })!;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CYCLES_LOCK})`;
    const neighbours = (await listCycles(tx)).filter((c) => c.id !== cycle.id && c.startsOn && c.endsOn);
    const overlapping = neighbours.find((c) => c.startsOn! <= span.endsOn && span.startsOn <= c.endsOn!);
    if (overlapping) return refused('overlapsCycle', { other: cycleLabel(overlapping.startYear) });
    const from = dateOnly(span.startsOn);
    const to = dateOnly(span.endsOn);
    const outside = await tx.pairing.count({
      where: { cycleId: cycle.id, OR: [{ startsOn: { lt: from } }, { startsOn: { gt: to } }, { endsOn: { gt: to } }] },
    });
    if (outside > 0) return refused('pairingsOutside', { count: outside });
    for (const s of input.semesters) {
      const dates = { startsOn: dateOnly(s.startsOn), endsOn: dateOnly(s.endsOn) };
      await tx.semester.upsert({
        where: { cycleId_academicYear_term: { cycleId: cycle.id, academicYear: s.academicYear, term: s.term } },
        create: { cycleId: cycle.id, academicYear: s.academicYear, term: s.term, ...dates },
        update: dates,
      });
    }
    await writeAudit(tx, {
      actor,
      action: 'cycle.semestersUpdated',
      entityType: 'Cycle',
      entityId: cycle.id,
      before: { semesters: cycle.semesters },
      after: { semesters: input.semesters },
    });
    return ok({ id: cycle.id });
  });
}

/** City-wide settings; the city is the admin's own region, never one named by the form. */
export async function updateCitySettings(
  actor: ActorWithName & { regionId: string | null },
  raw: unknown,
  db: Db,
): Promise<Result<{ id: string; maxAssistedPerSupporter: number }>> {
  if (!hasPermission(actor, 'settings.manage')) return fail('notFound');
  const parsed = parseInput(CitySettingsInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const city = await getCity(db, actor.regionId);
  if (!city.id) return fail('notFound');
  const cityId = city.id;
  await db.$transaction(async (tx) => {
    const before = await tx.citySetting.findUnique({ where: { cityId }, select: { maxAssistedPerSupporter: true } });
    await tx.citySetting.upsert({
      where: { cityId },
      create: { cityId, maxAssistedPerSupporter: input.maxAssistedPerSupporter },
      update: { maxAssistedPerSupporter: input.maxAssistedPerSupporter },
    });
    await writeAudit(tx, {
      actor,
      action: 'settings.updated',
      entityType: 'CitySetting',
      entityId: cityId,
      before: before ?? { maxAssistedPerSupporter: city.maxAssistedPerSupporter },
      after: input,
    });
  });
  return ok({ id: cityId, maxAssistedPerSupporter: input.maxAssistedPerSupporter });
}
