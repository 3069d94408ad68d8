'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { confirmPaperAction } from '@/lib/papers/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function ConfirmPaperButton({ id, version, title }: { id: string; version: number; title: string }) {
  const t = useTranslations('teaching.papers');
  const [state, action] = useFormAction(confirmPaperAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton className="w-fit">
        {t('confirm')}
        <span className="sr-only">: {title}</span>
      </SubmitButton>
    </form>
  );
}
