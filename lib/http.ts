import { jsonError } from '@/lib/errors';

// JSON error bodies and the domain-error translator live in lib/errors.ts (one error model).
export { jsonError };

/** Reads a JSON body, or answers 400. */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, response: jsonError(400, 'The body must be valid JSON.') };
  }
}
