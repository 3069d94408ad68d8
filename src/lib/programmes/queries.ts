import 'server-only';
import type { Db } from '@/lib/db';
import { can, hasPermission, PAIRING_SCOPE, pairingResource, pairingWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';

export async function listProgrammes(actor: Actor, db: Db) {
  const rows = await db.programme.findMany({
    where: { pairing: pairingWhere(actor, 'programme.view') },
    orderBy: [{ academicYear: 'desc' }, { kind: 'asc' }],
    take: 200,
    include: { pairing: { select: PAIRING_SCOPE }, _count: { select: { records: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    academicYear: p.academicYear,
    title: p.title,
    pairing: pairingLabel(p.pairing),
    records: p._count.records,
    hasResults: !!p.results.trim(),
  }));
}

export async function getProgramme(actor: Actor, id: string, db: Db) {
  const p = await db.programme.findUnique({
    where: { id },
    include: {
      pairing: { select: PAIRING_SCOPE },
      records: { orderBy: { heldOn: 'desc' }, include: { createdBy: { select: { name: true } } } },
    },
  });
  if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return null;
  return {
    ...p,
    pairingLabel: pairingLabel(p.pairing),
    records: p.records.map((r) => ({ ...r, createdBy: r.createdBy.name })),
    canManage: can(actor, 'programme.manage', pairingResource(p.pairing)),
    canRecord: can(actor, 'programme.record', pairingResource(p.pairing)),
  };
}

/** Pairings in scope for a permission, labelled: those a user may create programmes for, or see annual plans of. */
export async function pairingsFor(actor: Actor, action: 'programme.manage' | 'annualPlan.view', db: Db) {
  if (!hasPermission(actor, action)) return [];
  const rows = await db.pairing.findMany({
    where: pairingWhere(actor, action),
    select: { ...PAIRING_SCOPE, cycle: { select: { startYear: true } } },
    orderBy: [{ cycle: { startYear: 'desc' } }, { supporting: { name: 'asc' } }],
    take: 500,
  });
  return rows
    .filter((p) => can(actor, action, pairingResource(p)))
    .map((p) => ({ id: p.id, label: pairingLabel(p), startYear: p.cycle.startYear }));
}
