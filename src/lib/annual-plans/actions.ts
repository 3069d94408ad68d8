'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { saveAnnualPlan } from './commands';

export async function saveAnnualPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveAnnualPlan(user, input, db),
    entity: { type: 'AnnualPlan' },
    revalidate: ['/annual-plans'],
    redirect: (_p, fd) => `/annual-plans/${fd.get('pairingId')}/${fd.get('academicYear')}?saved=1`,
  });
}
