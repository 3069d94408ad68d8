'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { failureState } from '@/lib/command-state';
import { deleteEvidence } from './commands';

export async function deleteEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await deleteEvidence(user, Object.fromEntries(formData), db);
  if (!result.ok) {
    if (result.error === 'wrongState' || result.error === 'notAllowed') {
      const t = await getTranslations('evidence.errors');
      return { status: 'error', message: t(result.error), values: formValues(formData) };
    }
    return failureState(user, result, formValues(formData), { entityType: 'EvidenceFile', entityId: String(formData.get('id') ?? '') });
  }
  revalidatePath(result.value.path);
  const t = await getTranslations('evidence');
  return { status: 'ok', message: t('removed') };
}
