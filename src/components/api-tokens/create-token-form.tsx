'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { createTokenAction, type CreateTokenState } from '@/lib/api-tokens/actions';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SelectField } from '@/components/form/select-field';
import { SubmitButton } from '@/components/form/submit-button';

const IDLE: CreateTokenState = { status: 'idle' };

export function CreateTokenForm() {
  const t = useTranslations('api.tokens');
  const [state, action] = useFormAction(createTokenAction, IDLE);
  const e = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      {state.token && (
        <div role="status" className="rounded-md border border-brand-600 bg-brand-50 p-3 text-brand-900">
          <p className="font-semibold">{t('showOnce')}</p>
          <label htmlFor="new-token" className="mt-2 block text-sm">
            {t('yourToken')}
          </label>
          <input
            id="new-token"
            readOnly
            value={state.token}
            data-testid="new-token"
            className="mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm"
            onFocus={(ev) => ev.currentTarget.select()}
          />
        </div>
      )}
      <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
        {!state.token && <FormMessage state={state} />}
        <Field
          label={t('name')}
          name="name"
          required
          maxLength={80}
          defaultValue={state.token ? '' : state.values?.name}
          errors={e.name}
          help={t('nameHelp')}
        />
        <SelectField
          label={t('expires')}
          name="expires"
          defaultValue={state.values?.expires ?? '90'}
          errors={e.expires}
          options={[
            { value: '30', label: t('days', { n: 30 }) },
            { value: '90', label: t('days', { n: 90 }) },
            { value: '365', label: t('days', { n: 365 }) },
            { value: 'never', label: t('never') },
          ]}
        />
        <SubmitButton className="self-start">{t('create')}</SubmitButton>
      </form>
    </div>
  );
}
