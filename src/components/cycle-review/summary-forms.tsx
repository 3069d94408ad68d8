'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { publishSummaryAction, saveSummaryAction } from '@/lib/cycle-review/actions';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { TextareaField } from '@/components/form/textarea-field';

/** The bureau's own text of a cycle summary, saved with freshly generated figures. */
export function SummaryBodyForm({
  cycleId,
  scope,
  body,
  version,
}: {
  cycleId: string;
  scope: string;
  body: string;
  version: number | null;
}) {
  const t = useTranslations('cycleReview.summary');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(saveSummaryAction, IDLE);
  const v = state.values ?? {};
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="scope" value={scope} />
      {version != null && <input type="hidden" name="version" value={v.version ?? String(version)} />}
      <TextareaField
        label={t('bodyLabel')}
        name="body"
        rows={8}
        help={t('bodyHelp')}
        defaultValue={v.body ?? body}
        errors={state.fieldErrors?.body}
      />
      <div>
        <SubmitButton pendingLabel={tf('saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}

/** Publishing is for good and opens the summary to its scope: it asks for an explicit confirmation. */
export function PublishSummaryForm({ cycleId, scope, version }: { cycleId: string; scope: string; version: number }) {
  const t = useTranslations('cycleReview.summary');
  const [state, action] = useFormAction(publishSummaryAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="version" value={String(version)} />
      <p className="text-sm text-stone-700">{t('publishHelp')}</p>
      <label className="flex min-h-11 items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" value="on" className="mt-0.5 size-5 shrink-0" />
        <span>{t('confirmLabel')}</span>
      </label>
      {state.fieldErrors?.confirm?.map((m) => (
        <p key={m} className="text-sm text-red-800">
          {m}
        </p>
      ))}
      <div>
        <SubmitButton>{t('publish')}</SubmitButton>
      </div>
    </form>
  );
}
