'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { saveBulletinAction } from '@/lib/bulletins/actions';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** A bulletin's draft: which closed period, a title and the bureau's text. */
export function BulletinForm({
  periods,
  initial,
}: {
  /** Closed periods to choose from (a new draft), or the draft's own. */
  periods: { value: string; label: string }[];
  initial: { id?: string; version?: number; closedPeriodId?: string; title?: string; body?: string };
}) {
  const t = useTranslations('bulletins');
  const [state, action] = useFormAction(saveBulletinAction, IDLE);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-4" noValidate data-testid="bulletin-form">
      <FormMessage state={state} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version != null && <input type="hidden" name="version" value={v?.version ?? String(initial.version)} />}
      {initial.id ? (
        <input type="hidden" name="closedPeriodId" value={initial.closedPeriodId} />
      ) : (
        <SelectField
          label={t('fields.period')}
          name="closedPeriodId"
          defaultValue={v?.closedPeriodId ?? initial.closedPeriodId ?? periods[0]?.value}
          options={periods}
          errors={e.closedPeriodId}
          required
        />
      )}
      <Field label={t('fields.title')} name="title" defaultValue={v?.title ?? initial.title} errors={e.title} required maxLength={200} />
      <TextareaField
        label={t('fields.body')}
        name="body"
        rows={8}
        defaultValue={v?.body ?? initial.body}
        help={t('fields.bodyHelp')}
        errors={e.body}
      />
      <div>
        <SubmitButton pendingLabel={t('actions.saving')}>{initial.id ? t('actions.save') : t('actions.create')}</SubmitButton>
      </div>
    </form>
  );
}
