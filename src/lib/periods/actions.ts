'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { closePeriod, reviewLateCorrection } from './commands';

export async function closePeriodAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => closePeriod(user, input, db),
    entity: { type: 'ClosedPeriod', idField: 'key' },
    revalidate: ['/bulletins', '/bulletins/periods', '/effect-tests'],
    redirect: (_p, fd) => `/bulletins/periods?closed=${encodeURIComponent(String(fd.get('key')))}`,
  });
}

export async function reviewLateCorrectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => reviewLateCorrection(user, input, db),
    entity: { type: 'Activity' },
    revalidate: ['/bulletins/late-corrections', '/activities'],
    redirect: (a) => `/bulletins/late-corrections?reviewed=1#late-${a.id}`,
  });
}
