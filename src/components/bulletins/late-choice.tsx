'use client';
import { useTranslations } from '@/components/intl/client-translations';

/**
 * On a form refused because its date lies in a closed period: the explicit choice to send the record
 * as a late correction for the bureau to approve. Shown once the refusal offers it, or ticked already.
 */
export function LateChoice({ offered, checked, errors }: { offered: boolean; checked: boolean; errors?: string[] }) {
  // Its words live with the activity form's, the catalogue its page already ships (decision 024).
  const t = useTranslations('activities.late');
  if (!offered && !checked) return null;
  return (
    <div className="rounded-md border border-amber-600 bg-amber-50 p-3" data-testid="late-choice">
      {errors?.map((m) => (
        <p key={m} className="mb-2 text-sm text-amber-950">
          {m}
        </p>
      ))}
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="lateCorrection" value="on" defaultChecked={checked} className="size-5" />
        {t('choice')}
      </label>
      <p className="text-xs text-stone-700">{t('choiceHelp')}</p>
    </div>
  );
}
