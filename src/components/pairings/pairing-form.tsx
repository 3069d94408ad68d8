'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { createPairingAction, updatePairingAction } from '@/lib/pairings/actions';
import { IDLE } from '@/lib/action-state';
import { GOAL_FIELDS } from '@/lib/pairings/goal-fields';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { ConflictNotice } from '@/components/form/conflict-notice';

export type Person = { id: string; label: string; group: string };

type Props = {
  mode: 'create' | 'edit';
  hidden: Record<string, string>;
  defaults: Record<string, string>;
  people: Person[];
  dateBounds: { min: string; max: string };
};

/** Dates, goals and leading group of a pairing; on a refused save it shows the person's own values again. */
export function PairingForm({ mode, hidden, defaults, people, dateBounds }: Props) {
  const t = useTranslations('pairings');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(mode === 'create' ? createPairingAction : updatePairingAction, IDLE);
  const v = { ...defaults, ...state.values };
  const e = state.fieldErrors ?? {};
  const members = new Set((v.memberIds ?? '').split(',').filter(Boolean));
  const groups = [...new Set(people.map((p) => p.group))];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={JSON.stringify(state.values ?? {})}>
      {state.conflict && <ConflictNotice conflict={state.conflict} />}
      <FormMessage state={state} />
      {Object.keys(hidden).some((f) => e[f]?.length) && (
        <ul role="alert" className="list-disc rounded-md border border-red-700 bg-red-50 py-2 pr-3 pl-7 text-sm text-red-900">
          {Object.keys(hidden)
            .flatMap((f) => e[f] ?? [])
            .map((m) => (
              <li key={m}>{m}</li>
            ))}
        </ul>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {mode === 'edit' && <input type="hidden" name="version" value={v.version} />}
      <Field
        label={t('startsOn')}
        name="startsOn"
        type="date"
        required
        defaultValue={v.startsOn}
        min={dateBounds.min}
        max={dateBounds.max}
        errors={e.startsOn}
        className="max-w-xs"
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">{t('goals')}</legend>
        {GOAL_FIELDS.map((f) => (
          <TextareaField
            key={f}
            label={t(`goal.${f}`)}
            name={f}
            defaultValue={v[f]}
            errors={e[f]}
            maxLength={2000}
            help={f === 'goalConditions' ? t('goalHelp') : undefined}
          />
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">{t('group')}</legend>
        <SelectField
          label={t('leader')}
          name="leaderId"
          required
          defaultValue={v.leaderId ?? ''}
          errors={e.leaderId}
          placeholder={t('chooseLeader')}
          options={people.map((p) => ({ value: p.id, label: `${p.label} · ${p.group}` }))}
        />
        <div>
          <p className="text-sm font-medium text-stone-800">{t('members')}</p>
          <p className="mb-1 text-xs text-stone-600">{t('membersHelp')}</p>
          {groups.map((g) => (
            <fieldset key={g} className="mb-2">
              <legend className="text-sm text-stone-600">{g}</legend>
              <div className="grid grid-cols-1 sm:grid-cols-2">
                {people
                  .filter((p) => p.group === g)
                  .map((p) => (
                    <label key={p.id} className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="checkbox" name="memberIds" value={p.id} defaultChecked={members.has(p.id)} className="size-5" />
                      {p.label}
                    </label>
                  ))}
              </div>
            </fieldset>
          ))}
          {e.memberIds?.map((m) => (
            <p key={m} className="text-sm text-red-800">
              {m}
            </p>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel={tf('saving')} className="self-start">
        {mode === 'create' ? t('create') : t('save')}
      </SubmitButton>
    </form>
  );
}
