'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { answerRectification, openRectification, reviewRectification } from './commands';

export async function openRectificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => openRectification(user, input, db),
    entity: { type: 'Rectification', idField: 'inspectionItemId' },
    revalidate: ['/rectifications'],
    redirect: (r) => `/rectifications/${r.id}?saved=1`,
  });
}

export async function answerRectificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => answerRectification(user, input, db),
    entity: { type: 'Rectification' },
    revalidate: (r) => ['/rectifications', `/rectifications/${r.id}`],
    redirect: (r) => `/rectifications/${r.id}?saved=1`,
  });
}

export async function reviewRectificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => reviewRectification(user, input, db),
    entity: { type: 'Rectification' },
    revalidate: (r) => ['/rectifications', `/rectifications/${r.id}`],
    redirect: (r) => `/rectifications/${r.id}?saved=1`,
  });
}
