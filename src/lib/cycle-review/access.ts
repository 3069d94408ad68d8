/**
 * Who records and who confirms a measurement (decision 026), checked in one place for the page's
 * buttons and the commands: the bureau (either county of the pairing, or the city) or the supporting
 * director records; the assisted director, the kindergarten measured, confirms; nobody confirms what
 * they recorded.
 */
import { can, pairingResource, sideResource, type Actor } from '@/lib/authz';

type ScopedPairing = { supportingId: string; assistedId: string; supporting: { countyId: string }; assisted: { countyId: string } };

export function mayRecordMeasurement(actor: Actor, p: ScopedPairing): boolean {
  // A director's grant is checked against the supporting side only: the assisted side never measures itself.
  const resource = actor.role === 'DIRECTOR' ? sideResource(p, p.supportingId) : pairingResource(p);
  return can(actor, 'measurement.record', resource);
}

export function mayConfirmMeasurement(actor: Actor, p: ScopedPairing, m: { recordedById: string; confirmedAt: Date | null }): boolean {
  return m.confirmedAt == null && m.recordedById !== actor.id && can(actor, 'measurement.confirm', sideResource(p, p.assistedId));
}
