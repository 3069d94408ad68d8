'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { publishBulletin, saveBulletin } from './commands';

export async function saveBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveBulletin(user, input, db),
    entity: { type: 'Bulletin' },
    messages: { conflict: 'bulletins.errors.conflict' },
    revalidate: ['/bulletins'],
    redirect: (b) => `/bulletins/${b.id}?saved=1`,
  });
}

export async function publishBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => publishBulletin(user, input, db),
    entity: { type: 'Bulletin' },
    messages: { conflict: 'bulletins.errors.conflict' },
    revalidate: ['/bulletins'],
    redirect: (b) => `/bulletins/${b.id}?published=1`,
  });
}
