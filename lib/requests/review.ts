import 'server-only';
import { getDb, type Db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { licenseRequests, type PublicUser, type UseTerms } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { formatMoney } from '@/lib/quote';
import { postMessage } from '@/lib/requests/messages';
import { transition } from '@/lib/requests/transition';
import type { DecisionInput, StaffDecision, StaffMessageInput } from '@/lib/validation/admin';
import { forbidden, invalid } from '@/lib/errors';
import { resolveCounterTerms } from './counter';

const DONE: Record<StaffDecision, string> = {
  approve: 'Approved.',
  reject: 'Rejected; the publisher has been told why.',
  counter: 'Counter-offer sent to the publisher.',
  request_info: 'Question sent; the request stays open.',
  revoke: 'Licence revoked; the publisher has been told.',
};

/** approve / reject / counter / request_info / revoke from the review page. */
export async function decideRequest(input: DecisionInput, user: PublicUser, db: Db = getDb()): Promise<string> {
  const { reference, action, version, note } = input;
  let fee = input.fee;
  let terms: UseTerms | null = null;
  if (action === 'counter') {
    // Staff only: a publisher never learns from this read whether a reference exists.
    if (!can(user, 'staff')) throw forbidden();
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.reference, reference)).get();
    if (req) {
      terms = input.terms ? resolveCounterTerms(db, req, input.terms) : null;
      // Without a fee the offer is the quote of its terms: the changed ones, else the request's own.
      if (fee === null) {
        if (!terms && input.terms && !note)
          throw invalid({ fee: 'Enter the fee you propose, change the terms, or explain the offer.' });
        fee = terms ? terms.quoteTotal : req.quoteTotal;
        if (fee === null)
          throw invalid({
            fee: terms
              ? 'These terms have no instant price: enter the fee you propose.'
              : 'This request has no instant price: enter the fee you propose.',
          });
      }
    }
  }
  const { license } = await transition(
    { reference, action, expectedVersion: version, note, fee: fee ?? undefined, terms },
    user,
    db,
  );
  return license
    ? `${DONE[action]} Licence ${license.code} issued at ${formatMoney(license.fee, license.currency)}.`
    : DONE[action];
}

export async function sendStaffMessage(input: StaffMessageInput, user: PublicUser, db: Db = getDb()): Promise<string> {
  await postMessage(input.reference, user, input.body, db);
  return 'Message sent.';
}
