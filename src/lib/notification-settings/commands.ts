import 'server-only';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, type ActorWithName } from '@/lib/authz';
import { fail, ok, parseInput, type Result } from '@/lib/result';
import { PREFERENCE_KINDS } from './kinds';
import { CountyWebhookInput, MandatoryKindsInput, PreferencesInput } from './schemas';

/**
 * The person's own choices, per kind and channel. Only what differs from the default (on) is stored,
 * so a kind added later starts on for everyone.
 */
export async function setOwnPreferences(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  if (!can(actor, 'account.updateOwn', { ownerId: actor.id })) return fail('notAllowed');
  const parsed = parseInput(PreferencesInput, raw);
  if (!parsed.ok) return parsed;
  const on = { IN_APP: new Set(parsed.value.inApp), EMAIL: new Set(parsed.value.email) };
  const off = PREFERENCE_KINDS.flatMap((kind) =>
    (['IN_APP', 'EMAIL'] as const).filter((c) => !on[c].has(kind)).map((channel) => ({ userId: actor.id, kind, channel, enabled: false })),
  );
  await db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findMany({
      where: { userId: actor.id, enabled: false },
      select: { kind: true, channel: true },
    });
    await tx.notificationPreference.deleteMany({ where: { userId: actor.id } });
    if (off.length) await tx.notificationPreference.createMany({ data: off });
    await writeAudit(tx, {
      actor,
      action: 'notification.preferencesChanged',
      entityType: 'User',
      entityId: actor.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      before: { off: before.map((p) => `${p.kind}:${p.channel}`) },
      after: { off: off.map((p) => `${p.kind}:${p.channel}`) },
    });
  });
  return ok({ id: actor.id });
}

async function cityOf(db: Db, actor: { regionId: string | null }) {
  return db.region.findFirst({
    where: actor.regionId ? { id: actor.regionId, kind: 'CITY' } : { kind: 'CITY' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, settings: { select: { mandatoryNotificationKinds: true } } },
  });
}

/** The kinds nobody may switch off; the city admin's own city, never one named by the form. */
export async function setMandatoryKinds(actor: ActorWithName & { regionId: string | null }, raw: unknown, db: Db): Promise<Result> {
  if (!hasPermission(actor, 'settings.manage')) return fail('notFound');
  const parsed = parseInput(MandatoryKindsInput, raw);
  if (!parsed.ok) return parsed;
  const city = await cityOf(db, actor);
  if (!city) return fail('notFound');
  const kinds = PREFERENCE_KINDS.filter((k) => parsed.value.kinds.includes(k));
  await db.$transaction(async (tx) => {
    await tx.citySetting.upsert({
      where: { cityId: city.id },
      create: { cityId: city.id, mandatoryNotificationKinds: kinds },
      update: { mandatoryNotificationKinds: kinds },
    });
    await writeAudit(tx, {
      actor,
      action: 'settings.mandatoryNotifications',
      entityType: 'CitySetting',
      entityId: city.id,
      before: { kinds: city.settings?.mandatoryNotificationKinds ?? [] },
      after: { kinds },
    });
  });
  return ok({ id: city.id });
}

/** A county's group-robot webhook (empty = none); set by the city admin for any county of the city. */
export async function setCountyWebhook(actor: ActorWithName, raw: unknown, db: Db): Promise<Result> {
  if (!hasPermission(actor, 'settings.manage')) return fail('notFound');
  const parsed = parseInput(CountyWebhookInput, raw);
  if (!parsed.ok) return parsed;
  const { countyId, webhookUrl } = parsed.value;
  const county = await db.region.findFirst({ where: { id: countyId, kind: 'COUNTY' }, select: { id: true, webhookUrl: true } });
  if (!county || !can(actor, 'settings.manage', { countyId: county.id })) return fail('notFound');
  const url = webhookUrl || null;
  await db.$transaction(async (tx) => {
    await tx.region.update({ where: { id: county.id }, data: { webhookUrl: url } });
    // The address holds the robot's key: the trail records that it changed, not the key.
    await writeAudit(tx, {
      actor,
      action: 'settings.countyWebhook',
      entityType: 'Region',
      entityId: county.id,
      countyId: county.id,
      before: { webhook: county.webhookUrl ? new URL(county.webhookUrl).host : null },
      after: { webhook: url ? new URL(url).host : null },
    });
  });
  return ok({ id: county.id });
}
