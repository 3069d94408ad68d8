'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { createRequestAction } from '@/lib/activities/actions';
import { REQUEST_KINDS } from '@/lib/activities/request-kinds';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function RequestForm({ pairings }: { pairings: { value: string; label: string }[] }) {
  const t = useTranslations('activities.requests');
  const [state, action] = useFormAction(createRequestAction, IDLE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {pairings.length > 1 ? (
        <SelectField label={t('pairing')} name="pairingId" options={pairings} defaultValue={v.pairingId} errors={e.pairingId} />
      ) : (
        <input type="hidden" name="pairingId" value={pairings[0].value} />
      )}
      <SelectField
        label={t('kind')}
        name="kind"
        defaultValue={v.kind ?? 'LECTURE_TOPIC'}
        errors={e.kind}
        options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <Field label={t('titleField')} name="title" defaultValue={v.title} errors={e.title} required maxLength={200} />
      <TextareaField label={t('details')} name="details" defaultValue={v.details} errors={e.details} rows={4} />
      <Field label={t('neededBy')} name="neededBy" type="date" defaultValue={v.neededBy} errors={e.neededBy} />
      <SubmitButton className="w-full sm:w-auto">{t('submit')}</SubmitButton>
    </form>
  );
}
