'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { failureState } from '@/lib/command-state';
import { activityInputFromForm } from './schemas';
import { cancelActivity, closeRequest, confirmActivity, confirmReceipt, createRequest, saveActivity } from './commands';

/** Repeated fields survive a failed submission as one value each (ids joined, lines as JSON). */
function activityValues(formData: FormData) {
  const values = formValues(formData);
  values.participantIds = formData.getAll('participantIds').join(',');
  const all = (k: string) => formData.getAll(k).map(String);
  const [items, quantities, units, worth] = [all('lineItem'), all('lineQuantity'), all('lineUnit'), all('lineValue')];
  values.donationLines = JSON.stringify(items.map((item, i) => ({ item, quantity: quantities[i] ?? '', unit: units[i] ?? '', estimatedValue: worth[i] ?? '' })));
  return values;
}

export async function saveActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await saveActivity(user, activityInputFromForm(formData), db);
  if (!result.ok && result.error === 'conflict') {
    // Changed since the form (or a restored draft) was opened: keep every word typed, base the form
    // on the stored version and say so; saving again is then a deliberate overwrite.
    const id = String(formData.get('id') ?? '');
    const current = await db.activity.findUnique({ where: { id }, select: { version: true } });
    const t = await getTranslations('activities.errors');
    return { status: 'error', message: t('conflictResave'), values: { ...activityValues(formData), version: String(current?.version ?? '') } };
  }
  if (!result.ok) return failureState(user, result, activityValues(formData), { entityType: 'Activity', entityId: String(formData.get('id') ?? '') || null });
  revalidatePath('/activities');
  revalidatePath('/requests');
  redirect(`/activities/${result.value.id}?saved=1`);
}

export async function cancelActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await cancelActivity(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'Activity', entityId: String(formData.get('id') ?? '') });
  revalidatePath('/activities');
  revalidatePath('/requests');
  redirect(`/activities/${result.value.id}`);
}

export async function confirmActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await confirmActivity(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'Activity', entityId: String(formData.get('id') ?? '') });
  revalidatePath('/activities');
  redirect(`/activities/${result.value.id}`);
}

export async function confirmReceiptAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await confirmReceipt(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'Activity', entityId: String(formData.get('id') ?? '') });
  revalidatePath('/activities');
  redirect(`/activities/${result.value.id}`);
}

export async function createRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await createRequest(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'Pairing', entityId: String(formData.get('pairingId') ?? '') });
  revalidatePath('/requests');
  redirect(`/requests?created=1#request-${result.value.id}`);
}

export async function closeRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await closeRequest(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType: 'AssistanceRequest', entityId: String(formData.get('id') ?? '') });
  revalidatePath('/requests');
  redirect(`/requests?closed=1#request-${result.value.id}`);
}
