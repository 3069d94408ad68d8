import 'server-only';
import type { Db } from '@/lib/db';
import { can, PAIRING_SCOPE, pairingResource, pairingWhere, type Actor } from '@/lib/authz';
import { pairingLabel } from '@/lib/activities/queries';

export async function getAnnualPlan(actor: Actor, pairingId: string, academicYear: number, db: Db) {
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return null;
  const plan = await db.annualPlan.findUnique({
    where: { pairingId_academicYear: { pairingId, academicYear } },
    include: {
      planSubmittedBy: { select: { name: true } },
      summarySubmittedBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
    },
  });
  return {
    pairing: { id: pairing.id, label: pairingLabel(pairing) },
    plan,
    canEdit: can(actor, 'annualPlan.edit', pairingResource(pairing)),
  };
}

export async function listAnnualPlans(actor: Actor, db: Db) {
  return db.annualPlan.findMany({
    where: { pairing: pairingWhere(actor, 'annualPlan.view') },
    select: { pairingId: true, academicYear: true, planSubmittedAt: true, summarySubmittedAt: true },
  });
}
