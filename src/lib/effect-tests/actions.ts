'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { failureState } from '@/lib/command-state';
import { recordAssessment, setConfirmedOnly, setThresholds } from './commands';

export async function recordAssessmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await recordAssessment(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'Pairing', entityId: String(formData.get('pairingId') ?? '') });
  revalidatePath('/effect-tests');
  const back = String(formData.get('back') ?? '');
  redirect(back.startsWith('/pairings/') ? `${back}&saved=1` : '/effect-tests');
}

export async function setThresholdsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await setThresholds(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'EffectTestThresholds' });
  revalidatePath('/effect-tests');
  redirect('/effect-tests/settings?saved=1');
}

export async function setConfirmedOnlyAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  await setConfirmedOnly(user, Object.fromEntries(formData), db);
  revalidatePath('/effect-tests');
  redirect('/effect-tests/settings?saved=1');
}
