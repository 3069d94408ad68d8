'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { answerRectificationAction, openRectificationAction, reviewRectificationAction } from '@/lib/rectifications/actions';
import { Field } from '@/components/form/field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** The bureau requires a rectification of a finding: which kindergarten, what must change, by when. */
export function OpenRectificationForm({
  source,
  kindergartens,
  defaultKindergartenId,
  today,
  suggestedDeadline,
}: {
  source: { inspectionItemId: string } | { spotCheckItemId: string };
  kindergartens: { id: string; name: string }[];
  /** Preselected kindergarten (the only one, or the side that recorded a questioned activity). */
  defaultKindergartenId: string | null;
  today: string;
  suggestedDeadline: string;
}) {
  const t = useTranslations('rectifications');
  const [state, action] = useFormAction(openRectificationAction, IDLE);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4" noValidate data-testid="open-rectification">
      <FormMessage state={state} />
      {'inspectionItemId' in source ? (
        <input type="hidden" name="inspectionItemId" value={source.inspectionItemId} />
      ) : (
        <input type="hidden" name="spotCheckItemId" value={source.spotCheckItemId} />
      )}
      <fieldset className="flex flex-col gap-1" aria-describedby={e.kindergartenId?.length ? 'kg-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('chooseKindergarten')}</legend>
        {kindergartens.map((k) => (
          <label key={k.id} className="flex min-h-11 items-center gap-2 rounded-md border border-stone-300 px-3">
            <input
              type="radio"
              name="kindergartenId"
              value={k.id}
              defaultChecked={(v?.kindergartenId ?? defaultKindergartenId) === k.id}
              className="size-5"
            />
            {k.name}
          </label>
        ))}
        {e.kindergartenId?.map((m) => (
          <p key={m} id="kg-error" className="text-sm text-red-800">
            {m}
          </p>
        ))}
      </fieldset>
      <TextareaField
        label={t('field.requirement')}
        name="requirement"
        rows={5}
        help={t('requirementHelp')}
        defaultValue={v?.requirement ?? ''}
        errors={e.requirement}
      />
      <Field
        label={t('field.deadline')}
        name="deadline"
        type="date"
        min={today}
        help={t('deadlineHelp', { today })}
        defaultValue={v?.deadline ?? suggestedDeadline}
        errors={e.deadline}
      />
      <SubmitButton className="self-start">{t('openSubmit')}</SubmitButton>
    </form>
  );
}

/** The kindergarten's director sends the measures taken (the evidence is uploaded above it). */
export function AnswerRectificationForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('rectifications');
  const [state, action] = useFormAction(answerRectificationAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate data-testid="answer-rectification">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <TextareaField
        label={t('measures')}
        name="measures"
        rows={6}
        help={t('answerHelp')}
        defaultValue={state.values?.measures ?? ''}
        errors={state.fieldErrors?.measures}
      />
      <SubmitButton className="self-start">{t('answerSubmit')}</SubmitButton>
    </form>
  );
}

/** The office's decision: accept (closed), or return saying what still has to change. */
export function ReviewRectificationForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('rectifications');
  const [state, action] = useFormAction(reviewRectificationAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate data-testid="review-rectification">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <p className="text-sm text-stone-700">{t('reviewHelp')}</p>
      <TextareaField
        label={t('reviewComment')}
        name="comment"
        rows={3}
        defaultValue={state.values?.comment ?? ''}
        errors={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="accept"
          className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
        >
          {t('accept')}
        </button>
        <button
          type="submit"
          name="decision"
          value="return"
          className="min-h-11 rounded-md border border-red-700 bg-white px-4 text-sm font-medium text-red-800"
        >
          {t('return')}
        </button>
      </div>
    </form>
  );
}
