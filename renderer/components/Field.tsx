// A labelled form field with its hint and error. The control is passed in and wired with
// `controlProps`, so the label, the error and aria-describedby always point at the same id.
import type { ReactNode } from 'react';

export function controlProps(id: string, error?: string, hint?: string) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  optional = false,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  optional?: boolean;
}) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> optional</span>}
      </label>
      {children}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
