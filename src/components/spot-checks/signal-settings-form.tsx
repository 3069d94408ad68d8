'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { updateSignalSettingsAction } from '@/lib/signals/actions';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** The city's thresholds for two signals: how late an entry, how far a photo's capture date. */
export function SignalSettingsForm({
  lateEntryDays,
  captureDateToleranceDays,
}: {
  lateEntryDays: number;
  captureDateToleranceDays: number;
}) {
  const t = useTranslations('spotChecks.signals.settings');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(updateSignalSettingsAction, IDLE);
  const v = state.values;
  return (
    <form action={action} className="flex max-w-lg flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('lateEntryDays')}
        name="lateEntryDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        required
        className="max-w-xs"
        defaultValue={v?.lateEntryDays ?? String(lateEntryDays)}
        key={`l-${v?.lateEntryDays ?? ''}`}
        errors={state.fieldErrors?.lateEntryDays}
        help={t('lateEntryDaysHelp')}
      />
      <Field
        label={t('captureDateToleranceDays')}
        name="captureDateToleranceDays"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        required
        className="max-w-xs"
        defaultValue={v?.captureDateToleranceDays ?? String(captureDateToleranceDays)}
        key={`c-${v?.captureDateToleranceDays ?? ''}`}
        errors={state.fieldErrors?.captureDateToleranceDays}
        help={t('captureDateToleranceDaysHelp')}
      />
      <SubmitButton pendingLabel={tf('saving')} className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}
