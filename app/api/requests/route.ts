import { UNVERIFIED_MESSAGE } from '@/lib/auth/email-verification';
import { currentUser } from '@/lib/auth/session';
import { BODY_LIMITS, jsonError, readJson, refuseCrossSite } from '@/lib/http';
import { submitRequest } from '@/lib/requests/create';
import { fieldErrors, toJsonResponse } from '@/lib/errors';
import { requestFormSchema } from '@/lib/validation/request';

// JSON twin of the request form for integrations: the same schema and the same submitRequest.
// It acts on the session cookie, so a foreign page must not be able to call it (refuseCrossSite).
export async function POST(req: Request) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to request a licence.');
  if (!user.organizationId) return jsonError(403, 'Only publishers with an organisation can request licences.');
  if (!user.emailVerifiedAt) return jsonError(403, UNVERIFIED_MESSAGE);
  const body = await readJson(req, BODY_LIMITS.requests);
  if (!body.ok) return body.response;
  const key = req.headers.get('idempotency-key');
  const parsed = requestFormSchema.safeParse({ ...(body.body as object), ...(key ? { idempotencyKey: key } : {}) });
  if (!parsed.success) return jsonError(400, 'Invalid request.', fieldErrors(parsed.error));
  try {
    const { request, duplicate, license } = await submitRequest(parsed.data, user);
    return Response.json(
      {
        reference: request.reference,
        status: request.status,
        total: request.quoteTotal,
        currency: request.currency,
        licenseCode: license?.code ?? null,
        duplicate,
      },
      { status: duplicate ? 200 : 201 },
    );
  } catch (e) {
    return toJsonResponse(e);
  }
}
