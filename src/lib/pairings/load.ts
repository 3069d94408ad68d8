import 'server-only';
import { NotFoundError } from '@/lib/authz';
import { denyAccess, type SessionUser } from '@/lib/session';
import { getPairing } from './queries';

/** For pages: a pairing outside the scope is the 404 page, and the attempt is in the audit trail. */
export async function loadPairingOr404(user: SessionUser, id: string, path = `/pairings/${id}`) {
  try {
    return await getPairing(user, id);
  } catch (error) {
    if (error instanceof NotFoundError) return denyAccess(user, { entityType: 'Pairing', entityId: id, path });
    throw error;
  }
}
