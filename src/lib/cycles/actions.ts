'use server';
import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { NotFoundError } from '@/lib/authz';
import { formValues, type ActionState } from '@/lib/action-state';
import { fieldErrors } from '@/lib/zod-errors';
import { createCycle, updateCitySettings, updateSemesters, type CycleResult } from './manage';
import { getCycle } from './queries';
import { CitySettingsInput, CreateCycleInput, UpdateSemestersInput, semesterField, semestersFromForm } from './schemas';

type T = Awaited<ReturnType<typeof getTranslations>>;

async function orNotFound<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function failure(t: T, result: Extract<CycleResult, { ok: false }>, values: Record<string, string>): ActionState {
  const errors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const i of result.issues) {
    const text = t(`cycles.errors.${i.code}`, i.values ?? {});
    if (i.field) (errors[i.field] ??= []).push(text);
    else general.push(text);
  }
  return { status: 'error', message: general.join(' ') || t('form.fixErrors'), fieldErrors: errors, values };
}

export async function createCycleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = CreateCycleInput.safeParse({ startYear: formData.get('startYear') });
  if (!parsed.success) return { status: 'error', message: t('form.fixErrors'), fieldErrors: fieldErrors(parsed.error, t), values };
  const result = await orNotFound(() => createCycle(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/cycles');
  redirect(`/cycles/${result.id}?done=created`);
}

export async function updateSemestersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const cycleId = String(formData.get('cycleId') ?? '');
  const cycle = await getCycle(cycleId);
  if (!cycle) notFound();
  const semesters = semestersFromForm(formData, cycle.startYear);
  const parsed = UpdateSemestersInput.safeParse({ cycleId, semesters });
  if (!parsed.success) {
    // Zod reports semesters.N.field; the form names fields by academic year and term.
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const [, index, field] = issue.path as [string, number, 'startsOn' | 'endsOn'];
      const s = semesters[index];
      if (s && field) (errors[semesterField(s.academicYear, s.term, field)] ??= []).push(t(issue.message));
    }
    return { status: 'error', message: t('form.fixErrors'), fieldErrors: errors, values };
  }
  const result = await orNotFound(() => updateSemesters(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/', 'layout');
  redirect(`/cycles/${cycle.id}?done=saved`);
}

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireUser();
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = CitySettingsInput.safeParse({ maxAssistedPerSupporter: formData.get('maxAssistedPerSupporter') });
  if (!parsed.success) return { status: 'error', message: t('form.fixErrors'), fieldErrors: fieldErrors(parsed.error, t), values };
  const result = await orNotFound(() => updateCitySettings(actor, parsed.data));
  if (!result.ok) return failure(t, result, values);
  revalidatePath('/cycles/settings');
  return { status: 'ok', message: t('cycles.settings.saved'), values };
}
