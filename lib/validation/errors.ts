import type { z } from 'zod';
import { isSafeKey } from './safe-keys';

export type FieldErrors = Record<string, string>;

/** The result every form action returns. */
export type FormState =
  | { ok: true; message?: string }
  | { ok: false; errors: FieldErrors; message: string; values?: Record<string, string> }
  | null;

/** What the user typed, to give back with errors (React resets a form after an action). */
export function submittedValues(formData: FormData, omit: string[] = []): Record<string, string> {
  // A plain object (React refuses null prototypes across the server/client boundary); the
  // names that lead to a prototype are skipped instead.
  const out: Record<string, string> = {};
  for (const [k, v] of formData) if (typeof v === 'string' && isSafeKey(k) && !omit.includes(k) && !k.startsWith('$')) out[k] = v;
  return out;
}

/** zod issues → { field: first message }, the shape every form and API error uses. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}
