'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { resetPassword, setUserActive } from './commands';

const USER = { type: 'User', idField: 'userId' };

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => resetPassword(user, input, db),
    entity: USER,
    revalidate: ['/users'],
    success: (u, t) => ({ status: 'ok', message: t('users.resetDone', { name: u.name, password: u.password }), values: { userId: u.id } }),
  });
}

export async function setUserActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setUserActive(user, input, db),
    entity: USER,
    revalidate: ['/users'],
    success: (u, t) => ({
      status: 'ok',
      message: t(u.active ? 'users.activated' : 'users.deactivated', { name: u.name }),
      values: { userId: u.id },
    }),
  });
}
