'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { deleteEvidence } from './commands';

export async function deleteEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => deleteEvidence(user, input, db),
    entity: { type: 'EvidenceFile' },
    messages: { wrongState: 'evidence.errors.wrongState', notAllowed: 'evidence.errors.notAllowed' },
    revalidate: (f) => [f.path],
    success: (_f, t) => ({ status: 'ok', message: t('evidence.removed') }),
  });
}
