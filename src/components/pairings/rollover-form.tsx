'use client';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { rolloverAction, type RolloverFormState } from '@/lib/pairings/actions';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export type RolloverRow = {
  id: string;
  supporting: string;
  assisted: string;
  county: string;
  supportingId: string;
  doneWith: string | null;
  doneId: string | null;
  note: string | null;
  /** Pairings that ended early are proposed as not continued. */
  suggest: 'keep' | 'end';
};

const INITIAL: RolloverFormState = { status: 'idle' };

function Decision({
  row,
  supporters,
  error,
  value,
}: {
  row: RolloverRow;
  supporters: { id: string; label: string }[];
  error?: string[];
  value?: Record<string, string>;
}) {
  const t = useTranslations('pairings.rolloverPage');
  const [decision, setDecision] = useState(value?.[`decision:${row.id}`] ?? row.suggest);
  const name = `decision:${row.id}`;
  return (
    <fieldset className="flex flex-col gap-1" aria-invalid={error ? true : undefined}>
      <legend className="sr-only">
        {t('decision')}: {row.supporting} · {row.assisted}
      </legend>
      <div className="flex flex-wrap gap-x-4">
        {(['keep', 'change', 'end'] as const).map((d) => (
          <label key={d} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name={name} value={d} defaultChecked={decision === d} onChange={() => setDecision(d)} className="size-5" />
            {t(d === 'end' ? 'endIt' : d)}
          </label>
        ))}
      </div>
      {decision === 'change' && (
        <label className="flex flex-col gap-1 text-sm">
          {t('newPartner')}
          <select
            name={`partner:${row.id}`}
            defaultValue={value?.[`partner:${row.id}`] ?? ''}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base"
          >
            <option value="" />
            {supporters
              .filter((s) => s.id !== row.supportingId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
          </select>
        </label>
      )}
      {error?.map((m) => (
        <p key={m} className="text-sm text-red-800">
          {m}
        </p>
      ))}
    </fieldset>
  );
}

export function RolloverForm({
  sourceCycleId,
  rows,
  supporters,
}: {
  sourceCycleId: string;
  rows: RolloverRow[];
  supporters: { id: string; label: string }[];
}) {
  const t = useTranslations('pairings.rolloverPage');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(rolloverAction, INITIAL);
  const pending = rows.filter((r) => !r.doneWith);
  return (
    <form action={action} className="flex flex-col gap-3" key={state.seq ?? 0}>
      <FormMessage state={state} />
      <input type="hidden" name="sourceCycleId" value={sourceCycleId} />
      <ul className="flex flex-col gap-2">
        {rows.map((r) => (
          <li key={r.id} className={`rounded-lg border bg-white p-3 ${state.fieldErrors?.[r.id] ? 'border-red-700' : 'border-stone-200'}`}>
            <p className="font-medium">
              {r.supporting} · {r.assisted}
            </p>
            <p className="mb-1 text-sm text-stone-600">
              {r.county}
              {r.note ? ` · ${r.note}` : ''}
            </p>
            {r.doneWith ? (
              <p className="text-sm text-brand-800">
                <a href={`/pairings/${r.doneId}`} className="underline">
                  {t('done', { name: r.doneWith })}
                </a>
              </p>
            ) : (
              <Decision row={r} supporters={supporters} error={state.fieldErrors?.[r.id]} value={state.values} />
            )}
          </li>
        ))}
      </ul>
      {pending.length > 0 ? (
        <SubmitButton pendingLabel={tf('saving')} className="self-start">
          {t('apply')}
        </SubmitButton>
      ) : (
        <p className="text-sm text-stone-700">{t('nothingToDo')}</p>
      )}
    </form>
  );
}
