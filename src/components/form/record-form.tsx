'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { IDLE, type ActionState } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { DraftNotice } from '@/components/form/draft-notice';
import { formSnapshot, useLocalDraft } from '@/components/form/use-local-draft';

export type FieldSpec = {
  name: string;
  label?: string;
  kind: 'text' | 'date' | 'number' | 'select' | 'textarea' | 'hidden';
  options?: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
  help?: string;
  rows?: number;
  defaultValue?: string;
  readOnly?: boolean;
};

/**
 * The teachers' records are short forms of the same shape; this renders one from a list of
 * fields. Buttons may carry a name/value (e.g. "save" vs "submit the plan").
 */
export function RecordForm({
  draftKey,
  ...props
}: Parameters<typeof FormBody>[0] & {
  /** Keep a local draft under this key (form and record id) until the save succeeds. */
  draftKey?: string;
}) {
  const draft = useLocalDraft(draftKey ?? '');
  if (!draftKey) return <FormBody {...props} />;
  return (
    <>
      {draft.restored && (
        <div className={`mb-4 ${props.className ?? 'max-w-xl'}`}>
          <DraftNotice savedAt={draft.restored.savedAt} onDiscard={draft.discard} />
        </div>
      )}
      <FormBody key={draft.restored?.savedAt ?? 0} {...props} draft={draft.restored?.values} onDraft={draft.save} />
    </>
  );
}

function FormBody({
  action,
  fields,
  submitLabel,
  pendingLabel,
  buttons,
  className = 'max-w-xl',
  draft,
  onDraft,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel?: string;
  pendingLabel?: string;
  buttons?: { name: string; value: string; label: string; variant?: 'primary' | 'secondary' }[];
  className?: string;
  draft?: Record<string, string>;
  onDraft?: (values: Record<string, string>) => void;
}) {
  const [state, formAction] = useFormAction(action, IDLE);
  const v = state.values ?? draft;
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className={`flex flex-col gap-4 ${className}`}
      noValidate
      onChange={onDraft ? (ev) => onDraft(formSnapshot(ev.currentTarget)) : undefined}
    >
      <FormMessage state={state} />
      {fields.map((f) => {
        const value = v?.[f.name] ?? f.defaultValue ?? '';
        if (f.kind === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.defaultValue ?? ''} />;
        if (f.kind === 'select') {
          return (
            <SelectField
              key={f.name}
              label={f.label!}
              name={f.name}
              options={f.options ?? []}
              placeholder={f.placeholder}
              defaultValue={value}
              errors={e[f.name]}
              help={f.help}
              required={f.required}
            />
          );
        }
        if (f.kind === 'textarea') {
          return (
            <TextareaField
              key={f.name}
              label={f.label!}
              name={f.name}
              defaultValue={value}
              rows={f.rows ?? 3}
              errors={e[f.name]}
              help={f.help}
              required={f.required}
              readOnly={f.readOnly}
              className={f.readOnly ? 'opacity-80' : ''}
            />
          );
        }
        return (
          <Field
            key={f.name}
            label={f.label!}
            name={f.name}
            type={f.kind}
            defaultValue={value}
            errors={e[f.name]}
            help={f.help}
            required={f.required}
          />
        );
      })}
      <div className="flex flex-wrap gap-2">
        {buttons?.length ? (
          buttons.map((b) => (
            <button
              key={b.value}
              type="submit"
              name={b.name}
              value={b.value}
              className={`min-h-11 rounded-md px-4 text-sm font-medium ${b.variant === 'secondary' ? 'border border-stone-400 bg-white' : 'bg-brand-700 text-white'}`}
            >
              {b.label}
            </button>
          ))
        ) : (
          <SubmitButton pendingLabel={pendingLabel} className="w-full sm:w-auto">
            {submitLabel}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
