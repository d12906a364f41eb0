import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { PublicUser } from '@/db/schema';
import { can, type Level } from '@/lib/auth/can';
import { currentUser } from '@/lib/auth/session';
import {
  AppError,
  fieldErrors,
  FIX_FIELDS,
  REFUSED,
  toFormState,
  type FieldErrors,
  type FormState,
} from '@/lib/errors';
import { formFields, typedValues, type FormFields } from './form-data';

/*
 * The one way to write a server action (after nextjs/saas-starter's validatedActionWithUser and
 * dub's safe action). Every export of a 'use server' file is made here, so each one:
 *   1. reads the session and authorizes with can() before anything else,
 *   2. turns the FormData into a plain prototype-less object (./form-data.ts),
 *   3. validates it with the zod schema the form, the action and the API share,
 *   4. runs the domain function with typed input and the user,
 *   5. translates a thrown error once (toFormState), letting Next's redirect()/notFound() through,
 *   6. revalidates what changed, and returns one FormState shape.
 * tests/unit/actions-authorize.test.ts checks that every export is built here, with its level.
 */

/** The user a builder hands to its function: null only for public actions. */
export type UserFor<L extends Level> = L extends 'public' ? PublicUser | null : PublicUser;

/** What an action function may return: nothing, a message, or a message with extras for the form. */
export type ActionResult = void | string | ({ message?: string } & Record<string, unknown>);
type Extra<R> = [R] extends [never]
  ? object
  : [R] extends [string | void]
    ? object
    : Omit<Exclude<R, string | void>, 'message'>;

export type ActionOptions<S extends z.ZodType, R> = {
  /** Paths to revalidate on success, or a function doing it (revalidatePath/revalidateVisitorPages). */
  revalidate?: string[] | ((input: z.output<S>, result: R) => void);
  /** The answer to invalid input; by default the field messages and "Please correct the marked fields." */
  invalid?: (error: z.ZodError, fields: FormFields) => { errors: FieldErrors; message: string };
  /** The sentence for an unexpected failure (logged); by default "Something went wrong on our side…". */
  failure?: string;
  /** The refusal sentences: for a visitor, and for an account below the level. */
  refused?: { visitor?: string; account?: string };
  /** What to give back as typed on failure; by default every field but passwords. */
  values?: (fields: FormFields) => Record<string, string>;
};

export type FormAction<R> = (prev: FormState<Extra<R>>, formData: FormData) => Promise<FormState<Extra<R>>>;

const SIGN_IN_AGAIN = 'Please sign in again.';

function refusal(
  level: Level,
  user: PublicUser | null,
  refused: ActionOptions<z.ZodType, unknown>['refused'] = {},
): FormState {
  // Staff and admin actions answer everyone the same, so the desk does not announce what it has.
  const signedIn = user !== null || level === 'staff' || level === 'admin';
  const message = signedIn ? (refused.account ?? REFUSED) : (refused.visitor ?? SIGN_IN_AGAIN);
  return { ok: false, code: user ? 'forbidden' : 'unauthorized', errors: {}, message };
}

function build<L extends Level>(level: L) {
  return function action<S extends z.ZodType, R extends ActionResult>(
    schema: S,
    fn: (input: z.output<S>, user: UserFor<L>) => R | Promise<R>,
    options: ActionOptions<S, R> = {},
  ): FormAction<R> {
    return async (_prev, formData) => {
      const user = await currentUser();
      if (!can(user, level)) return refusal(level, user, options.refused) as FormState<Extra<R>>;

      const fields = formData instanceof FormData ? formFields(formData) : (Object.create(null) as FormFields);
      const values = (options.values ?? typedValues)(fields);
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        const { errors, message } = options.invalid?.(parsed.error, fields) ?? {
          errors: fieldErrors(parsed.error),
          message: FIX_FIELDS,
        };
        return { ok: false, code: 'invalid', errors, message, values };
      }
      let result: R;
      try {
        result = await fn(parsed.data, user as UserFor<L>);
      } catch (e) {
        unstable_rethrow(e); // redirect() and notFound() are control flow, not failures
        return toFormState(e, values, options.failure);
      }
      if (typeof options.revalidate === 'function') options.revalidate(parsed.data, result);
      else if (options.revalidate) for (const path of options.revalidate) revalidatePath(path);
      if (typeof result === 'string') return { ok: true, message: result } as FormState<Extra<R>>;
      return { ok: true, ...((result ?? {}) as object) } as FormState<Extra<R>>;
    };
  };
}

/**
 * Plain-argument actions (called from client code with values, not a form): the arguments are
 * validated as a tuple; invalid ones get `fallback`, an unexpected error is logged and gets it too.
 */
function buildCall<L extends Level>(level: L) {
  return function call<S extends z.ZodType<unknown[]>, R>(
    schema: S,
    fn: (args: z.output<S>, user: UserFor<L>) => R | Promise<R>,
    fallback: R,
  ) {
    return async (...args: unknown[]): Promise<R> => {
      const user = await currentUser();
      if (!can(user, level)) return fallback;
      const parsed = schema.safeParse(args);
      if (!parsed.success) return fallback;
      try {
        return await fn(parsed.data, user as UserFor<L>);
      } catch (e) {
        unstable_rethrow(e);
        if (!(e instanceof AppError)) console.error(e);
        return fallback;
      }
    };
  };
}

const withCall = <L extends Level>(level: L) => Object.assign(build(level), { call: buildCall(level) });

export const publicAction = withCall('public');
export const userAction = withCall('user');
export const publisherAction = withCall('publisher');
export const staffAction = withCall('staff');
export const adminAction = withCall('admin');
