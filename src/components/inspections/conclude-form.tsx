'use client';
import { useState } from 'react';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { useFormAction } from '@/components/form/use-form-action';
import { saveInspectionAction } from '@/lib/inspections/actions';
import { INSPECTION_GRADES } from '@/lib/inspections/rules';
import { Field } from '@/components/form/field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { DraftNotice } from '@/components/form/draft-notice';
import { formSnapshot, useLocalDraft } from '@/components/form/use-local-draft';
import { concludeDraftKey } from './draft-keys';

type Grade = (typeof INSPECTION_GRADES)[number];

/**
 * The inspection's details, overall grade and summary; "record" hands it in for good (read-only after),
 * so it asks once more. The summary is kept on the device until saved, like the items.
 */
export function ConcludeForm({
  inspection,
  today,
  unjudged,
  suggestedGrade,
}: {
  inspection: {
    id: string;
    version: number;
    inspectedOn: string;
    announced: boolean;
    inspectors: string;
    grade: Grade | null;
    summary: string;
  };
  today: string;
  unjudged: number;
  suggestedGrade: Grade | null;
}) {
  const t = useTranslations('inspections');
  const tf = useTranslations('form');
  const draft = useLocalDraft(concludeDraftKey(inspection.id));
  const [state, action] = useFormAction(saveInspectionAction, IDLE);
  const [confirming, setConfirming] = useState(false);
  const v = (state.status === 'error' && state.values) || draft.restored?.values;
  const e = state.fieldErrors ?? {};
  const grade = v?.grade ?? inspection.grade ?? '';
  return (
    <>
      {draft.restored && (
        <div className="mb-2">
          <DraftNotice savedAt={draft.restored.savedAt} onDiscard={draft.discard} />
        </div>
      )}
      <form
        key={draft.restored?.savedAt ?? 'stored'}
        action={action}
        className="flex flex-col gap-4"
        noValidate
        onChange={(ev) => draft.save(formSnapshot(ev.currentTarget))}
        data-testid="conclude-form"
      >
        <FormMessage state={state} />
        <input type="hidden" name="id" value={inspection.id} />
        <input type="hidden" name="version" value={String(Math.max(inspection.version, Number(state.values?.version ?? 0)))} />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-stone-800">{t('fields.grade')}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {INSPECTION_GRADES.map((g) => (
              <label
                key={g}
                className="flex min-h-12 cursor-pointer items-center justify-center rounded-md border-2 border-stone-300 bg-white px-2 text-base font-medium has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <input type="radio" name="grade" value={g} defaultChecked={grade === g} className="sr-only" />
                {t(`grade.${g}`)}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-stone-600" data-testid="suggested-grade">
            {suggestedGrade ? t('conclude.suggested', { grade: t(`grade.${suggestedGrade}`) }) : t('conclude.noSuggestion')}
          </p>
          {e.grade?.map((m) => (
            <p key={m} className="text-sm text-red-800">
              {m}
            </p>
          ))}
        </fieldset>
        <TextareaField
          label={t('fields.summary')}
          name="summary"
          rows={4}
          defaultValue={v?.summary ?? inspection.summary}
          errors={e.summary}
        />
        <Field
          label={t('fields.inspectedOn')}
          name="inspectedOn"
          type="date"
          max={today}
          defaultValue={v?.inspectedOn ?? inspection.inspectedOn}
          errors={e.inspectedOn}
        />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-stone-800">{t('fields.announced')}</legend>
          <div className="grid grid-cols-2 gap-2">
            {(['no', 'yes'] as const).map((a) => (
              <label
                key={a}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-400 bg-white px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="announced"
                  value={a}
                  defaultChecked={(v?.announced ?? (inspection.announced ? 'yes' : 'no')) === a}
                />
                {t(`announced.${a}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={t('fields.inspectors')}
          name="inspectors"
          defaultValue={v?.inspectors ?? inspection.inspectors}
          errors={e.inspectors}
        />
        {unjudged > 0 && (
          <p className="rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="unjudged-note">
            {t('conclude.unjudged', { count: unjudged })}
          </p>
        )}
        {confirming ? (
          <div role="alertdialog" aria-labelledby="record-confirm" className="rounded-md border border-amber-400 bg-amber-50 p-3">
            <p id="record-confirm" className="mb-3 text-sm font-medium text-stone-900">
              {t('conclude.confirm')}
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="submit"
                name="intent"
                value="record"
                className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
              >
                {t('conclude.confirmYes')}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="min-h-11 rounded-md border border-stone-400 bg-white px-4 text-sm"
              >
                {t('conclude.confirmNo')}
              </button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="secondary" pendingLabel={tf('saving')}>
              {t('conclude.save')}
            </SubmitButton>
            <button
              type="button"
              onClick={() => setConfirming(true)}
              className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {t('conclude.record')}
            </button>
          </div>
        )}
      </form>
    </>
  );
}
