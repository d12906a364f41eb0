import type { PublicUser } from '@/db/schema';
import { isStaff } from '@/lib/auth/roles';
import { RequestError, RequestValidationError } from '@/lib/requests/errors';
import type { FormState } from '@/lib/validation/errors';

/**
 * Every admin action handler starts here. They take the user as an argument (the 'use server'
 * wrapper passes currentUser()), so the refusal is testable without a browser.
 */
export const REFUSED = 'You are not allowed to do that.';

export type Refused = { ok: false; errors: Record<string, never>; message: string };

export const refusal = (): Refused => ({ ok: false, errors: {}, message: REFUSED });

export const isAdmin = (user: Pick<PublicUser, 'role'> | null | undefined): boolean => user?.role === 'admin';

export function staffOnly(user: PublicUser | null): user is PublicUser {
  return isStaff(user);
}

export function adminOnly(user: PublicUser | null): user is PublicUser {
  return isAdmin(user);
}

/** A domain error as form state: field errors at their fields, safe messages as they are. */
export function errorState(e: unknown, values?: Record<string, string>): FormState {
  if (e instanceof RequestValidationError) return { ok: false, errors: e.errors, message: e.message, values };
  if (e instanceof RequestError) return { ok: false, errors: {}, message: e.message, values };
  console.error(e);
  return { ok: false, errors: {}, message: 'Something went wrong on our side. Please try again.', values };
}
