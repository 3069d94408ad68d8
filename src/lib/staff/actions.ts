'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { MAX_FILE_BYTES } from '@/lib/spreadsheet/read';
import { createStaffAccount, type NewAccount } from './mutations';
import { commitStaffImport, previewStaffImport } from './import';
import { buildPasswordSheet } from './spreadsheets';

export async function createStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const result = await createStaffAccount(db, actor, values);
  if (!result.ok) {
    if (result.kind === 'notFound') return { status: 'error', message: t('errors.notFound'), values };
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([f, keys]) => [f, keys.map((k) => t(k as never))]));
    return { status: 'error', message: t('form.fixErrors'), fieldErrors, values };
  }
  revalidatePath('/users');
  const { name, login, password } = result.value;
  // No redirect: the one-time password is shown here, once. The form comes back empty.
  return { status: 'ok', message: t('staff.created', { name, login, password }) };
}

export async function previewStaffImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: t('kindergartens.import.file_empty') };
  if (file.size > MAX_FILE_BYTES) return { status: 'error', message: t('kindergartens.import.fileTooLarge', { max: MAX_FILE_BYTES / 1024 / 1024 }) };
  const result = await previewStaffImport(db, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) {
    return { status: 'error', message: result.kind === 'notFound' ? t('errors.notFound') : t(result.problem.message as never, result.problem.params as never) };
  }
  redirect(`/users/import/${result.batchId}`);
}

export type StaffImportState = ActionState & { accounts?: Omit<NewAccount, 'id'>[]; sheet?: string };

/** Returns the new accounts' one-time passwords, and the same list as an .xlsx (base64), this once. */
export async function commitStaffImportAction(_prev: StaffImportState, formData: FormData): Promise<StaffImportState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const id = z.string().min(1).max(64).safeParse(formData.get('batchId'));
  if (!id.success) return { status: 'error', message: t('errors.notFound') };
  const result = await commitStaffImport(db, actor, id.data);
  if (!result.ok) return { status: 'error', message: result.kind === 'notFound' ? t('errors.notFound') : t(`kindergartens.import.commit_${result.kind}`) };
  revalidatePath('/users');
  const { created, updated, unchanged, accounts } = result.summary;
  const sheet = accounts.length
    ? (await buildPasswordSheet(accounts, { name: t('staff.name'), login: t('staff.login'), password: t('staff.oneTimePassword') })).toString('base64')
    : undefined;
  return {
    status: 'ok',
    message: t('staff.import.done', { created, updated, unchanged }),
    accounts: accounts.map(({ name, login, password }) => ({ name, login, password })),
    sheet,
  };
}
