import { isSafeKey } from '@/lib/validation/safe-keys';

/**
 * FormData → a plain object, safely. The result has no prototype, and the names that could reach
 * one (`__proto__`, `constructor`, `prototype`) are never assigned, so no posted name can change
 * the shape of other objects. Next's own fields (`$ACTION_ID_…`) and files are left out. A name
 * posted once is a string; a name posted more than once (repeated checkboxes, the request form's
 * `article` list) is an array of its strings, in order.
 */
export type FormFields = Record<string, string | string[]>;

export function formFields(formData: FormData): FormFields {
  const out: FormFields = Object.create(null);
  for (const [name, value] of formData) {
    if (typeof value !== 'string' || name.startsWith('$') || !isSafeKey(name)) continue;
    const seen = out[name];
    if (seen === undefined) out[name] = value;
    else out[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** One field as a string: the first value if it was repeated, undefined if absent. */
export const one = (fields: FormFields, name: string): string | undefined => {
  const v = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return Array.isArray(v) ? v[0] : v;
};

/** One field as a list, whether it was posted once, several times or not at all. */
export const all = (fields: FormFields, name: string): string[] => {
  const v = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A checkbox: ticked sends "on" (or "true" from scripts), unticked sends nothing. */
export const ticked = (fields: FormFields, name: string): boolean => {
  const v = one(fields, name);
  return v === 'on' || v === 'true';
};

/**
 * What the user typed, to give back with errors (React resets a form after an action). Repeated
 * names are joined with commas; password fields are never sent back.
 */
export function typedValues(fields: FormFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (!/password/i.test(k)) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}
