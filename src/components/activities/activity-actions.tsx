'use client';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useFormStatus } from 'react-dom';
import { useTranslations } from '@/components/intl/client-translations';
import { cancelActivityAction, closeRequestAction, confirmActivityAction, confirmReceiptAction } from '@/lib/activities/actions';
import { IDLE } from '@/lib/action-state';
import { TextareaField } from '@/components/form/textarea-field';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/**
 * The other side's director: confirm as it stands, or dispute with a reason. When that side also
 * received a donation, confirming records the receipt too, and the button says so.
 */
export function ConfirmForm({ id, version, alsoReceives = false }: { id: string; version: number; alsoReceives?: boolean }) {
  const t = useTranslations('activities');
  const [state, action] = useFormAction(confirmActivityAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <TextareaField
        label={t('fields.comment')}
        name="comment"
        rows={2}
        defaultValue={state.values?.comment}
        errors={state.fieldErrors?.comment}
      />
      <DecisionButtons alsoReceives={alsoReceives} />
    </form>
  );
}

/**
 * On a slow network the save can take many seconds: both buttons wait (no second tap sends the
 * other answer) and the pressed one says it is sending.
 */
function DecisionButtons({ alsoReceives }: { alsoReceives: boolean }) {
  const t = useTranslations('activities');
  const { pending, data } = useFormStatus();
  const sending = pending ? data?.get('decision') : null;
  const button = (decision: 'CONFIRMED' | 'DISPUTED', label: string, className: string) => (
    <button
      type="submit"
      name="decision"
      value={decision}
      disabled={pending}
      aria-disabled={pending}
      className={`min-h-11 rounded-md px-4 text-sm font-medium disabled:opacity-60 ${className}`}
    >
      {sending === decision ? t('actions.deciding') : label}
    </button>
  );
  return (
    <div className="grid grid-cols-2 gap-2">
      {button('CONFIRMED', t(alsoReceives ? 'actions.confirmAndReceive' : 'actions.confirm'), 'bg-brand-700 text-white')}
      {button('DISPUTED', t('actions.dispute'), 'border border-red-700 bg-white text-red-800')}
    </div>
  );
}

export function ReceiptForm({ id }: { id: string }) {
  const t = useTranslations('activities');
  const [state, action] = useFormAction(confirmReceiptAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <Field label={t('fields.comment')} name="comment" defaultValue={state.values?.comment} errors={state.fieldErrors?.comment} />
      <SubmitButton>{t('actions.confirmReceipt')}</SubmitButton>
    </form>
  );
}

export function CancelForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('activities');
  const [state, action] = useFormAction(cancelActivityAction, IDLE);
  const [open, setOpen] = useState(state.status === 'error');
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="min-h-11 rounded-md border border-red-700 bg-white px-4 text-sm text-red-800"
      >
        {t('actions.cancel')}
      </button>
    );
  }
  return (
    <form action={action} className="flex w-full flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field
        label={t('fields.cancelReason')}
        name="reason"
        required
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
        autoFocus
      />
      <SubmitButton variant="danger">{t('actions.cancelConfirm')}</SubmitButton>
    </form>
  );
}

export function CloseRequestForm({ id }: { id: string }) {
  const t = useTranslations('activities.requests');
  const [state, action] = useFormAction(closeRequestAction, IDLE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary">{t('close')}</SubmitButton>
    </form>
  );
}
