'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { revokeTokenAction } from '@/lib/api-tokens/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function RevokeTokenForm({ id }: { id: string }) {
  const t = useTranslations('api.tokens');
  const [state, action] = useFormAction(revokeTokenAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <SubmitButton variant="danger">{t('revoke')}</SubmitButton>
    </form>
  );
}
