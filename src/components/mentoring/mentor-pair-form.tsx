'use client';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { createMentorPairAction } from '@/lib/mentoring/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

type Person = { id: string; name: string };

/** The teacher lists follow the chosen pairing: masters from the supporting side, apprentices from the assisted side. */
export function MentorPairForm({
  pairings,
  today,
}: {
  pairings: { id: string; label: string; mentors: Person[]; apprentices: Person[] }[];
  today: string;
}) {
  const t = useTranslations('teaching');
  const [state, action] = useFormAction(createMentorPairAction, IDLE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [pairingId, setPairingId] = useState(v.pairingId ?? pairings[0]?.id ?? '');
  const p = pairings.find((x) => x.id === pairingId);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <SelectField
        label={t('mentoring.pairing')}
        name="pairingId"
        value={pairingId}
        onChange={(ev) => setPairingId(ev.target.value)}
        options={pairings.map((x) => ({ value: x.id, label: x.label }))}
        errors={e.pairingId}
      />
      <SelectField
        key={`m${pairingId}`}
        label={t('mentoring.mentor')}
        name="mentorId"
        placeholder="—"
        defaultValue={v.mentorId}
        options={(p?.mentors ?? []).map((x) => ({ value: x.id, label: x.name }))}
        errors={e.mentorId}
        required
      />
      <SelectField
        key={`a${pairingId}`}
        label={t('mentoring.apprentice')}
        name="apprenticeId"
        placeholder="—"
        defaultValue={v.apprenticeId}
        options={(p?.apprentices ?? []).map((x) => ({ value: x.id, label: x.name }))}
        errors={e.apprenticeId}
        required
      />
      <TextareaField label={t('mentoring.goals')} name="goals" defaultValue={v.goals} errors={e.goals} rows={3} />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('mentoring.startsOn')}
          name="startsOn"
          type="date"
          defaultValue={v.startsOn ?? today}
          errors={e.startsOn}
          required
        />
        <Field label={t('mentoring.endsOn')} name="endsOn" type="date" defaultValue={v.endsOn} errors={e.endsOn} />
      </div>
      <SubmitButton className="w-full sm:w-auto">{t('save')}</SubmitButton>
    </form>
  );
}
