'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import { formValues, type ActionState } from '@/lib/action-state';
import { activityInputFromForm } from './schemas';
import { cancelActivity, closeRequest, confirmActivity, confirmReceipt, createRequest, saveActivity } from './commands';

/** Repeated fields survive a failed submission as one value each (ids joined, lines as JSON). */
function activityValues(formData: FormData) {
  const values = formValues(formData);
  values.participantIds = formData.getAll('participantIds').join(',');
  const all = (k: string) => formData.getAll(k).map(String);
  const [items, quantities, units, worth] = [all('lineItem'), all('lineQuantity'), all('lineUnit'), all('lineValue')];
  values.donationLines = JSON.stringify(
    items.map((item, i) => ({ item, quantity: quantities[i] ?? '', unit: units[i] ?? '', estimatedValue: worth[i] ?? '' })),
  );
  return values;
}

const ACTIVITY = { type: 'Activity' };
const REQUEST = { type: 'AssistanceRequest' };

export async function saveActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveActivity(user, input, db),
    entity: ACTIVITY,
    input: activityInputFromForm,
    values: activityValues,
    // Changed since the form (or a restored draft) was opened: every word typed stays, the form is
    // based on the stored version and says so; saving again is then a deliberate overwrite.
    messages: { conflict: 'activities.errors.conflictResave' },
    revalidate: ['/activities', '/requests'],
    redirect: (a) => `/activities/${a.id}?saved=1`,
  });
}

export async function cancelActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => cancelActivity(user, input, db),
    entity: ACTIVITY,
    revalidate: ['/activities', '/requests'],
    redirect: (a) => `/activities/${a.id}`,
  });
}

export async function confirmActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => confirmActivity(user, input, db),
    entity: ACTIVITY,
    revalidate: ['/activities'],
    // The page then says what was recorded, in place of the prompt.
    redirect: (a) => `/activities/${a.id}?decided=1`,
  });
}

export async function confirmReceiptAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => confirmReceipt(user, input, db),
    entity: ACTIVITY,
    revalidate: ['/activities'],
    redirect: (a) => `/activities/${a.id}`,
  });
}

export async function createRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createRequest(user, input, db),
    entity: { type: 'Pairing', idField: 'pairingId' },
    revalidate: ['/requests'],
    redirect: (r) => `/requests?created=1#request-${r.id}`,
  });
}

export async function closeRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => closeRequest(user, input, db),
    entity: REQUEST,
    revalidate: ['/requests'],
    redirect: (r) => `/requests?closed=1#request-${r.id}`,
  });
}
