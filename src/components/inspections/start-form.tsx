'use client';
import { useState } from 'react';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { useFormAction } from '@/components/form/use-form-action';
import { startInspectionAction } from '@/lib/inspections/actions';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

type Option = { value: string; label: string };

/** Starting an inspection: what is inspected, when, announced or not, by whom. The checklist comes from the city's template. */
export function StartInspectionForm({
  pairings,
  kindergartens,
  today,
  pairingId,
}: {
  pairings: Option[];
  kindergartens: Option[];
  today: string;
  pairingId: string;
}) {
  const t = useTranslations('inspections');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(startInspectionAction, IDLE);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const [subject, setSubject] = useState(v?.subject ?? 'pairing');
  const choice =
    'flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-400 bg-white px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50';
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('start.subject')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['pairing', 'kindergarten'] as const).map((s) => (
            <label key={s} className={choice}>
              <input type="radio" name="subject" value={s} checked={subject === s} onChange={() => setSubject(s)} />
              {t(`start.subjectName.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {subject === 'pairing' ? (
        <SelectField
          key="pairing"
          label={t('start.pairing')}
          name="pairingId"
          options={pairings}
          placeholder={t('start.choose')}
          defaultValue={v?.pairingId ?? pairingId}
          errors={e.pairingId}
          help={pairings.length === 0 ? t('start.noPairings') : t('start.pairingHelp')}
        />
      ) : (
        <SelectField
          key="kindergarten"
          label={t('start.kindergarten')}
          name="kindergartenId"
          options={kindergartens}
          placeholder={t('start.choose')}
          defaultValue={v?.kindergartenId ?? ''}
          errors={e.kindergartenId}
        />
      )}
      <Field
        label={t('fields.inspectedOn')}
        name="inspectedOn"
        type="date"
        max={today}
        defaultValue={v?.inspectedOn ?? today}
        errors={e.inspectedOn}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('fields.announced')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['no', 'yes'] as const).map((a) => (
            <label key={a} className={choice}>
              <input type="radio" name="announced" value={a} defaultChecked={(v?.announced ?? 'no') === a} />
              {t(`announced.${a}`)}
            </label>
          ))}
        </div>
        {e.announced?.map((m) => (
          <p key={m} className="text-sm text-red-800">
            {m}
          </p>
        ))}
      </fieldset>
      <Field
        label={t('fields.inspectors')}
        name="inspectors"
        defaultValue={v?.inspectors ?? ''}
        errors={e.inspectors}
        help={t('fields.inspectorsHelp')}
        autoComplete="off"
      />
      <div>
        <SubmitButton pendingLabel={tf('saving')} className="w-full sm:w-auto">
          {t('start.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
