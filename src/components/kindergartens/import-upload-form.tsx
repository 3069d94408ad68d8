'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { Field } from '@/components/form/field';

/** Shared by the kindergarten and staff imports: choose a file, upload, land on the preview. */
export function ImportUploadForm({
  action: serverAction,
  help,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  help?: string;
}) {
  const t = useTranslations('kindergartens.import');
  const [state, action] = useActionState(serverAction, IDLE);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4">
      <FormMessage state={state} />
      <Field
        label={t('file')}
        name="file"
        type="file"
        required
        help={help ?? t('fileHelp')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      />
      <div>
        <SubmitButton pendingLabel={t('uploading')}>{t('upload')}</SubmitButton>
      </div>
    </form>
  );
}
