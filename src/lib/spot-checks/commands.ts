/**
 * Spot checks (抽查): drawing a sample of done records and checking each one. (actor, raw input, db) →
 * Result; the change and its audit entry in one transaction, the version in the update's WHERE
 * (decision 012). The draw is recorded with its seed and population (decision 019).
 */
import { randomBytes } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { can, scopeRuleFor, spotCheckResource, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, invalid, ok, parseInput, versioned, type Result } from '@/lib/result';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly } from '@/lib/time/date-only';
import { computeSignals, kindsByActivity, signalSettings, subjectIds, type PairingScope } from '@/lib/signals/sql';
import { drawSample } from './draw';
import { buildDrawMethod, weighPopulation } from './method';
import { CheckInput, DrawInput } from './schemas';

type Drawer = ActorWithName & { regionId?: string | null };

/**
 * Draws `sampleSize` done activities dated in the period from the scope (a county, or the whole city
 * for the city admin), weighted towards records with signals, and records the draw.
 */
export async function drawSpotCheck(actor: Drawer, raw: unknown, db: Db, now = new Date()): Promise<Result<{ id: string }>> {
  const parsed = parseInput(DrawInput, raw);
  if (!parsed.ok) return parsed;
  const { countyId, periodFrom, periodTo, sampleSize } = parsed.value;
  const rule = scopeRuleFor(actor, 'spotCheck.manage');
  if (!rule) return fail('notFound');
  if (countyId) {
    const county = await db.region.findFirst({ where: { id: countyId, kind: 'COUNTY' }, select: { id: true } });
    if (!county || !can(actor, 'spotCheck.manage', { countyId })) return fail('notFound');
  } else if (rule !== 'city') {
    // Only the city draws across the whole city.
    return fail('notAllowed');
  }
  const seed = parsed.value.seed || randomBytes(8).toString('hex');
  const scope: PairingScope = countyId ? { countyId } : { city: true };
  const [timeZone, settings] = await Promise.all([cityTimeZone(db), signalSettings(db, actor)]);
  const subjects = { scope, from: periodFrom, to: periodTo };
  const ids = await subjectIds(db, subjects, timeZone);
  if (ids.length === 0) return invalid({ form: ['spotChecks.errors.emptyPopulation'] });
  const kinds = kindsByActivity(await computeSignals(db, subjects, { settings, timeZone }));
  const population = weighPopulation(ids, kinds);
  const drawn = drawSample(population, sampleSize, seed);
  const method = buildDrawMethod(population, settings, timeZone);
  const spotCheck = await db.$transaction(async (tx) => {
    const sc = await tx.spotCheck.create({
      data: {
        countyId: countyId || null,
        periodFrom: dateOnly(periodFrom),
        periodTo: dateOnly(periodTo),
        sampleSize,
        seed,
        method: method as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
        createdAt: now,
        items: { create: drawn.map((activityId, i) => ({ activityId, position: i + 1, signalsAtDraw: kinds.get(activityId) ?? [] })) },
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'spotCheck.drawn',
      entityType: 'SpotCheck',
      entityId: sc.id,
      countyId: sc.countyId,
      after: { periodFrom, periodTo, sampleSize, seed, populationSize: population.length, drawn },
    });
    return sc;
  });
  return ok({ id: spotCheck.id });
}

/**
 * 属实 (verified) or 存疑 (questioned), with a note. A record may be checked again (each check is
 * audited, the version guards against two people at once), but once a questioned record has opened a
 * rectification its verdict stays: the rectification follows it up.
 */
export async function checkSpotCheckItem(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now = new Date(),
): Promise<Result<{ id: string; spotCheckId: string }>> {
  const parsed = parseInput(CheckInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, verdict, note } = parsed.value;
  const item = await db.spotCheckItem.findUnique({
    where: { id },
    include: { spotCheck: { select: { id: true, countyId: true } }, rectification: { select: { id: true } } },
  });
  if (!item || !can(actor, 'spotCheck.manage', spotCheckResource(item.spotCheck))) return fail('notFound');
  if (item.version !== version) return fail('conflict');
  if (item.rectification && verdict !== 'QUESTIONED') return fail('wrongState');
  return versioned(() =>
    db.$transaction(async (tx) => {
      await tx.spotCheckItem.update({
        where: { id: item.id, version: item.version },
        data: { verdict, note, checkedAt: now, checkedById: actor.id, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: verdict === 'VERIFIED' ? 'spotCheck.verified' : 'spotCheck.questioned',
        entityType: 'SpotCheckItem',
        entityId: item.id,
        countyId: item.spotCheck.countyId,
        before: item.verdict ? { verdict: item.verdict, note: item.note } : undefined,
        after: { verdict, note, spotCheckId: item.spotCheckId, activityId: item.activityId },
      });
      return { id: item.id, spotCheckId: item.spotCheckId };
    }),
  );
}
