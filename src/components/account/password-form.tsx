'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { changePasswordAction } from '@/lib/account/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function PasswordForm() {
  const t = useTranslations('password');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(changePasswordAction, IDLE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label={t('current')} name="current" type="password" autoComplete="current-password" required errors={e.current} />
      <Field label={t('new')} name="next" type="password" autoComplete="new-password" required errors={e.next} help={t('help')} />
      <Field label={t('confirm')} name="confirm" type="password" autoComplete="new-password" required errors={e.confirm} />
      <SubmitButton pendingLabel={tf('saving')}>{t('submit')}</SubmitButton>
    </form>
  );
}
