'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { createCycle, updateCitySettings, updateSemesters } from './commands';
import { semestersInputFromForm } from './schemas';

const CYCLE = { type: 'Cycle', idField: 'cycleId' };

export async function createCycleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createCycle(user, input, db),
    entity: CYCLE,
    revalidate: ['/cycles'],
    redirect: (c) => `/cycles/${c.id}?done=created`,
  });
}

export async function updateSemestersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateSemesters(user, input, db),
    entity: CYCLE,
    input: semestersInputFromForm,
    // Every page's header shows the current semester.
    revalidateLayout: '/',
    redirect: (c) => `/cycles/${c.id}?done=saved`,
  });
}

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateCitySettings(user, input, db),
    entity: { type: 'CitySetting' },
    revalidate: ['/cycles/settings'],
    success: (s, t) => ({
      status: 'ok',
      message: t('cycles.settings.saved'),
      values: { maxAssistedPerSupporter: String(s.maxAssistedPerSupporter) },
    }),
  });
}
