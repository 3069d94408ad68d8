'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import { formValues, type ActionState } from '@/lib/action-state';
import { activityInputFromForm } from './schemas';
import { getLocale } from 'next-intl/server';
import { cancelActivity, closeRequest, confirmActivities, confirmActivity, confirmReceipt, createRequest, saveActivity } from './commands';

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

/**
 * A new activity sent from the device's queue (src/components/offline/outbox.ts): it answers with
 * the id instead of moving on, so the photos held on the phone go up next; its idempotency key
 * makes a repeated send answer with the first activity.
 */
export async function sendNewActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData.delete('id');
  return runAction(formData, {
    command: (user, input) => saveActivity(user, input, db),
    entity: ACTIVITY,
    input: activityInputFromForm,
    values: activityValues,
    revalidate: ['/activities', '/requests'],
    success: (a) => ({ status: 'ok', values: { id: a.id } }),
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

/** "Confirm selected" on the list: says how many were confirmed, and names the ones to open first. */
export async function confirmActivitiesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => confirmActivities(user, input, db),
    entity: ACTIVITY,
    input: (fd) => ({
      items: fd.getAll('items').map((v) => {
        const [id, version] = String(v).split(':');
        return { id, version };
      }),
    }),
    values: () => ({}),
    revalidate: ['/activities'],
    success: async (r, t) => {
      const titles = new Intl.ListFormat(await getLocale(), { type: 'conjunction' }).format(r.stale.map((a) => a.title));
      const message = [
        t('activities.bulk.confirmed', { count: r.confirmed }),
        r.stale.length ? t('activities.bulk.stale', { titles }) : '',
        r.refused ? t('activities.bulk.refused', { count: r.refused }) : '',
      ];
      return { status: r.confirmed > 0 ? 'ok' : 'error', message: message.filter(Boolean).join(' ') };
    },
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
