import { formFields } from '@/lib/actions/form-data';
import { can } from '@/lib/auth/can';
import { clientAddress } from '@/lib/auth/client-address';
import { consume, dbLimiter } from '@/lib/auth/limits';
import { currentUser } from '@/lib/auth/session';
import { quoteCatalogue } from '@/lib/catalogue-licences/live';
import { catalogueErrors, catalogueQuoteQuery } from '@/lib/catalogue-licences/form';
import { jsonError, toJsonResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Live prices one address may ask for in a minute. */
const perMinute = () => Number(process.env.CATALOGUE_QUOTES_PER_MINUTE) || 120;

/**
 * The catalogue-licence form's live count and price: GET with the form's own fields
 * (`section` and `tags` may repeat, `from`, `to`, `ongoing`, `use`, `territory`, `duration`, and
 * `licenseeType` for visitors). Anyone may price, as with the per-article calculator; a publisher
 * is priced as their organisation. Reads only. Answers `{ count, lastYearCount, quote }`, or 400
 * with a reason per field.
 */
export async function GET(request: Request) {
  // Each answer counts the selection over the whole archive: a few a second per address is a person
  // typing (the form waits 300 ms after the last change); more is a script, told when to come back.
  const limiter = dbLimiter({ keyPrefix: 'catalogue_quote', points: perMinute(), duration: 60 });
  const res = await consume(limiter, clientAddress(request.headers));
  if (!res) {
    const answer = jsonError(
      429,
      'Too many prices asked from this address: try again in a minute.',
      {},
      'rate_limited',
    );
    answer.headers.set('Retry-After', '60');
    return answer;
  }
  const fd = new FormData();
  for (const [k, v] of new URL(request.url).searchParams) fd.append(k, v);
  const parsed = catalogueQuoteQuery.safeParse(formFields(fd));
  if (!parsed.success)
    return jsonError(400, 'Please correct the marked fields.', catalogueErrors(parsed.error), 'invalid');
  try {
    const user = await currentUser();
    const orgId = user && can(user, 'publisher') ? user.organizationId : null;
    return Response.json(quoteCatalogue(parsed.data.options, parsed.data.licenseeType, orgId));
  } catch (e) {
    return toJsonResponse(e);
  }
}
