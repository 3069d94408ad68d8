import 'server-only';
import type { Db } from '@/lib/db';
import { pairingCountyScope, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { addDays } from '@/lib/cycles/periods';
import { cityTimeZone } from '@/lib/time/city-zone';
import { cityToday } from '@/lib/time/today';
import { SIGNAL_KINDS, type SignalKind } from './rules';
import { computeSignals, signalSettings, type Signal } from './sql';
import type { SignalFilterValues } from './schemas';

type Reader = Actor & { regionId?: string | null };

/** The list shows at most this many signals; the counts above it are complete. */
export const SIGNAL_LIST_LIMIT = 300;
/** Without dates, the list looks at the year up to the city's today. */
export const DEFAULT_SIGNAL_DAYS = 365;

export type SignalRow = Signal & {
  activity: { id: string; title: string; startsAt: Date; pairingId: string; pairingLabel: string };
};

/**
 * The bureau's list of reasons to look, for done activities in its scope and period (the city admin
 * may narrow it to a county). Null for those without `signals.view`.
 */
export async function listSignals(actor: Reader, filters: SignalFilterValues, db: Db, now = new Date()) {
  const scope = pairingCountyScope(actor, 'signals.view');
  if (!scope) return null;
  const [timeZone, settings, today] = await Promise.all([cityTimeZone(db), signalSettings(db, actor), cityToday(db, now)]);
  const to = filters.to ?? today;
  const from = filters.from ?? addDays(to, -DEFAULT_SIGNAL_DAYS);
  const countyId = 'city' in scope ? filters.countyId : undefined;
  // Every kind is computed so that the counts beside the filter stay whole; the kind filter narrows the rows.
  const signals = await computeSignals(db, { scope, countyId, from, to }, { settings, timeZone });
  const counts = Object.fromEntries(SIGNAL_KINDS.map((k) => [k, 0])) as Record<SignalKind, number>;
  for (const s of signals) counts[s.kind] += 1;
  const records = new Set(signals.map((s) => s.activityId)).size;
  const shown = filters.kind ? signals.filter((s) => s.kind === filters.kind) : signals;
  const activities = await db.activity.findMany({
    where: { id: { in: [...new Set(shown.map((s) => s.activityId))] } },
    select: {
      id: true,
      title: true,
      startsAt: true,
      pairing: { select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } } } },
    },
  });
  const byId = new Map(activities.map((a) => [a.id, a]));
  const rows: SignalRow[] = shown
    .map((s) => {
      const a = byId.get(s.activityId)!;
      return {
        ...s,
        activity: { id: a.id, title: a.title, startsAt: a.startsAt, pairingId: a.pairing.id, pairingLabel: pairingLabel(a.pairing) },
      };
    })
    .sort(
      (x, y) =>
        +y.activity.startsAt - +x.activity.startsAt ||
        (x.activity.id < y.activity.id ? -1 : x.activity.id > y.activity.id ? 1 : 0) ||
        SIGNAL_KINDS.indexOf(x.kind) - SIGNAL_KINDS.indexOf(y.kind),
    );
  return {
    rows: rows.slice(0, SIGNAL_LIST_LIMIT),
    truncated: rows.length > SIGNAL_LIST_LIMIT,
    total: rows.length,
    counts,
    records,
    from,
    to,
    settings,
  };
}

/** One activity's signals, for the box on its page: admins only (null for others); nothing for an activity outside the scope. */
export async function activitySignals(actor: Reader, activityId: string, db: Db): Promise<Signal[] | null> {
  const scope = pairingCountyScope(actor, 'signals.view');
  if (!scope) return null;
  const [timeZone, settings] = await Promise.all([cityTimeZone(db), signalSettings(db, actor)]);
  return computeSignals(db, { scope, activityIds: [activityId] }, { settings, timeZone });
}
