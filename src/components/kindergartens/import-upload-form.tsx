'use client';
import { useState, type FormEvent } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE, type ActionState } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { Field } from '@/components/form/field';
import { fileTooLarge, MAX_FILE_MB } from '@/lib/spreadsheet/limits';

/** Shared by the kindergarten and staff imports: choose a file, upload, land on the preview. */
export function ImportUploadForm({
  action: serverAction,
  help,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  help?: string;
}) {
  const t = useTranslations('kindergartens.import');
  const [state, action] = useFormAction(serverAction, IDLE);
  const [tooLarge, setTooLarge] = useState(false);
  // A file over the limit is refused here, before it is sent: past the server actions' body limit the
  // server could only answer with the error page. The server checks the size again.
  const checkSize = (e: FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    const refuse = !!file && fileTooLarge(file.size);
    setTooLarge(refuse);
    if (refuse) e.preventDefault();
  };
  return (
    <form action={action} onSubmit={checkSize} className="flex max-w-xl flex-col gap-4">
      <FormMessage state={tooLarge ? { status: 'error', message: t('fileTooLarge', { max: MAX_FILE_MB }) } : state} />
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
