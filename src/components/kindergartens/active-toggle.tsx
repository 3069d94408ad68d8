'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { setKindergartenActiveAction } from '@/lib/kindergartens/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function ActiveToggle({ id, active }: { id: string; active: boolean }) {
  const t = useTranslations('kindergartens');
  const [state, action] = useFormAction(setKindergartenActiveAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <p className="text-sm text-stone-600">{t('deactivateHelp')}</p>
      <div>
        <SubmitButton variant={active ? 'danger' : 'secondary'}>{active ? t('deactivate') : t('activate')}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
