'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { setConfirmedOnlyAction } from '@/lib/effect-tests/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';

export function ConfirmedOnlyForm({ confirmedOnly }: { confirmedOnly: boolean }) {
  const t = useTranslations('effectTests.settings');
  const [state, action] = useFormAction(setConfirmedOnlyAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-2 font-medium">
        <input type="checkbox" name="confirmedOnly" defaultChecked={confirmedOnly} className="size-5" />
        {t('confirmedOnly')}
      </label>
      <p className="text-sm text-stone-600">{t('confirmedOnlyHint')}</p>
      <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
        {t('save')}
      </button>
    </form>
  );
}
