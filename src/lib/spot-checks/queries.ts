import 'server-only';
import type { Db } from '@/lib/db';
import { can, hasPermission, spotCheckResource, spotCheckWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';
import { isoOf } from '@/lib/time/date-only';
import { isSignalKind, type SignalKind } from '@/lib/signals/rules';
import { isDrawMethod, redraw } from './method';

export type Share = { verified: number; questioned: number; checked: number };

/** Verified of checked, as the bureau reads it: null when nothing was checked yet. */
export const verifiedShare = (s: Share) => (s.checked ? s.verified / s.checked : null);

/** The spot checks in the actor's scope, newest first, with how far each has been checked (counted in SQL). */
export async function listSpotChecks(actor: Actor, db: Db) {
  const where = spotCheckWhere(actor);
  const [rows, verdicts] = await Promise.all([
    db.spotCheck.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        countyId: true,
        periodFrom: true,
        periodTo: true,
        sampleSize: true,
        seed: true,
        createdAt: true,
        createdBy: { select: { name: true } },
        _count: { select: { items: true } },
      },
    }),
    db.spotCheckItem.groupBy({
      by: ['spotCheckId', 'verdict'],
      where: { spotCheck: where, verdict: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const counted = new Map<string, Share>();
  for (const v of verdicts) {
    const s = counted.get(v.spotCheckId) ?? { verified: 0, questioned: 0, checked: 0 };
    s.checked += v._count._all;
    if (v.verdict === 'VERIFIED') s.verified += v._count._all;
    if (v.verdict === 'QUESTIONED') s.questioned += v._count._all;
    counted.set(v.spotCheckId, s);
  }
  return rows.map((r) => ({
    id: r.id,
    countyId: r.countyId,
    periodFrom: isoOf(r.periodFrom),
    periodTo: isoOf(r.periodTo),
    sampleSize: r.sampleSize,
    seed: r.seed,
    createdAt: r.createdAt,
    createdBy: r.createdBy.name,
    items: r._count.items,
    ...(counted.get(r.id) ?? { verified: 0, questioned: 0, checked: 0 }),
  }));
}

/** One spot check with its records, their signals at the draw, the checks made, and the redraw check. Null outside the scope. */
export async function getSpotCheck(actor: Actor, id: string, db: Db) {
  const sc = await db.spotCheck.findUnique({
    where: { id },
    include: {
      createdBy: { select: { name: true } },
      items: {
        orderBy: { position: 'asc' },
        include: {
          checkedBy: { select: { name: true } },
          rectification: { select: { id: true, status: true } },
          activity: {
            select: {
              id: true,
              title: true,
              startsAt: true,
              pairing: { select: { id: true, supporting: { select: { name: true } }, assisted: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!sc || !can(actor, 'spotCheck.manage', spotCheckResource(sc))) return null;
  const items = sc.items.map((i) => ({
    id: i.id,
    position: i.position,
    version: i.version,
    verdict: i.verdict,
    note: i.note,
    checkedAt: i.checkedAt,
    checkedBy: i.checkedBy?.name ?? null,
    signalsAtDraw: i.signalsAtDraw.filter(isSignalKind) as SignalKind[],
    rectification: i.rectification,
    activity: { id: i.activity.id, title: i.activity.title, startsAt: i.activity.startsAt },
    pairing: { id: i.activity.pairing.id, label: pairingLabel(i.activity.pairing) },
  }));
  // The share of verified records per pairing of this sample (the rows are on the page anyway).
  const pairings = new Map<string, { id: string; label: string } & Share>();
  for (const i of items) {
    const p = pairings.get(i.pairing.id) ?? { ...i.pairing, verified: 0, questioned: 0, checked: 0 };
    if (i.verdict) p.checked += 1;
    if (i.verdict === 'VERIFIED') p.verified += 1;
    if (i.verdict === 'QUESTIONED') p.questioned += 1;
    pairings.set(i.pairing.id, p);
  }
  const again = redraw(sc.method, sc.sampleSize, sc.seed);
  const method = isDrawMethod(sc.method) ? sc.method : null;
  return {
    id: sc.id,
    countyId: sc.countyId,
    periodFrom: isoOf(sc.periodFrom),
    periodTo: isoOf(sc.periodTo),
    sampleSize: sc.sampleSize,
    seed: sc.seed,
    createdAt: sc.createdAt,
    createdBy: sc.createdBy.name,
    method: method && {
      algorithm: method.algorithm,
      version: method.version,
      weightRule: method.weightRule,
      settings: method.settings,
      populationSize: method.populationSize,
      withSignals: method.population.filter((p) => p.kinds.length > 0).length,
    },
    /** Drawing again from the stored seed and population gives exactly these records in this order. */
    reproducible: !!again && again.length === items.length && again.every((aid, k) => items[k].activity.id === aid),
    items,
    pairings: [...pairings.values()].sort((x, y) => x.label.localeCompare(y.label, 'zh')),
    canOpenRectification: hasPermission(actor, 'rectification.open'),
  };
}

/**
 * The share of verified records of one pairing over the spot checks the actor may see (the pairing
 * page). Null for those without spotCheck.manage; counted in SQL.
 */
export async function pairingSpotCheckShare(actor: Actor, pairingId: string, db: Db): Promise<Share | null> {
  if (!hasPermission(actor, 'spotCheck.manage')) return null;
  const rows = await db.spotCheckItem.groupBy({
    by: ['verdict'],
    where: { activity: { pairingId }, spotCheck: spotCheckWhere(actor), verdict: { not: null } },
    _count: { _all: true },
  });
  const n = (v: 'VERIFIED' | 'QUESTIONED') => rows.find((r) => r.verdict === v)?._count._all ?? 0;
  return { verified: n('VERIFIED'), questioned: n('QUESTIONED'), checked: n('VERIFIED') + n('QUESTIONED') };
}
