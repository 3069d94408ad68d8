'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { confirmPaper, createPaper, updatePaper } from './commands';

const PAPER = { type: 'Paper' };
const listed = (p: { id: string }) => `/papers?saved=1#paper-${p.id}`;

export async function createPaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createPaper(user, input, db),
    entity: PAPER,
    revalidate: ['/papers'],
    redirect: listed,
  });
}

export async function updatePaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updatePaper(user, input, db),
    entity: PAPER,
    revalidate: ['/papers'],
    redirect: listed,
  });
}

export async function confirmPaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => confirmPaper(user, input, db),
    entity: PAPER,
    revalidate: ['/papers'],
    redirect: listed,
  });
}
