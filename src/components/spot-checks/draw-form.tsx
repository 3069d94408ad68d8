'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { drawSpotCheckAction } from '@/lib/spot-checks/actions';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/**
 * A new spot check: scope (the city admin chooses a county or the whole city; a county admin's is
 * their county), the activity dates, how many records, and the seed (empty: the server picks one).
 */
export function DrawForm({
  counties,
  fixedCountyId,
  defaults,
}: {
  counties: { id: string; name: string }[];
  /** A county admin draws in their own county only. */
  fixedCountyId: string | null;
  defaults: { periodFrom: string; periodTo: string; sampleSize: number };
}) {
  const t = useTranslations('spotChecks.draw');
  const [state, action] = useFormAction(drawSpotCheckAction, IDLE);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-3" noValidate data-testid="draw-form">
      <FormMessage state={state} />
      {fixedCountyId ? (
        <input type="hidden" name="countyId" value={fixedCountyId} />
      ) : (
        <SelectField
          label={t('scope')}
          name="countyId"
          defaultValue={v?.countyId ?? ''}
          options={[{ value: '', label: t('wholeCity') }, ...counties.map((c) => ({ value: c.id, label: c.name }))]}
          errors={e.countyId}
          className="max-w-xs"
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('periodFrom')}
          name="periodFrom"
          type="date"
          required
          defaultValue={v?.periodFrom ?? defaults.periodFrom}
          errors={e.periodFrom}
        />
        <Field
          label={t('periodTo')}
          name="periodTo"
          type="date"
          required
          defaultValue={v?.periodTo ?? defaults.periodTo}
          errors={e.periodTo}
        />
      </div>
      <Field
        label={t('sampleSize')}
        name="sampleSize"
        type="number"
        inputMode="numeric"
        min={1}
        max={200}
        required
        className="max-w-xs"
        defaultValue={v?.sampleSize ?? String(defaults.sampleSize)}
        errors={e.sampleSize}
      />
      <Field label={t('seed')} name="seed" maxLength={64} defaultValue={v?.seed ?? ''} errors={e.seed} help={t('seedHelp')} />
      <SubmitButton pendingLabel={t('pending')} className="self-start">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
