/**
 * The city's signal thresholds: (actor, raw input, db) → Result, the change and its audit entry in one
 * transaction (decision 012).
 */
import type { Db } from '@/lib/db';
import { hasPermission, type ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { getCity } from '@/lib/cycles/city';
import { fail, ok, parseInput, type Result } from '@/lib/result';
import { DEFAULT_SIGNAL_SETTINGS, type SignalSettings } from './sql';
import { SignalSettingsInput } from './schemas';

/** How late an entry and how far a photo's capture date may be before they become reasons to look. The city is the admin's own. */
export async function updateSignalSettings(
  actor: ActorWithName & { regionId: string | null },
  raw: unknown,
  db: Db,
): Promise<Result<{ id: string } & SignalSettings>> {
  if (!hasPermission(actor, 'settings.manage')) return fail('notFound');
  const parsed = parseInput(SignalSettingsInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const city = await getCity(db, actor.regionId);
  if (!city.id) return fail('notFound');
  const cityId = city.id;
  await db.$transaction(async (tx) => {
    const before = await tx.citySetting.findUnique({ where: { cityId }, select: { lateEntryDays: true, captureDateToleranceDays: true } });
    await tx.citySetting.upsert({ where: { cityId }, create: { cityId, ...input }, update: input });
    await writeAudit(tx, {
      actor,
      action: 'settings.updated',
      entityType: 'CitySetting',
      entityId: cityId,
      before: before ?? DEFAULT_SIGNAL_SETTINGS,
      after: input,
    });
  });
  return ok({ id: cityId, ...input });
}
