import 'server-only';
import { z } from 'zod';
import { idInput } from '@/lib/validation/numbers';
import { multiLine, singleLine } from '@/lib/validation/text';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import { invoiceAwaited } from '@/lib/invoices/queries';
import { formatMoney } from '@/lib/quote';
import { postMessage } from './messages';
import { transition } from './transition';

export const PUBLISHER_ACTIONS = ['withdraw', 'accept_counter', 'decline_counter'] as const;

const DONE: Record<(typeof PUBLISHER_ACTIONS)[number], string> = {
  withdraw: 'Your request has been withdrawn.',
  accept_counter: 'You accepted the counter-offer: your licence is issued.',
  decline_counter: 'You declined the counter-offer: the desk will look at it again.',
};

const reference = singleLine().min(1).max(40);

export const publisherDecisionSchema = z.object({
  reference,
  action: z.enum(PUBLISHER_ACTIONS, { message: 'Unknown action.' }),
  expectedVersion: idInput('Reload the page: this form is out of date.'),
  note: multiLine().max(4000, 'Keep the note under 4,000 characters.').default(''),
});
export type PublisherDecision = z.infer<typeof publisherDecisionSchema>;

/** The thread message form: the body's own rules live in postMessage (shared with staff). */
export const threadMessageSchema = z.object({ reference, body: z.string().default('') });

/** Withdraw, accept or decline a counter-offer, from the publisher's request page. */
export async function takePublisherAction(
  input: PublisherDecision,
  user: PublicUser,
  db: Db = getDb(),
): Promise<string> {
  const { license } = await transition(input, user, db);
  const invoice = license && invoiceAwaited(license, db);
  // Never "issued" alone while the copies wait for payment: say what unlocks them.
  if (invoice)
    return `${DONE[input.action]} Its copies can be downloaded once invoice ${invoice.number} for ${formatMoney(invoice.total - invoice.amountPaid, invoice.currency)} is paid: how to pay is on this page.`;
  return DONE[input.action];
}

/** A message on the thread from the request page. */
export async function sendThreadMessage(
  input: z.infer<typeof threadMessageSchema>,
  user: PublicUser,
  db: Db = getDb(),
): Promise<string> {
  await postMessage(input.reference, user, input.body, db);
  return 'Message sent.';
}
