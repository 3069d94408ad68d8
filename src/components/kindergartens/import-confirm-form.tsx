'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE, type ActionState } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function ImportConfirmForm({
  batchId,
  count,
  action: serverAction,
}: {
  batchId: string;
  count: number;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations('kindergartens.import');
  const [state, action] = useFormAction(serverAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="batchId" value={batchId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel={t('confirming')}>{t('confirm', { count })}</SubmitButton>
      </div>
    </form>
  );
}
