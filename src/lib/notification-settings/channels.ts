import 'server-only';
import type { Db, Tx } from '@/lib/db';

/** The channels a person chooses per kind; webhooks belong to a county, not to a person. */
export type PersonalChannel = 'IN_APP' | 'EMAIL';
export type ChannelChoice = (userId: string, kind: string, channel: PersonalChannel) => boolean;

/** The kinds the city made mandatory (a deployment serves one city: its first, as everywhere). */
export async function mandatoryKinds(db: Db | Tx): Promise<string[]> {
  const city = await db.region.findFirst({
    where: { kind: 'CITY' },
    orderBy: { createdAt: 'asc' },
    select: { settings: { select: { mandatoryNotificationKinds: true } } },
  });
  return city?.settings?.mandatoryNotificationKinds ?? [];
}

/** The choices people made against the default: "userId\nkind\nchannel" for each kind they switched off. */
export async function switchedOff(db: Db | Tx, userIds: string[], kinds: string[]): Promise<Set<string>> {
  const off =
    userIds.length && kinds.length
      ? await db.notificationPreference.findMany({
          where: { userId: { in: userIds }, kind: { in: kinds }, enabled: false },
          select: { userId: true, kind: true, channel: true },
        })
      : [];
  return new Set(off.map((p) => offKey(p.userId, p.kind, p.channel)));
}

export const offKey = (userId: string, kind: string, channel: string) => `${userId}\n${kind}\n${channel}`;

/**
 * Whether each person gets each kind on each channel: on unless they switched it off
 * (NotificationPreference rows hold only choices made), and always for a mandatory kind.
 */
export async function channelChoice(db: Db | Tx, userIds: string[], kinds: string[]): Promise<ChannelChoice> {
  const [mandatory, off] = await Promise.all([mandatoryKinds(db), switchedOff(db, userIds, kinds)]);
  const required = new Set(mandatory);
  return (userId, kind, channel) => required.has(kind) || !off.has(offKey(userId, kind, channel));
}
