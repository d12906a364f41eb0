import type { z } from 'zod';

/*
 * The one error model. Domain code throws an AppError with a code; the edges translate it once:
 * server actions through toFormState (lib/actions), route handlers through toJsonResponse. The
 * message of an AppError is written for the person reading it (safe to show); anything that is
 * not an AppError is a bug or an outage: logged once and answered with a generic message.
 */

export const ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid',
  'conflict',
  'illegal_transition',
  'payment_required',
  'gone',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Code → HTTP status (dub's errorCodeToHttpStatus). */
export const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  illegal_transition: 409,
  payment_required: 402,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Messages per form field ("fee", "audienceBands.1.min"); the form shows them at the field. */
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

export const isAppError = (e: unknown, code?: ErrorCode): e is AppError =>
  e instanceof AppError && (code === undefined || e.code === code);

export const REFUSED = 'You are not allowed to do that.';
export const FIX_FIELDS = 'Please correct the marked fields.';
const GENERIC = 'Something went wrong on our side. Please try again.';

// Small factories for the common cases; the message is the one the person reads.
export const forbidden = (message = REFUSED) => new AppError('forbidden', message);
export const notFound = (message: string) => new AppError('not_found', message);
export const invalid = (fields: FieldErrors, message = FIX_FIELDS) => new AppError('invalid', message, fields);
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, fields);

/** The result every form action returns: success with a message (and extras), or what went wrong with what was typed. */
export type FormState<Extra extends object = object> =
  | ({ ok: true; message?: string } & Extra)
  | { ok: false; code: ErrorCode | 'error'; errors: FieldErrors; message: string; values?: Record<string, string> }
  | null;

/** zod issues → { field: first message }, the shape every form and API error uses. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Any thrown value as form state. An AppError keeps its message and field messages; a non-`invalid`
 * error that names fields (an email already taken) reads like the other field errors. Anything
 * else is logged and becomes `failure` (the action's own "could not be saved" sentence).
 */
export function toFormState(
  e: unknown,
  values?: Record<string, string>,
  failure = GENERIC,
): Exclude<FormState, null | { ok: true }> {
  if (e instanceof AppError) {
    const hasFields = Object.keys(e.fields).length > 0;
    return {
      ok: false,
      code: e.code,
      errors: e.fields,
      message: hasFields && e.code !== 'invalid' ? FIX_FIELDS : e.message,
      values,
    };
  }
  console.error(e);
  return { ok: false, code: 'error', errors: {}, message: failure, values };
}

/** JSON error bodies: `{ error, code }` or with `errors: { field: message }`. */
export function jsonError(status: number, error: string, errors?: FieldErrors, code?: ErrorCode): Response {
  const body: Record<string, unknown> = { error };
  if (code) body.code = code;
  if (errors && Object.keys(errors).length) body.errors = errors;
  return Response.json(body, { status });
}

/** Any thrown value as the HTTP answer; anything but an AppError is logged and becomes a plain 500. */
export function toJsonResponse(e: unknown): Response {
  if (e instanceof AppError) return jsonError(STATUS[e.code], e.message, e.fields, e.code);
  console.error(e);
  return jsonError(500, 'Something went wrong on our side.');
}
