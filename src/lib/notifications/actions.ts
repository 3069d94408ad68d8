'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { markAllNotificationsRead } from './commands';

export async function markAllNotificationsReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => markAllNotificationsRead(user, input, db),
    entity: { type: 'Notification' },
    // The header's unread figure is on every page.
    revalidateLayout: '/',
    redirect: () => '/notifications?read=1',
  });
}
