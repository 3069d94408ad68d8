'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { decideRolloverAction } from '@/lib/cycle-review/actions';
import { ADVICE_KINDS, type AdviceKind } from '@/lib/cycle-review/rules';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { TextareaField } from '@/components/form/textarea-field';

/** The county admin's decision on a pairing at rollover: the advice is proposed, another choice needs a note. */
export function DecisionForm({
  pairingId,
  label,
  advice,
  stored,
}: {
  pairingId: string;
  /** The pairing's name, for the group's accessible name. */
  label: string;
  advice: AdviceKind;
  stored: { decision: AdviceKind | null; note: string; version: number } | null;
}) {
  const t = useTranslations('cycleReview.advice');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(decideRolloverAction, IDLE);
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const chosen = v.decision ?? stored?.decision ?? advice;
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      {stored && <input type="hidden" name="version" value={v.version ?? String(stored.version)} />}
      <fieldset aria-invalid={state.fieldErrors?.decision ? true : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">
          {t('decision')}
          <span className="sr-only">：{label}</span>
        </legend>
        <div className="flex flex-wrap gap-x-4">
          {ADVICE_KINDS.map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="decision" value={k} defaultChecked={chosen === k} className="size-5" />
              {t(`kind.${k}`)}
            </label>
          ))}
        </div>
        {state.fieldErrors?.decision?.map((m) => (
          <p key={m} className="text-sm text-red-800">
            {m}
          </p>
        ))}
      </fieldset>
      <TextareaField
        label={t('note')}
        name="note"
        rows={2}
        help={t('noteHelp')}
        defaultValue={v.note ?? stored?.note ?? ''}
        errors={state.fieldErrors?.note}
      />
      <div>
        <SubmitButton pendingLabel={tf('saving')} variant="secondary">
          {stored?.decision ? t('change') : t('decide')}
        </SubmitButton>
      </div>
    </form>
  );
}
