'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { MAX_FILE_BYTES } from '@/lib/spreadsheet/read';
import { createKindergarten, setKindergartenActive, updateKindergarten, type FieldErrorKeys, type MutationResult } from './mutations';
import { commitKindergartenImport, previewKindergartenImport } from './import';

type T = Awaited<ReturnType<typeof getTranslations>>;

async function failure(t: T, result: Exclude<MutationResult<unknown>, { ok: true }>, values: Record<string, string>): Promise<ActionState> {
  switch (result.kind) {
    case 'notFound':
      return { status: 'error', message: t('errors.notFound'), values };
    case 'conflict': {
      // As for pairings: what they typed stays in the form, now based on the stored version, with
      // the differences beside it; saving again keeps their version knowingly.
      const c = result.conflict;
      const format = await getFormatter();
      const counties = new Map((await db.region.findMany({
        where: { id: { in: c.changes.filter((ch) => ch.field === 'countyId').flatMap((ch) => [ch.theirs, ch.current]) } }, select: { id: true, name: true },
      })).map((r) => [r.id, r.name]));
      const shown = (field: string, v: string) =>
        !v ? '' : field === 'countyId' ? (counties.get(v) ?? v) : field === 'area' || field === 'level' ? t(`${field}.${v}` as never) : v;
      return {
        status: 'error', message: t('pairings.conflict.resave'), values: { ...values, version: String(c.version) },
        conflict: {
          title: t('kindergartens.conflictTitle', {
            name: c.updatedBy ?? t('pairings.conflict.someone'),
            time: c.updatedAt ? format.dateTime(new Date(c.updatedAt), { dateStyle: 'short', timeStyle: 'short' }) : '',
          }),
          changes: c.changes.map((ch) => ({ label: t(`kindergartens.${ch.field}` as never), theirs: shown(ch.field, ch.theirs), current: shown(ch.field, ch.current) })),
        },
      };
    }
    case 'invalid':
      return { status: 'error', message: t('form.fixErrors'), fieldErrors: translateKeys(t, result.fieldErrors), values };
  }
}

function translateKeys(t: T, errors: FieldErrorKeys) {
  return Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => t(k as never))]));
}

const Id = z.string().min(1).max(64);

export async function createKindergartenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const result = await createKindergarten(db, actor, values);
  if (!result.ok) return await failure(t, result, values);
  revalidatePath('/kindergartens');
  redirect(`/kindergartens/${result.value.id}?saved=1`);
}

export async function updateKindergartenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const id = Id.safeParse(formData.get('id'));
  if (!id.success) return { status: 'error', message: t('errors.notFound'), values };
  // The mode only picks the schema; the permission for it is checked against the database row.
  const mode = formData.get('mode') === 'full' ? 'full' : 'profile';
  const result = await updateKindergarten(db, actor, id.data, values, mode);
  if (!result.ok) return await failure(t, result, values);
  revalidatePath('/kindergartens');
  redirect(`/kindergartens/${id.data}?saved=1`);
}

export async function setKindergartenActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const id = Id.safeParse(formData.get('id'));
  const active = formData.get('active') === 'true';
  if (!id.success) return { status: 'error', message: t('errors.notFound') };
  const result = await setKindergartenActive(db, actor, id.data, active);
  if (!result.ok) return failure(t, result, {});
  revalidatePath('/kindergartens');
  return { status: 'ok', message: t(active ? 'kindergartens.activated' : 'kindergartens.deactivated') };
}

export async function previewKindergartenImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: t('kindergartens.import.file_empty') };
  if (file.size > MAX_FILE_BYTES) return { status: 'error', message: t('kindergartens.import.fileTooLarge', { max: MAX_FILE_BYTES / 1024 / 1024 }) };
  const result = await previewKindergartenImport(db, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) {
    return { status: 'error', message: result.kind === 'notFound' ? t('errors.notFound') : t(result.problem.message as never, result.problem.params as never) };
  }
  redirect(`/kindergartens/import/${result.batchId}`);
}

export async function commitKindergartenImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const id = Id.safeParse(formData.get('batchId'));
  if (!id.success) return { status: 'error', message: t('errors.notFound') };
  const result = await commitKindergartenImport(db, actor, id.data);
  if (!result.ok) return { status: 'error', message: result.kind === 'notFound' ? t('errors.notFound') : t(`kindergartens.import.commit_${result.kind}`) };
  revalidatePath('/kindergartens');
  const { created, updated, unchanged } = result.summary;
  redirect(`/kindergartens/import/${id.data}?created=${created}&updated=${updated}&unchanged=${unchanged}`);
}
