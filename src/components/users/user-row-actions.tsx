'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { resetPasswordAction, setUserActiveAction } from '@/lib/users/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function UserRowActions({
  userId,
  name,
  active,
  canReset,
  canSetActive,
}: {
  userId: string;
  name: string;
  active: boolean;
  canReset: boolean;
  canSetActive: boolean;
}) {
  const t = useTranslations('users');
  const [resetState, reset] = useFormAction(resetPasswordAction, IDLE);
  const [activeState, toggle] = useFormAction(setUserActiveAction, IDLE);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {canReset && (
          <form action={reset}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton variant="secondary" className="min-h-9! py-1">
              <span>{t('resetPassword')}</span>
              <span className="sr-only"> {name}</span>
            </SubmitButton>
          </form>
        )}
        {canSetActive && (
          <form action={toggle}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? 'false' : 'true'} />
            <SubmitButton variant={active ? 'danger' : 'secondary'} className="min-h-9! py-1">
              <span>{active ? t('deactivate') : t('activate')}</span>
              <span className="sr-only"> {name}</span>
            </SubmitButton>
          </form>
        )}
      </div>
      <FormMessage state={resetState} />
      <FormMessage state={activeState} />
    </div>
  );
}
