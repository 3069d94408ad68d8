'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { signInAction } from '@/lib/auth/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function LoginForm() {
  const t = useTranslations('login');
  const [state, action] = useFormAction(signInAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field
        label={t('identifier')}
        name="identifier"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={state.values?.identifier}
        key={`id-${state.values?.identifier ?? ''}`}
      />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
      {/* There is no self-service reset (no e-mail or SMS here): say who resets it rather than leave a dead end. */}
      <details className="text-sm text-stone-700">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t('forgot')}</summary>
        <p className="mt-1">{t('forgotHelp')}</p>
      </details>
    </form>
  );
}
