'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { recordAssessment, setConfirmedOnly, setThresholds } from './commands';

export async function recordAssessmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => recordAssessment(user, input, db),
    entity: { type: 'Pairing', idField: 'pairingId' },
    revalidate: ['/effect-tests'],
    // Recorded from a pairing's page: back there, never to a place named elsewhere.
    redirect: (_a, formData) => {
      const back = String(formData.get('back') ?? '');
      if (!back.startsWith('/pairings/')) return '/effect-tests';
      // The page's own address may end in #test-detail: the flag goes into the query, before it.
      const [path, hash] = back.split('#', 2);
      return `${path}${path.includes('?') ? '&' : '?'}saved=1${hash ? `#${hash}` : ''}`;
    },
  });
}

export async function setThresholdsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setThresholds(user, input, db),
    entity: { type: 'EffectTestThresholds' },
    revalidate: ['/effect-tests'],
    redirect: () => '/effect-tests/settings?saved=1',
  });
}

export async function setConfirmedOnlyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setConfirmedOnly(user, input, db),
    entity: { type: 'CitySetting' },
    revalidate: ['/effect-tests'],
    redirect: () => '/effect-tests/settings?saved=1',
  });
}
