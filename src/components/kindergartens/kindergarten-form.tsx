'use client';
import Link from '@/components/ui/link';
import { useFormAction } from '@/components/form/use-form-action';
import { ConflictNotice } from '@/components/form/conflict-notice';
import { useTranslations } from '@/components/intl/client-translations';
import { createKindergartenAction, updateKindergartenAction } from '@/lib/kindergartens/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export type KindergartenFormValues = Record<
  | 'code'
  | 'name'
  | 'countyId'
  | 'area'
  | 'level'
  | 'address'
  | 'contactName'
  | 'contactPhone'
  | 'classCount'
  | 'childCount'
  | 'teacherCount'
  | 'staffCount',
  string
>;

/**
 * One form for creating, editing (admins: every field) and updating the profile (directors:
 * counts, address and contact). The hidden version makes a stale save fail instead of overwriting.
 */
export function KindergartenForm({
  mode,
  id,
  version,
  initial,
  counties,
  cancelHref,
}: {
  mode: 'create' | 'full' | 'profile';
  id?: string;
  version?: number;
  initial: KindergartenFormValues;
  counties: { value: string; label: string }[];
  cancelHref: string;
}) {
  const t = useTranslations('kindergartens');
  const tc = useTranslations();
  const [state, action] = useFormAction(mode === 'create' ? createKindergartenAction : updateKindergartenAction, IDLE);
  const e = state.fieldErrors ?? {};
  const v = { ...initial, ...state.values } as KindergartenFormValues;
  const count = (name: 'classCount' | 'childCount' | 'teacherCount' | 'staffCount') => (
    <Field label={t(name)} name={name} defaultValue={v[name]} errors={e[name]} inputMode="numeric" pattern="[0-9]*" autoComplete="off" />
  );
  // After a conflict the answer carries the stored version: saving again keeps what was typed, knowingly.
  const savedVersion = state.values?.version ?? (version !== undefined ? String(version) : undefined);
  return (
    // Remounted with each answer: React resets a form after its action, and a <select> would
    // fall back to its first defaultValue instead of what the user had chosen.
    <form action={action} className="flex max-w-3xl flex-col gap-5" noValidate key={JSON.stringify(state.values ?? {})}>
      {id && <input type="hidden" name="id" value={id} />}
      {savedVersion !== undefined && <input type="hidden" name="version" value={savedVersion} />}
      {mode !== 'create' && <input type="hidden" name="mode" value={mode} />}
      <FormMessage state={state} />
      {state.conflict && <ConflictNotice conflict={state.conflict} />}
      {mode === 'profile' ? (
        <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">{t('profileHelp')}</p>
      ) : (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">{t('basics')}</legend>
          <Field label={t('code')} name="code" defaultValue={v.code} errors={e.code} required autoComplete="off" maxLength={32} />
          <Field label={t('name')} name="name" defaultValue={v.name} errors={e.name} required maxLength={100} />
          <SelectField
            label={t('county')}
            name="countyId"
            defaultValue={v.countyId}
            errors={e.countyId}
            options={counties}
            placeholder=""
            required
          />
          <SelectField
            label={t('area')}
            name="area"
            defaultValue={v.area}
            errors={e.area}
            placeholder=""
            required
            options={(['URBAN', 'RURAL'] as const).map((a) => ({ value: a, label: tc(`area.${a}`) }))}
          />
          <SelectField
            label={t('level')}
            name="level"
            defaultValue={v.level || 'NONE'}
            errors={e.level}
            required
            options={(['PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'NONE'] as const).map((l) => ({ value: l, label: tc(`level.${l}`) }))}
          />
        </fieldset>
      )}
      <fieldset className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <legend className="mb-2 font-semibold">{t('counts')}</legend>
        {count('classCount')}
        {count('childCount')}
        {count('teacherCount')}
        {count('staffCount')}
        <p className="col-span-2 text-xs text-stone-600 sm:col-span-4">{t('countsHelp')}</p>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('contact')}</legend>
        <Field label={t('address')} name="address" defaultValue={v.address} errors={e.address} maxLength={200} className="sm:col-span-2" />
        <Field label={t('contactName')} name="contactName" defaultValue={v.contactName} errors={e.contactName} maxLength={50} />
        <Field
          label={t('contactPhone')}
          name="contactPhone"
          defaultValue={v.contactPhone}
          errors={e.contactPhone}
          type="tel"
          maxLength={32}
        />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={tc('form.saving')}>{tc('form.save')}</SubmitButton>
        <Link href={cancelHref} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm">
          {tc('form.cancel')}
        </Link>
      </div>
    </form>
  );
}
