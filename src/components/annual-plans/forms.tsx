'use client';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import {
  commentAnnualPlanAction,
  reviewAnnualPlanAction,
  saveAnnualPlanAction,
  setAnnualPlanDueDatesAction,
} from '@/lib/annual-plans/actions';
import { Field } from '@/components/form/field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

type Part = { name: string; label: string; value: string; locked: boolean };

// A locked part still shows its text, but plainly not as an input one may type in.
const LOCKED = '[&_textarea]:cursor-not-allowed [&_textarea]:border-dashed [&_textarea]:bg-stone-100 [&_textarea]:text-stone-600';

/**
 * The supporting director's plan and summary. Submitting hands the part to the bureau and locks it,
 * so it is a second step: the first press asks, the second submits.
 */
export function AnnualPlanForm({
  pairingId,
  academicYear,
  version,
  parts,
  submitKind,
  lockedNote,
}: {
  pairingId: string;
  academicYear: number;
  version: number | null;
  parts: Part[];
  /** What may be submitted now: the plan, the summary, or nothing. */
  submitKind: 'plan' | 'summary' | null;
  lockedNote: string | null;
}) {
  const t = useTranslations('teaching.annualPlans');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(saveAnnualPlanAction, IDLE);
  const [confirming, setConfirming] = useState(false);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="academicYear" value={String(academicYear)} />
      {version != null && <input type="hidden" name="version" value={String(state.values?.version ?? version)} />}
      {lockedNote && (
        <p className="rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="locked-note">
          <span aria-hidden>🔒 </span>
          {lockedNote}
        </p>
      )}
      {parts.map((p) => (
        <TextareaField
          key={p.name}
          label={p.locked ? `${p.label} · ${t('lockedShort')}` : p.label}
          name={p.name}
          rows={p.name === 'summary' ? 8 : 4}
          defaultValue={p.locked ? p.value : (v?.[p.name] ?? p.value)}
          readOnly={p.locked}
          aria-readonly={p.locked || undefined}
          className={p.locked ? LOCKED : ''}
          errors={e[p.name]}
        />
      ))}
      {confirming && submitKind ? (
        <div role="alertdialog" aria-labelledby="confirm-title" className="rounded-md border border-amber-400 bg-amber-50 p-3">
          <p id="confirm-title" className="font-semibold">
            {t('confirmTitle')}
          </p>
          <p className="mb-3 text-sm text-stone-800">{submitKind === 'plan' ? t('confirmPlan') : t('confirmSummary')}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              name="submit"
              value={submitKind}
              className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {t('confirmYes')}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-4 text-sm"
            >
              {t('confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <SubmitButton variant="secondary" pendingLabel={tf('saving')}>
            {t('saveDraft')}
          </SubmitButton>
          {submitKind && (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
            >
              {submitKind === 'plan' ? t('submitPlan') : t('submitSummary')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** The bureau's answer: file it, or return it saying what to change. */
export function ReviewForm({
  planId,
  version,
  kind,
  pairingId,
  academicYear,
}: {
  planId: string;
  version: number;
  kind: 'PLAN' | 'SUMMARY';
  pairingId: string;
  academicYear: number;
}) {
  const t = useTranslations('teaching.annualPlans');
  const [state, action] = useFormAction(reviewAnnualPlanAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate data-testid={`review-${kind}`}>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={String(version)} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="academicYear" value={String(academicYear)} />
      <p className="text-sm text-stone-700">{t('reviewHelp')}</p>
      <TextareaField
        label={t('reviewComment')}
        name="comment"
        rows={3}
        defaultValue={state.values?.comment ?? ''}
        errors={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="file" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('file')}
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

export function CommentForm({
  planId,
  kind,
  pairingId,
  academicYear,
}: {
  planId: string;
  kind: 'PLAN' | 'SUMMARY';
  pairingId: string;
  academicYear: number;
}) {
  const t = useTranslations('teaching.annualPlans');
  const [state, action] = useFormAction(commentAnnualPlanAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="academicYear" value={String(academicYear)} />
      <TextareaField label={t('comment')} name="body" rows={2} defaultValue={state.values?.body ?? ''} errors={state.fieldErrors?.body} />
      <SubmitButton variant="secondary" className="self-start">
        {t('commentSend')}
      </SubmitButton>
    </form>
  );
}

/** One academic year's due dates on the city's settings page. */
export function DueDatesForm({
  academicYear,
  planDueOn,
  summaryDueOn,
  version,
  yearLabel,
}: {
  academicYear: number;
  planDueOn: string;
  summaryDueOn: string;
  version: number | null;
  yearLabel: string;
}) {
  const t = useTranslations('teaching.annualPlans');
  const [state, action] = useFormAction(setAnnualPlanDueDatesAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate data-testid={`due-${academicYear}`}>
      <FormMessage state={state} />
      <input type="hidden" name="academicYear" value={String(academicYear)} />
      {version != null && <input type="hidden" name="version" value={String(version)} />}
      <p className="min-w-32 self-center font-medium">{yearLabel}</p>
      <Field
        label={t('planDueOn')}
        name="planDueOn"
        type="date"
        defaultValue={state.values?.planDueOn ?? planDueOn}
        errors={state.fieldErrors?.planDueOn}
      />
      <Field
        label={t('summaryDueOn')}
        name="summaryDueOn"
        type="date"
        defaultValue={state.values?.summaryDueOn ?? summaryDueOn}
        errors={state.fieldErrors?.summaryDueOn}
      />
      <SubmitButton variant="secondary">{t('saveDue')}</SubmitButton>
    </form>
  );
}
