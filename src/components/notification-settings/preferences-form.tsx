'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { useFormAction } from '@/components/form/use-form-action';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { IDLE } from '@/lib/action-state';
import { setOwnPreferencesAction } from '@/lib/notification-settings/actions';
import type { PreferenceRow } from '@/lib/notification-settings/queries';
import type { MessageKey } from '@/i18n/translator';

type Group = { key: 'events' | 'reminders'; rows: PreferenceRow[] };
const CHANNELS = [
  { field: 'inApp', label: 'inApp' },
  { field: 'email', label: 'email' },
] as const;

/** One checkbox per kind and channel; a mandatory kind shows ticked and locked, the person's own choice kept underneath. */
export function PreferencesForm({ groups }: { groups: Group[] }) {
  const t = useTranslations('notifications.preferences');
  const tAll = useTranslations();
  const [state, action] = useFormAction(setOwnPreferencesAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      {groups.map((g) => (
        <fieldset key={g.key} className="overflow-x-auto">
          <legend className="mb-2 font-semibold">{t(`groups.${g.key}`)}</legend>
          <table className="w-full min-w-[18rem] text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-2 pr-2 font-medium">
                  {t('kind')}
                </th>
                {CHANNELS.map((c) => (
                  <th key={c.field} scope="col" className="w-20 px-2 py-2 text-center font-medium sm:w-24">
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => {
                const label = tAll(`notifications.labels.${r.kind}` as MessageKey);
                return (
                  <tr key={r.kind} className="border-b border-stone-200 last:border-0">
                    <th scope="row" className="py-2 pr-2 text-left font-normal">
                      {label}
                      {r.mandatory && <span className="ml-1 text-xs text-stone-600">{t('mandatory')}</span>}
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c.field} className="px-2 py-1 text-center">
                        <input
                          type="checkbox"
                          name={r.mandatory ? undefined : c.field}
                          value={r.kind}
                          defaultChecked={r.mandatory || r[c.field]}
                          disabled={r.mandatory}
                          aria-label={`${label}: ${t(c.label)}`}
                          className="size-6"
                        />
                        {r.mandatory && r[c.field] && <input type="hidden" name={c.field} value={r.kind} />}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
      <SubmitButton className="self-start">{t('save')}</SubmitButton>
    </form>
  );
}
