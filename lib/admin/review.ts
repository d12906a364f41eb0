import 'server-only';
import { getDb, type Db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { licenseRequests, type PublicUser } from '@/db/schema';
import { formatMoney } from '@/lib/quote';
import { getRequestForStaff } from '@/lib/requests/admin-queries';
import { postMessage } from '@/lib/requests/messages';
import { ConflictError, IllegalTransitionError, RequestNotFoundError } from '@/lib/requests/errors';
import { transition } from '@/lib/requests/transition';
import { decisionSchema, messageSchema, type StaffDecision } from '@/lib/validation/admin';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import { errorState, refusal, staffOnly } from './guard';

/**
 * Staff opening a submitted request take it into review (one audited transition), so the trail
 * reads submitted → in review → decision and the publisher sees someone is on it. Two staff
 * opening it at once: one moves it, the other simply sees it in review.
 */
export async function openForReview(reference: string, user: PublicUser | null, db: Db = getDb()) {
  if (!staffOnly(user)) return undefined;
  const view = await getRequestForStaff(reference, user, db);
  if (!view || view.request.status !== 'submitted') return view;
  try {
    await transition({ reference, action: 'start_review', expectedVersion: view.request.version }, user, db);
  } catch (e) {
    if (!(e instanceof ConflictError || e instanceof IllegalTransitionError || e instanceof RequestNotFoundError)) throw e;
  }
  return getRequestForStaff(reference, user, db);
}

const DONE: Record<StaffDecision, string> = {
  approve: 'Approved.',
  reject: 'Rejected; the publisher has been told why.',
  counter: 'Counter-offer sent to the publisher.',
  request_info: 'Question sent; the request stays open.',
  revoke: 'Licence revoked; the publisher has been told.',
};

/** approve / reject / counter / request_info / revoke from the review page. */
export async function decideRequest(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!staffOnly(user)) return refusal();
  const values = submittedValues(formData);
  const parsed = decisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  const { reference, action, version, note } = parsed.data;
  let fee = parsed.data.fee;
  // A counter-offer that only changes the terms keeps the quoted fee.
  if (action === 'counter' && fee === null) {
    fee = db.select({ q: licenseRequests.quoteTotal }).from(licenseRequests).where(eq(licenseRequests.reference, reference)).get()?.q ?? null;
    if (fee === null) return { ok: false, errors: { fee: 'This request has no instant price: enter the fee you propose.' }, message: 'Please correct the marked fields.', values };
  }
  try {
    const { license } = await transition({ reference, action, expectedVersion: version, note, fee: fee ?? undefined }, user, db);
    const message = license ? `${DONE[action]} Licence ${license.code} issued at ${formatMoney(license.fee, license.currency)}.` : DONE[action];
    return { ok: true, message };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function sendStaffMessage(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!staffOnly(user)) return refusal();
  const values = submittedValues(formData);
  const parsed = messageSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  try {
    await postMessage(parsed.data.reference, user, parsed.data.body, db);
    return { ok: true, message: 'Message sent.' };
  } catch (e) {
    return errorState(e, values);
  }
}
