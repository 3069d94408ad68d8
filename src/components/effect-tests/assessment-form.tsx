'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { recordAssessmentAction } from '@/lib/effect-tests/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { AssessmentLabels } from './assessment-labels';

/**
 * A1: an admin records an inspection; the assisted director attests, with evidence. Its words come
 * translated from the page (effectTests.assessment): the pairing's dashboard ships no next-intl.
 */
export function AssessmentForm({
  pairingId,
  source,
  back,
  labels,
}: {
  pairingId: string;
  source: 'INSPECTION' | 'ATTESTATION';
  back: string;
  labels: AssessmentLabels;
}) {
  const t = (key: keyof AssessmentLabels) => labels[key];
  const [state, action] = useFormAction(recordAssessmentAction, IDLE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 border-t border-stone-200 pt-3" noValidate>
      <h3 className="text-sm font-semibold">{source === 'INSPECTION' ? t('inspect') : t('attest')}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="back" value={back} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t('outcome')}
          name="outcome"
          defaultValue={v.outcome ?? 'PASS'}
          options={[
            { value: 'PASS', label: t('PASS') },
            { value: 'FAIL', label: t('FAIL') },
          ]}
          errors={e.outcome}
        />
        <Field label={t('date')} name="assessedOn" type="date" defaultValue={v.assessedOn} errors={e.assessedOn} required />
      </div>
      <TextareaField label={t('notes')} name="notes" defaultValue={v.notes} errors={e.notes} rows={2} />
      <TextareaField
        label={t('evidence')}
        name="evidence"
        defaultValue={v.evidence}
        errors={e.evidence}
        rows={2}
        required={source === 'ATTESTATION'}
      />
      <SubmitButton className="w-full sm:w-auto">{t('save')}</SubmitButton>
    </form>
  );
}
