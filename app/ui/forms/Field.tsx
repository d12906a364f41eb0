import type { ReactNode } from 'react';

type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error sits next to it and is tied to it for screen readers. */
export function Field({ name, label, error, hint, children, id, ...input }: Props) {
  const fieldId = id ?? `f-${name}`;
  const described = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children ?? (
        <input
          id={fieldId}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...input}
        />
      )}
      {error && (
        <p id={`${fieldId}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ message, ok }: { message?: string | null; ok?: boolean }) {
  // role=alert makes screen readers announce the summary as soon as it appears.
  return (
    <div aria-live="polite">
      {message && (
        <p role={ok ? 'status' : 'alert'} className={ok ? 'notice success' : 'notice error'}>
          {message}
        </p>
      )}
    </div>
  );
}
