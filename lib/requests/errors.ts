import type { RequestStatus } from '@/db/schema';
import type { FieldErrors } from '@/lib/validation/errors';

/** Base for failures a user should read; the message is safe to show. */
export class RequestError extends Error {
  readonly status: number = 400;
}

export class RequestNotFoundError extends RequestError {
  override readonly status = 404;
  constructor() {
    super('Request not found.');
  }
}

/** Someone else changed the request since the actor loaded it (optimistic lock). */
export class ConflictError extends RequestError {
  override readonly status = 409;
  constructor(public readonly currentStatus: RequestStatus, public readonly currentVersion: number) {
    super(`This request changed since you opened it: it is now “${currentStatus.replace('_', ' ')}”. Reload to see the latest.`);
  }
}

export class IllegalTransitionError extends RequestError {
  override readonly status = 409;
  constructor(action: string, status: RequestStatus) {
    super(`Cannot ${action.replace('_', ' ')} a request that is ${status.replace('_', ' ')}.`);
  }
}

export class ForbiddenError extends RequestError {
  override readonly status = 403;
  constructor() {
    super('You are not allowed to do that.');
  }
}

/** Input that passed the schema but breaks a rule (e.g. an article that cannot be licensed). */
export class RequestValidationError extends RequestError {
  override readonly status = 422;
  constructor(public readonly errors: FieldErrors, message = 'Please correct the marked fields.') {
    super(message);
  }
}
