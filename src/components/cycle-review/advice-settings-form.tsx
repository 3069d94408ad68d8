'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { updateAdviceSettingsAction } from '@/lib/cycle-review/actions';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** The city's two thresholds of the re-pairing advice, as percentages. */
export function AdviceSettingsForm({ semesterMetPercent, missedPercent }: { semesterMetPercent: number; missedPercent: number }) {
  const t = useTranslations('cycleReview.settings');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(updateAdviceSettingsAction, IDLE);
  const v = state.values;
  return (
    <form action={action} className="flex max-w-lg flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('semesterMetPercent')}
        name="semesterMetPercent"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        required
        className="max-w-xs"
        defaultValue={v?.semesterMetPercent ?? String(semesterMetPercent)}
        key={`m-${v?.semesterMetPercent ?? ''}`}
        errors={state.fieldErrors?.semesterMetPercent}
      />
      <Field
        label={t('missedPercent')}
        name="missedPercent"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        required
        className="max-w-xs"
        defaultValue={v?.missedPercent ?? String(missedPercent)}
        key={`x-${v?.missedPercent ?? ''}`}
        errors={state.fieldErrors?.missedPercent}
      />
      <SubmitButton pendingLabel={tf('saving')} className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}
