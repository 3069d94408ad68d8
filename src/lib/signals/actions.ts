'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { updateSignalSettings } from './commands';

export async function updateSignalSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateSignalSettings(user, input, db),
    entity: { type: 'CitySetting' },
    revalidate: ['/cycles/settings', '/signals'],
    success: (s, t) => ({
      status: 'ok',
      message: t('spotChecks.signals.settings.saved'),
      values: { lateEntryDays: String(s.lateEntryDays), captureDateToleranceDays: String(s.captureDateToleranceDays) },
    }),
  });
}
