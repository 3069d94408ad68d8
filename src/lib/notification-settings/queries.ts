import 'server-only';
import type { Db } from '@/lib/db';
import { hasPermission, type Actor } from '@/lib/authz';
import { mailSettings } from '@/lib/mail/settings';
import { mandatoryKinds, offKey, switchedOff } from './channels';
import { EVENT_GROUP, PREFERENCE_KINDS, REMINDER_GROUP } from './kinds';

/** The person's own choice per channel (kept while a kind is mandatory, and in force again if it stops being so). */
export type PreferenceRow = { kind: string; inApp: boolean; email: boolean; mandatory: boolean };

/** My account: every kind with the person's choice per channel, and whether mail can reach them at all. */
export async function getOwnPreferences(actor: Actor, db: Db) {
  const [off, mandatory, user] = await Promise.all([
    switchedOff(db, [actor.id], [...PREFERENCE_KINDS]),
    mandatoryKinds(db),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } }),
  ]);
  const row = (kind: string): PreferenceRow => ({
    kind,
    inApp: !off.has(offKey(actor.id, kind, 'IN_APP')),
    email: !off.has(offKey(actor.id, kind, 'EMAIL')),
    mandatory: mandatory.includes(kind),
  });
  return {
    groups: [
      { key: 'events' as const, rows: EVENT_GROUP.map(row) },
      { key: 'reminders' as const, rows: REMINDER_GROUP.map(row) },
    ],
    mailConfigured: mailSettings() != null,
    hasEmail: !!user.email,
  };
}

/** The city's settings page: mandatory kinds, and each county's webhook. */
export async function getDeliverySettings(actor: Actor, db: Db) {
  if (!hasPermission(actor, 'settings.manage')) return null;
  const [mandatory, counties] = await Promise.all([
    mandatoryKinds(db),
    db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, name: true, webhookUrl: true } }),
  ]);
  return { kinds: [...PREFERENCE_KINDS], mandatory, counties };
}
