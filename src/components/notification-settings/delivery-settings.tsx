'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { IDLE } from '@/lib/action-state';
import { setCountyWebhookAction, setMandatoryKindsAction } from '@/lib/notification-settings/actions';
import type { MessageKey } from '@/i18n/translator';

/** The city's kinds nobody may switch off. */
export function MandatoryKindsForm({ kinds, mandatory }: { kinds: string[]; mandatory: string[] }) {
  const t = useTranslations('notifications.settings');
  const tAll = useTranslations();
  const [state, action] = useFormAction(setMandatoryKindsAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <fieldset>
        <legend className="sr-only">{t('mandatoryTitle')}</legend>
        {kinds.map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="kinds" value={k} defaultChecked={mandatory.includes(k)} className="size-5" />
            {tAll(`notifications.labels.${k}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <SubmitButton variant="secondary" className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}

/** One county's group-robot address; empty sends nothing. */
export function CountyWebhookForm({ county }: { county: { id: string; name: string; webhookUrl: string | null } }) {
  const t = useTranslations('notifications.settings');
  const [state, action] = useFormAction(setCountyWebhookAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <input type="hidden" name="countyId" value={county.id} />
      <Field
        label={t('webhookUrl', { county: county.name })}
        name="webhookUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
        defaultValue={state.values?.webhookUrl ?? county.webhookUrl ?? ''}
        key={state.values?.webhookUrl ?? county.webhookUrl ?? ''}
        errors={state.fieldErrors?.webhookUrl}
        className="grow"
      />
      <SubmitButton variant="secondary">{t('save')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
