import { RequestError, RequestValidationError } from '@/lib/requests/errors';

/** JSON error bodies for route handlers: `{ error }` or `{ errors: { field: message } }`. */
export function jsonError(status: number, error: string, errors?: Record<string, string>): Response {
  return Response.json(errors ? { error, errors } : { error }, { status });
}

/** Reads a JSON body, or answers 400. */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, response: jsonError(400, 'The body must be valid JSON.') };
  }
}

/** Maps domain errors to their HTTP answer; anything else is logged and becomes a plain 500. */
export function errorResponse(e: unknown): Response {
  if (e instanceof RequestValidationError) return jsonError(e.status, e.message, e.errors);
  if (e instanceof RequestError) return jsonError(e.status, e.message);
  console.error(e);
  return jsonError(500, 'Something went wrong on our side.');
}
