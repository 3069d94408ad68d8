'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE } from '@/lib/action-state';
import { reviewLateCorrectionAction } from '@/lib/periods/actions';
import { FormMessage } from '@/components/form/form-message';

/** A bureau admin's answer to a late correction: approve (counted live, marked late) or reject. */
export function LateReviewForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('bulletins.late');
  const [state, action, pending] = useFormAction(reviewLateCorrectionAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white disabled:opacity-60"
        >
          {t('approve')}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="min-h-11 rounded-md border border-red-700 bg-white px-4 text-sm font-medium text-red-800 disabled:opacity-60"
        >
          {t('reject')}
        </button>
      </div>
    </form>
  );
}
