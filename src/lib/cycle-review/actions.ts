'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { confirmMeasurement, decideRollover, publishSummary, recordMeasurement, saveSummary, updateAdviceSettings } from './commands';

const reviewPage = (f: FormData) => [`/pairings/${String(f.get('pairingId') ?? '')}/review`];
const summaryPage = (f: FormData) => `/cycles/${String(f.get('cycleId') ?? '')}/summary/${String(f.get('scope') ?? '')}`;

export async function recordMeasurementAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => recordMeasurement(user, input, db),
    entity: { type: 'CycleMeasurement', idField: 'pairingId' },
    revalidate: (_v, f) => reviewPage(f),
    redirect: (_v, f) => `${reviewPage(f)[0]}?saved=1#measurements`,
  });
}

export async function confirmMeasurementAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => confirmMeasurement(user, input, db),
    entity: { type: 'CycleMeasurement' },
    revalidate: (_v, f) => reviewPage(f),
    redirect: (_v, f) => `${reviewPage(f)[0]}?saved=1#measurements`,
  });
}

export async function decideRolloverAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => decideRollover(user, input, db),
    entity: { type: 'RolloverAdvice', idField: 'pairingId' },
    revalidate: ['/pairings/rollover'],
    success: (_v, t) => ({ status: 'ok', message: t('cycleReview.advice.decided') }),
  });
}

export async function updateAdviceSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateAdviceSettings(user, input, db),
    entity: { type: 'CitySetting' },
    revalidate: ['/cycles/settings', '/pairings/rollover'],
    success: (s, t) => ({
      status: 'ok',
      message: t('cycleReview.settings.saved'),
      values: { semesterMetPercent: String(s.semesterMetPercent), missedPercent: String(s.missedPercent) },
    }),
  });
}

export async function saveSummaryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveSummary(user, input, db),
    entity: { type: 'CycleSummary', idField: 'scope' },
    revalidate: (_v, f) => [summaryPage(f), '/cycle-review'],
    redirect: (_v, f) => `${summaryPage(f)}?saved=1`,
  });
}

export async function publishSummaryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => publishSummary(user, input, db),
    entity: { type: 'CycleSummary', idField: 'scope' },
    revalidate: (_v, f) => [summaryPage(f), '/cycle-review'],
    redirect: (_v, f) => `${summaryPage(f)}?published=1`,
  });
}
