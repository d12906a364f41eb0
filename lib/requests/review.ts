import 'server-only';
import { getDb, type Db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { licenseRequests, type PublicUser } from '@/db/schema';
import { formatMoney } from '@/lib/quote';
import { postMessage } from '@/lib/requests/messages';
import { transition } from '@/lib/requests/transition';
import type { DecisionInput, StaffDecision, StaffMessageInput } from '@/lib/validation/admin';
import { invalid } from '@/lib/errors';

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
  // A counter-offer that only changes the terms keeps the quoted fee.
  if (action === 'counter' && fee === null) {
    fee =
      db
        .select({ q: licenseRequests.quoteTotal })
        .from(licenseRequests)
        .where(eq(licenseRequests.reference, reference))
        .get()?.q ?? null;
    if (fee === null) throw invalid({ fee: 'This request has no instant price: enter the fee you propose.' });
  }
  const { license } = await transition(
    { reference, action, expectedVersion: version, note, fee: fee ?? undefined },
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
