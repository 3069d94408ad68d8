'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { closePeriodAction } from '@/lib/periods/actions';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** Closing cannot be undone: the button sits behind an explicit confirmation. */
export function ClosePeriodForm({ periodKey, label }: { periodKey: string; label: string }) {
  const t = useTranslations('bulletins.periods');
  const [state, action] = useFormAction(closePeriodAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate data-testid={`close-${periodKey}`}>
      <FormMessage state={state} />
      <input type="hidden" name="key" value={periodKey} />
      <label className="flex min-h-11 items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" value="on" className="mt-0.5 size-5 shrink-0" aria-describedby={`close-${periodKey}-what`} />
        <span>{t('confirm')}</span>
      </label>
      <p id={`close-${periodKey}-what`} className="sr-only">
        {label}
      </p>
      {state.fieldErrors?.confirm?.map((m) => (
        <p key={m} className="text-sm text-red-800">
          {m}
        </p>
      ))}
      <div>
        <SubmitButton variant="danger" pendingLabel={t('closing')}>
          {t('close')}
        </SubmitButton>
      </div>
    </form>
  );
}
