'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { checkSpotCheckItemAction } from '@/lib/spot-checks/actions';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';

/** 属实 or 存疑 for one sampled record, with a note (required when questioning). */
export function CheckForm({
  id,
  version,
  note,
  verifyAllowed = true,
}: {
  id: string;
  version: number;
  note: string;
  /** Once a questioned record opened a rectification it stays questioned (its note may still be added to). */
  verifyAllowed?: boolean;
}) {
  const t = useTranslations('spotChecks.check');
  const [state, action, pending] = useFormAction(checkSpotCheckItemAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate data-testid={`check-${id}`}>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.values?.version ?? String(version)} />
      <TextareaField
        label={t('note')}
        name="note"
        rows={2}
        defaultValue={state.values?.note ?? note}
        errors={state.fieldErrors?.note}
        help={t('noteHelp')}
      />
      <div className="flex flex-wrap gap-2">
        {verifyAllowed && (
          <button
            type="submit"
            name="verdict"
            value="VERIFIED"
            disabled={pending}
            className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white disabled:opacity-60"
          >
            {t('verify')}
          </button>
        )}
        <button
          type="submit"
          name="verdict"
          value="QUESTIONED"
          disabled={pending}
          className="min-h-11 rounded-md border border-amber-700 bg-white px-4 text-sm font-medium text-amber-900 disabled:opacity-60"
        >
          {t('question')}
        </button>
      </div>
    </form>
  );
}
