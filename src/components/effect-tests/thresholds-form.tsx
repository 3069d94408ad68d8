'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { setThresholdsAction } from '@/lib/effect-tests/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function ThresholdsForm({ current, suggestedFrom }: { current: Record<string, number>; suggestedFrom: string }) {
  const t = useTranslations('effectTests.settings');
  const [state, action] = useFormAction(setThresholdsAction, IDLE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const num = (name: 'classHours' | 'shadowStudies' | 'lectures' | 'excellentRate' | 'passRate' | 'papers', step: string) => (
    <Field
      label={t(name)}
      name={name}
      type="number"
      inputMode="decimal"
      step={step}
      min="0"
      defaultValue={v[name] ?? String(current[name])}
      errors={e[name]}
      required
    />
  );
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('effectiveFrom')}
        name="effectiveFrom"
        type="date"
        defaultValue={v.effectiveFrom ?? suggestedFrom}
        errors={e.effectiveFrom}
        required
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {num('classHours', '0.5')}
        {num('shadowStudies', '1')}
        {num('lectures', '1')}
        {num('excellentRate', '1')}
        {num('passRate', '1')}
        {num('papers', '1')}
      </div>
      <SubmitButton className="w-full sm:w-auto">{t('save')}</SubmitButton>
    </form>
  );
}
