'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { confirmMeasurementAction, recordMeasurementAction } from '@/lib/cycle-review/actions';
import { AREA_RESULTS, AREAS, type Standard } from '@/lib/cycle-review/rules';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';

/** Records (or records again, until confirmed) the baseline or the end measurement. */
export function MeasurementForm({
  pairingId,
  kind,
  current,
  window,
  today,
}: {
  pairingId: string;
  kind: 'BASELINE' | 'END';
  current: { measuredOn: string; qualifiedTeachers: number | null; standard: Standard; version: number } | null;
  window: { from: string; to: string };
  today: string;
}) {
  const t = useTranslations('cycleReview');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(recordMeasurementAction, IDLE);
  const v = state.values ?? {};
  const options = AREA_RESULTS.map((r) => ({ value: r, label: t(`areaResult.${r}`) }));
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="kind" value={kind} />
      {current && <input type="hidden" name="version" value={v.version ?? String(current.version)} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('measurements.measuredOn')}
          name="measuredOn"
          type="date"
          required
          max={today}
          defaultValue={v.measuredOn ?? current?.measuredOn ?? (today < window.to ? today : window.to)}
          errors={state.fieldErrors?.measuredOn}
          help={t('measurements.windowHelp', window)}
        />
        <Field
          label={t('measurements.qualifiedTeachers')}
          name="qualifiedTeachers"
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          defaultValue={v.qualifiedTeachers ?? (current?.qualifiedTeachers != null ? String(current.qualifiedTeachers) : '')}
          errors={state.fieldErrors?.qualifiedTeachers}
          help={t('measurements.qualifiedHelp')}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('measurements.standard')}</legend>
        {AREAS.map((a) => (
          <div key={a} className="grid gap-2 sm:grid-cols-[12rem_1fr]">
            <SelectField
              label={t(`area.${a}`)}
              name={a}
              options={options}
              placeholder=""
              required
              defaultValue={v[a] ?? current?.standard[a]?.result ?? ''}
              errors={state.fieldErrors?.[a]}
            />
            <TextareaField
              label={`${t(`area.${a}`)} · ${t('measurements.note')}`}
              name={`${a}Note`}
              rows={2}
              defaultValue={v[`${a}Note`] ?? current?.standard[a]?.note ?? ''}
              errors={state.fieldErrors?.[`${a}Note`]}
            />
          </div>
        ))}
      </fieldset>
      <div>
        <SubmitButton pendingLabel={tf('saving')}>{current ? t('measurements.rerecord') : t('measurements.record')}</SubmitButton>
      </div>
    </form>
  );
}

/** The assisted director confirms a measurement of their kindergarten. */
export function ConfirmMeasurementButton({ id, version, pairingId }: { id: string; version: number; pairingId: string }) {
  const t = useTranslations('cycleReview');
  const [state, action] = useFormAction(confirmMeasurementAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <div>
        <SubmitButton>{t('measurements.confirm')}</SubmitButton>
      </div>
    </form>
  );
}
