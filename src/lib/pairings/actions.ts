'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import { formValues, type ActionState } from '@/lib/action-state';
import { applyRollover, createPairing, endPairing, updatePairing } from './commands';
import { formObject, rolloverFromForm } from './schemas';

export type RolloverFormState = ActionState & {
  /** Changes on every answer so the form remounts with the submitted choices instead of React's reset. */
  seq?: number;
};

const PAIRING = { type: 'Pairing', idField: 'pairingId' };

/** The leading group's members are repeated fields: they come back as one comma-separated value. */
function submitted(formData: FormData) {
  return { ...formValues(formData), memberIds: formData.getAll('memberIds').join(',') };
}

const FIELD_LABEL: Record<string, string> = {
  startsOn: 'pairings.startsOn',
  endsOn: 'pairings.endsOn',
  endReason: 'pairings.endReason',
  goalConditions: 'pairings.goal.goalConditions',
  goalManagement: 'pairings.goal.goalManagement',
  goalTeachers: 'pairings.goal.goalTeachers',
  goalChildren: 'pairings.goal.goalChildren',
  leader: 'pairings.conflict.leader',
  members: 'pairings.conflict.members',
};
const CONFLICT = { label: (field: string) => FIELD_LABEL[field] ?? field, title: 'pairings.conflict.title' as const };

export async function createPairingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createPairing(user, input, db),
    entity: PAIRING,
    input: formObject,
    values: submitted,
    revalidate: ['/pairings'],
    redirect: (p) => `/pairings/${p.id}?done=created`,
  });
}

export async function updatePairingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updatePairing(user, input, db),
    entity: PAIRING,
    input: formObject,
    values: submitted,
    messages: { conflict: 'pairings.conflict.resave' },
    conflict: CONFLICT,
    revalidate: (p) => ['/pairings', `/pairings/${p.id}`],
    redirect: (p) => `/pairings/${p.id}?done=saved`,
  });
}

export async function endPairingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => endPairing(user, input, db),
    entity: PAIRING,
    input: formObject,
    messages: { conflict: 'pairings.conflict.resave' },
    conflict: CONFLICT,
    revalidate: (p) => ['/pairings', `/pairings/${p.id}`],
    redirect: (p) => `/pairings/${p.id}?done=saved`,
  });
}

export async function rolloverAction(_prev: RolloverFormState, formData: FormData): Promise<RolloverFormState> {
  const state = await runAction(formData, {
    command: (user, input) => applyRollover(user, input, db),
    entity: { type: 'Cycle', idField: 'sourceCycleId' },
    input: rolloverFromForm,
    // A form that does not parse was not sent by the rollover screen.
    messages: { invalid: 'form.unexpected' },
    revalidate: ['/pairings'],
    success: (r, t) => ({ status: 'ok', message: t('pairings.rolloverPage.applied', r) }),
  });
  return { ...state, seq: Date.now() };
}
