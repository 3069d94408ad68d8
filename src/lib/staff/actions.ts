'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { createStaffAccount, type NewAccount } from './commands';
import { commitStaffImport, previewStaffImport } from './import';
import { buildPasswordSheet } from './spreadsheets';

const BATCH = { type: 'ImportBatch', idField: 'batchId' };

export async function createStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createStaffAccount(user, input, db),
    entity: { type: 'User' },
    revalidate: ['/users'],
    // No redirect: the one-time password is shown here, once. The form comes back empty.
    success: ({ name, login, password }, t) => ({ status: 'ok', message: t('staff.created', { name, login, password }) }),
  });
}

export async function previewStaffImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => previewStaffImport(user, input, db),
    entity: BATCH,
    redirect: (p) => `/users/import/${p.batchId}`,
  });
}

export type StaffImportState = ActionState & { accounts?: Omit<NewAccount, 'id'>[]; sheet?: string };

/** Returns the new accounts' one-time passwords, and the same list as an .xlsx (base64), this once. */
export async function commitStaffImportAction(_prev: StaffImportState, formData: FormData): Promise<StaffImportState> {
  return runAction(formData, {
    command: (user, input) => commitStaffImport(user, input, db),
    entity: BATCH,
    revalidate: ['/users'],
    success: async ({ created, updated, unchanged, accounts }, t): Promise<StaffImportState> => ({
      status: 'ok',
      message: t('staff.import.done', { created, updated, unchanged }),
      accounts: accounts.map(({ name, login, password }) => ({ name, login, password })),
      sheet: accounts.length
        ? (
            await buildPasswordSheet(accounts, { name: t('staff.name'), login: t('staff.login'), password: t('staff.oneTimePassword') })
          ).toString('base64')
        : undefined,
    }),
  });
}
