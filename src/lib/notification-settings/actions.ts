'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { setCountyWebhook, setMandatoryKinds, setOwnPreferences } from './commands';
import { mandatoryFromForm, preferencesFromForm } from './schemas';

export async function setOwnPreferencesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setOwnPreferences(user, input, db),
    entity: { type: 'User' },
    input: preferencesFromForm,
    values: () => ({}),
    revalidate: ['/account/notifications'],
    success: (_v, t) => ({ status: 'ok', message: t('notifications.preferences.saved') }),
  });
}

export async function setMandatoryKindsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setMandatoryKinds(user, input, db),
    entity: { type: 'CitySetting' },
    input: mandatoryFromForm,
    values: () => ({}),
    revalidate: ['/cycles/settings', '/account/notifications'],
    success: (_v, t) => ({ status: 'ok', message: t('notifications.settings.saved') }),
  });
}

export async function setCountyWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setCountyWebhook(user, input, db),
    entity: { type: 'Region', idField: 'countyId' },
    revalidate: ['/cycles/settings'],
    success: (_v, t) => ({ status: 'ok', message: t('notifications.settings.saved') }),
  });
}
