'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { endPairingAction } from '@/lib/pairings/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { ConflictNotice } from '@/components/form/conflict-notice';

export function EndPairingForm({
  pairingId,
  defaults,
  dateBounds,
}: {
  pairingId: string;
  defaults: Record<string, string>;
  dateBounds: { min: string; max: string };
}) {
  const t = useTranslations('pairings');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(endPairingAction, IDLE);
  const v = { ...defaults, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={JSON.stringify(state.values ?? {})}>
      {state.conflict && <ConflictNotice conflict={state.conflict} />}
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={v.version} />
      <Field
        label={t('endsOn')}
        name="endsOn"
        type="date"
        required
        defaultValue={v.endsOn}
        min={dateBounds.min}
        max={dateBounds.max}
        errors={e.endsOn}
        className="max-w-xs"
      />
      <TextareaField
        label={t('endReason')}
        name="endReason"
        required
        defaultValue={v.endReason}
        errors={e.endReason}
        maxLength={500}
        rows={2}
      />
      <SubmitButton variant="danger" pendingLabel={tf('saving')} className="self-start">
        {t('end')}
      </SubmitButton>
    </form>
  );
}
