import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError, type Actor } from '@/lib/authz';
import { getPairing } from './queries';

/** For pages: a pairing outside the scope is the 404 page. */
export async function loadPairingOr404(actor: Actor, id: string) {
  try {
    return await getPairing(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
