'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE, type ActionState } from '@/lib/action-state';
import { useFormAction } from '@/components/form/use-form-action';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/**
 * The activity list as one form when some rows wait for this director's confirmation: ticked rows
 * (checkboxes named `items`, value `id:version`) are confirmed in one go; the answer says how many,
 * and names those that changed meanwhile. The rows themselves stay server-rendered children.
 */
export function ConfirmSelectedForm({
  action,
  children,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  children: React.ReactNode;
}) {
  const [state, formAction] = useFormAction(action, IDLE);
  const t = useTranslations('activities.bulk');
  return (
    <form action={formAction} aria-describedby="confirm-selected-help" data-testid="confirm-selected">
      <div className="mb-2">
        <FormMessage state={state} />
      </div>
      <p id="confirm-selected-help" className="mb-2 text-sm text-stone-700">
        {t('help')}
      </p>
      {children}
      {/* Not sticky: a bar pinned over the list hid the row checkbox under it (WCAG 2.4.11, 2.5.8). */}
      <div className="mt-3">
        <SubmitButton pendingLabel={t('confirming')} className="w-full sm:w-auto">
          {t('confirm')}
        </SubmitButton>
      </div>
    </form>
  );
}
