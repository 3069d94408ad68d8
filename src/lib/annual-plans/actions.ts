'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { commentAnnualPlan, reviewAnnualPlan, saveAnnualPlan, setAnnualPlanDueDates } from './commands';

// The plan page's address comes from the form's pairing and year; the command has checked both.
const planPath = (fd: FormData) => `/annual-plans/${fd.get('pairingId')}/${fd.get('academicYear')}`;

export async function saveAnnualPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveAnnualPlan(user, input, db),
    entity: { type: 'AnnualPlan' },
    revalidate: ['/annual-plans'],
    redirect: (_p, fd) => `${planPath(fd)}?saved=1`,
  });
}

export async function reviewAnnualPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => reviewAnnualPlan(user, input, db),
    entity: { type: 'AnnualPlan', idField: 'planId' },
    revalidate: ['/annual-plans', '/annual-plans/status'],
    redirect: (_p, fd) => `${planPath(fd)}?saved=1`,
  });
}

export async function commentAnnualPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => commentAnnualPlan(user, input, db),
    entity: { type: 'AnnualPlan', idField: 'planId' },
    revalidate: ['/annual-plans'],
    redirect: (_p, fd) => `${planPath(fd)}?saved=1#comments-${fd.get('kind')}`,
  });
}

export async function setAnnualPlanDueDatesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setAnnualPlanDueDates(user, input, db),
    entity: { type: 'AnnualPlanDueDate', idField: 'academicYear' },
    revalidate: ['/cycles/settings', '/annual-plans'],
    redirect: () => '/cycles/settings?saved=1#annual-plan-due',
  });
}
