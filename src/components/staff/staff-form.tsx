'use client';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import type { Role } from '@/generated/prisma/enums';
import { createStaffAction } from '@/lib/staff/actions';
import { IDLE } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

export function StaffForm({
  roles,
  kindergartens,
  counties,
}: {
  roles: Role[];
  /** Empty for directors: their teachers join their own kindergarten. */
  kindergartens: { value: string; label: string }[];
  counties: { value: string; label: string }[];
}) {
  const t = useTranslations('staff');
  const tc = useTranslations();
  const [state, action] = useFormAction(createStaffAction, IDLE);
  const v = state.values ?? {};
  const [role, setRole] = useState<string>(v.role ?? roles[roles.length > 1 ? roles.length - 2 : 0]);
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      className="flex max-w-xl flex-col gap-4"
      noValidate
      key={state.status === 'ok' ? state.message : JSON.stringify(v)}
    >
      <FormMessage state={state} />
      <SelectField
        label={t('role')}
        name="role"
        value={role}
        onChange={(ev) => setRole(ev.target.value)}
        errors={e.role}
        options={roles.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
      />
      {role === 'COUNTY_ADMIN' ? (
        <SelectField
          label={t('county')}
          name="regionId"
          defaultValue={v.regionId ?? ''}
          errors={e.regionId}
          options={counties}
          placeholder=""
          help={t('countyHelp')}
        />
      ) : kindergartens.length > 0 ? (
        <SelectField
          label={t('kindergarten')}
          name="kindergartenId"
          defaultValue={v.kindergartenId ?? ''}
          errors={e.kindergartenId}
          options={kindergartens}
          placeholder=""
        />
      ) : null}
      <Field label={t('name')} name="name" defaultValue={v.name ?? ''} errors={e.name} required maxLength={50} autoComplete="off" />
      <Field
        label={t('phone')}
        name="phone"
        type="tel"
        inputMode="tel"
        defaultValue={v.phone ?? ''}
        errors={e.phone}
        help={t('loginHelp')}
        autoComplete="off"
      />
      <Field label={t('email')} name="email" type="email" defaultValue={v.email ?? ''} errors={e.email} autoComplete="off" />
      <div>
        <SubmitButton pendingLabel={t('creating')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
