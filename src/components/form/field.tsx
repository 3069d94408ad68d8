import { useId } from 'react';

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  help?: string;
};

/** A labelled input whose errors and help text are announced with it (aria-describedby). */
export function Field({ label, name, errors, help, className = '', ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [errors?.length ? errorId : null, help ? helpId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        {...input}
      />
      {help && (
        <p id={helpId} className="text-xs text-stone-600">
          {help}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={errorId} className="text-sm text-red-800">
          {e}
        </p>
      ))}
    </div>
  );
}
