'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { publishBulletinAction } from '@/lib/bulletins/actions';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** Publishing is for good and tells the whole city: it asks for an explicit confirmation. */
export function PublishForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('bulletins');
  const [state, action] = useFormAction(publishBulletinAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate data-testid="publish-form">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <label className="flex min-h-11 items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" value="on" className="mt-0.5 size-5 shrink-0" />
        <span>{t('actions.confirmPublish')}</span>
      </label>
      {state.fieldErrors?.confirm?.map((m) => (
        <p key={m} className="text-sm text-red-800">
          {m}
        </p>
      ))}
      <div>
        <SubmitButton pendingLabel={t('actions.publishing')}>{t('actions.publish')}</SubmitButton>
      </div>
    </form>
  );
}
