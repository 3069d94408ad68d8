'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { createCycleAction, updateSemestersAction, updateSettingsAction } from '@/lib/cycles/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function CreateCycleForm({ suggestedYear }: { suggestedYear: number }) {
  const t = useTranslations('cycles');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(createCycleAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('startYear')}
        name="startYear"
        type="number"
        inputMode="numeric"
        min={2000}
        max={2999}
        required
        className="max-w-40"
        defaultValue={state.values?.startYear ?? String(suggestedYear)}
        key={state.values?.startYear ?? 'y'}
        errors={state.fieldErrors?.startYear}
        help={t('createHelp')}
      />
      <SubmitButton pendingLabel={tf('saving')} className="self-start">
        {t('createSubmit')}
      </SubmitButton>
    </form>
  );
}

export type SemesterRow = { academicYear: number; term: 'AUTUMN' | 'SPRING'; startsOn: string; endsOn: string; yearLabel: string };

export function SemestersForm({ cycleId, semesters, readOnly }: { cycleId: string; semesters: SemesterRow[]; readOnly: boolean }) {
  const t = useTranslations('cycles');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(updateSemestersAction, IDLE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormMessage state={state} />
      <input type="hidden" name="cycleId" value={cycleId} />
      {semesters.map((s) => {
        const key = `${s.academicYear}-${s.term}`;
        return (
          <fieldset key={key} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[12rem_1fr_1fr]">
            <legend className="px-1 text-sm font-semibold">
              {s.yearLabel} · {t(`term.${s.term}`)}
            </legend>
            <span className="hidden sm:block" />
            <Field
              label={t('startsOn')}
              name={`${key}-startsOn`}
              type="date"
              required
              disabled={readOnly}
              defaultValue={state.values?.[`${key}-startsOn`] ?? s.startsOn}
              errors={e[`${key}-startsOn`]}
            />
            <Field
              label={t('endsOn')}
              name={`${key}-endsOn`}
              type="date"
              required
              disabled={readOnly}
              defaultValue={state.values?.[`${key}-endsOn`] ?? s.endsOn}
              errors={e[`${key}-endsOn`]}
            />
          </fieldset>
        );
      })}
      {!readOnly && (
        <SubmitButton pendingLabel={tf('saving')} className="self-start">
          {tf('save')}
        </SubmitButton>
      )}
    </form>
  );
}

export function SettingsForm({ maxAssisted }: { maxAssisted: number }) {
  const t = useTranslations('cycles.settings');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(updateSettingsAction, IDLE);
  return (
    <form action={action} className="flex max-w-lg flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('maxAssisted')}
        name="maxAssistedPerSupporter"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        required
        className="max-w-xs"
        defaultValue={state.values?.maxAssistedPerSupporter ?? String(maxAssisted)}
        key={state.values?.maxAssistedPerSupporter ?? 'm'}
        errors={state.fieldErrors?.maxAssistedPerSupporter}
        help={t('maxAssistedHelp')}
      />
      <SubmitButton pendingLabel={tf('saving')} className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}
