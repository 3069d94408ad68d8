'use server';
import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { NotFoundError } from '@/lib/authz';
import { formValues } from '@/lib/action-state';
import { fieldErrors } from '@/lib/zod-errors';
import { createPairing, endPairing, updatePairing, type PairingResult } from './mutations';
import { applyRollover } from './rollover';
import { CreatePairingInput, EndPairingInput, RolloverInput, UpdatePairingInput, formObject, rolloverFromForm } from './schemas';
import type { PairingIssue } from './rules';
import type { PairingFormState, RolloverFormState } from './form-state';

type T = Awaited<ReturnType<typeof getTranslations>>;

function submitted(formData: FormData) {
  return { ...formValues(formData), memberIds: formData.getAll('memberIds').join(',') };
}

// Out-of-scope records surface as the 404 page, like a URL that does not exist.
async function orNotFound<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function issueText(t: T, issue: PairingIssue) {
  return t(`pairings.errors.${issue.code}`, issue.values ?? {});
}

const FIELD_LABEL: Record<string, string> = {
  startsOn: 'pairings.startsOn', endsOn: 'pairings.endsOn', endReason: 'pairings.endReason',
  goalConditions: 'pairings.goal.goalConditions', goalManagement: 'pairings.goal.goalManagement',
  goalTeachers: 'pairings.goal.goalTeachers', goalChildren: 'pairings.goal.goalChildren',
  leader: 'pairings.conflict.leader', members: 'pairings.conflict.members',
};

async function failure(t: T, result: Exclude<PairingResult, { ok: true }>, values: Record<string, string>): Promise<PairingFormState> {
  if ('conflict' in result) {
    const format = await getFormatter();
    const c = result.conflict;
    const time = c.updatedAt ? format.dateTime(new Date(c.updatedAt), { dateStyle: 'short', timeStyle: 'short' }) : '';
    return {
      status: 'error',
      message: t('pairings.conflict.resave'),
      values: { ...values, version: String(c.version) },
      conflict: {
        title: t('pairings.conflict.title', { name: c.updatedBy ?? t('pairings.conflict.someone'), time }),
        changes: c.changes.map((ch) => ({ label: t(FIELD_LABEL[ch.field] ?? ch.field), theirs: ch.theirs, current: ch.current })),
      },
    };
  }
  const errors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of result.issues) {
    if (issue.field) (errors[issue.field] ??= []).push(issueText(t, issue));
    else general.push(issueText(t, issue));
  }
  return { status: 'error', message: general.join(' ') || t('form.fixErrors'), fieldErrors: errors, values };
}

export async function createPairingAction(_prev: PairingFormState, formData: FormData): Promise<PairingFormState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = submitted(formData);
  const parsed = CreatePairingInput.safeParse(formObject(formData));
  if (!parsed.success) return { status: 'error', message: t('form.fixErrors'), fieldErrors: fieldErrors(parsed.error, t), values };
  const result = await orNotFound(() => createPairing(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/pairings');
  redirect(`/pairings/${result.id}?done=created`);
}

export async function updatePairingAction(_prev: PairingFormState, formData: FormData): Promise<PairingFormState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = submitted(formData);
  const parsed = UpdatePairingInput.safeParse(formObject(formData));
  if (!parsed.success) return { status: 'error', message: t('form.fixErrors'), fieldErrors: fieldErrors(parsed.error, t), values };
  const result = await orNotFound(() => updatePairing(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/pairings');
  revalidatePath(`/pairings/${result.id}`);
  redirect(`/pairings/${result.id}?done=saved`);
}

export async function endPairingAction(_prev: PairingFormState, formData: FormData): Promise<PairingFormState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = EndPairingInput.safeParse(formObject(formData));
  if (!parsed.success) return { status: 'error', message: t('form.fixErrors'), fieldErrors: fieldErrors(parsed.error, t), values };
  const result = await orNotFound(() => endPairing(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/pairings');
  revalidatePath(`/pairings/${result.id}`);
  redirect(`/pairings/${result.id}?done=saved`);
}

export async function rolloverAction(_prev: RolloverFormState, formData: FormData): Promise<RolloverFormState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = RolloverInput.safeParse(rolloverFromForm(formData));
  if (!parsed.success) return { status: 'error', message: t('form.unexpected'), values, seq: Date.now() };
  const result = await orNotFound(() => applyRollover(actor, parsed.data));
  if (!result.ok) {
    const rowErrors = Object.fromEntries(Object.entries(result.rowIssues).map(([id, issues]) => [id, issues.map((i) => issueText(t, i))]));
    const general = result.issues.map((i) => issueText(t, i)).join(' ');
    return { status: 'error', message: general || t('pairings.rolloverPage.rejected'), rowErrors, values, seq: Date.now() };
  }
  revalidatePath('/pairings');
  return { status: 'ok', message: t('pairings.rolloverPage.applied', { created: result.created, ended: result.ended, skipped: result.skipped }), seq: Date.now() };
}
