'use client';

import { useState } from 'react';
import { formatUkDate, parseUkDate } from '@/lib/validation/dates';

type Props = {
  name: string;
  label: string;
  /** The ISO day (or, after a refused submit, what was typed). */
  defaultValue?: string;
  error?: string;
  hint?: string;
  id?: string;
  required?: boolean;
  /** The first day allowed (ISO), checked as you type; the server checks again. */
  min?: string;
  minMessage?: string;
  className?: string;
};

/**
 * A day in the desk's format, dd/mm/yyyy, whatever the browser's language (a native date input
 * shows the browser's): a text field for people and, behind it, the ISO day the form posts under
 * `name`, which the server validates with the shared zod schema. Something that is not a day is
 * posted as typed, so the server refuses it and the form keeps it.
 */
export function DateField({ name, label, defaultValue, error, hint, id, required, min, minMessage, className }: Props) {
  const fieldId = id ?? `f-${name}`;
  const [text, setText] = useState(() => formatUkDate(defaultValue ?? ''));
  const [edited, setEdited] = useState(false);
  const [left, setLeft] = useState(false);
  const parsed = text.trim() ? parseUkDate(text) : null;
  const iso = parsed?.ok ? parsed.iso : text.trim();
  const own = !parsed
    ? undefined
    : !parsed.ok
      ? parsed.message
      : min && parsed.iso < min
        ? (minMessage ?? `Choose ${formatUkDate(min)} or later.`)
        : undefined;
  // The server's word stands until the field is changed; then the field's own check speaks, once
  // the person has left the field (no error while they are still typing the first time).
  const shown = !edited ? error : left ? own : undefined;
  const described = [`${fieldId}-hint`, shown && `${fieldId}-error`].filter(Boolean).join(' ');
  return (
    <div className={`field${shown ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <p id={`${fieldId}-hint`} className="hint">
        {hint ? `${hint} ` : ''}dd/mm/yyyy, for example 01/02/2027.
      </p>
      <input
        id={fieldId}
        type="text"
        inputMode="numeric"
        pattern="\d{1,2}/\d{1,2}/\d{4}"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        size={10}
        required={required}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
        }}
        onBlur={() => setLeft(edited)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={described}
        data-iso={iso}
      />
      <input type="hidden" name={name} value={iso} />
      {shown && (
        <p id={`${fieldId}-error`} className="field-error">
          {shown}
        </p>
      )}
    </div>
  );
}
