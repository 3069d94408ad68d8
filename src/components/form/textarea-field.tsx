import { useId } from 'react';

type TextareaFieldProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  errors?: string[];
  help?: string;
};

export function TextareaField({ label, name, errors, help, className = '', rows = 3, ...textarea }: TextareaFieldProps) {
  const id = useId();
  const describedBy = [errors?.length ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
        {...textarea}
      />
      {help && (
        <p id={`${id}-help`} className="text-xs text-stone-600">
          {help}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="text-sm text-red-800">
          {e}
        </p>
      ))}
    </div>
  );
}
