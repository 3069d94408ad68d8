'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE, type ActionState } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import {
  advanceRoundAction,
  createRoundAction,
  decideNominationAction,
  nominateAction,
  withdrawNominationAction,
} from '@/lib/commendations/actions';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One button carrying its record's ids: open, publish, nominate from the list, withdraw, approve, reject. */
function ButtonForm({
  action,
  fields,
  label,
  variant = 'secondary',
  confirm,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  confirm?: string;
}) {
  const [state, formAction] = useFormAction(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="flex flex-col gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}

export function AdvanceRoundButton({ id, version, step }: { id: string; version: number; step: 'open' | 'publish' }) {
  const t = useTranslations('commendations');
  return (
    <ButtonForm
      action={advanceRoundAction}
      fields={{ id, version: String(version) }}
      label={t(step)}
      variant="primary"
      confirm={step === 'publish' ? t('publishConfirm') : undefined}
    />
  );
}

export function NominateButton({ roundId, categoryId, nomineeId }: { roundId: string; categoryId: string; nomineeId: string }) {
  const t = useTranslations('commendations');
  return <ButtonForm action={nominateAction} fields={{ roundId, categoryId, nomineeId }} label={t('nominate')} variant="primary" />;
}

export function WithdrawButton({ roundId, id }: { roundId: string; id: string }) {
  const t = useTranslations('commendations');
  return <ButtonForm action={withdrawNominationAction} fields={{ roundId, id }} label={t('withdraw')} variant="danger" />;
}

export function DecideButtons({ roundId, id }: { roundId: string; id: string }) {
  const t = useTranslations('commendations');
  return (
    <div className="flex gap-2">
      <ButtonForm action={decideNominationAction} fields={{ roundId, id, decision: 'APPROVED' }} label={t('approve')} variant="primary" />
      <ButtonForm action={decideNominationAction} fields={{ roundId, id, decision: 'REJECTED' }} label={t('reject')} variant="danger" />
    </div>
  );
}

/** A nomination from outside the shortlist: whom, and why. */
export function OtherNominationForm({
  roundId,
  categoryId,
  options,
}: {
  roundId: string;
  categoryId: string;
  options: { value: string; label: string }[];
}) {
  const t = useTranslations('commendations');
  const [state, action] = useFormAction(nominateAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="categoryId" value={categoryId} />
      <FormMessage state={state} />
      <SelectField
        label={t('nominee')}
        name="nomineeId"
        options={options}
        placeholder={t('choose')}
        defaultValue={state.values?.nomineeId ?? ''}
        errors={state.fieldErrors?.nomineeId}
        required
      />
      <TextareaField
        label={t('reason')}
        name="reason"
        help={t('otherHelp')}
        defaultValue={state.values?.reason ?? ''}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton>{t('nominate')}</SubmitButton>
    </form>
  );
}

export function RoundForm({ cycles }: { cycles: { value: string; label: string }[] }) {
  const t = useTranslations('commendations');
  const [state, action] = useFormAction(createRoundAction, IDLE);
  const v = state.values ?? {};
  const quota = (kind: 'PAIRING' | 'KINDERGARTEN' | 'TEACHER' | 'DIRECTOR', fallback: string) => (
    <Field
      label={t(`kind.${kind}`)}
      name={`quota${kind}`}
      type="number"
      inputMode="numeric"
      min={0}
      max={50}
      defaultValue={v[`quota${kind}`] ?? fallback}
      errors={state.fieldErrors?.[`quota${kind}`]}
    />
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <SelectField
        label={t('cycle')}
        name="cycleId"
        options={cycles}
        defaultValue={v.cycleId ?? cycles[0]?.value}
        errors={state.fieldErrors?.cycleId}
        required
      />
      <Field label={t('roundTitle')} name="title" defaultValue={v.title ?? ''} errors={state.fieldErrors?.title} required />
      <TextareaField label={t('body')} name="body" defaultValue={v.body ?? ''} errors={state.fieldErrors?.body} />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('quotas')}</legend>
        {quota('PAIRING', '2')}
        {quota('KINDERGARTEN', '1')}
        {quota('TEACHER', '3')}
        {quota('DIRECTOR', '1')}
      </fieldset>
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
