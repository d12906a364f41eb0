import 'server-only';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import type { FormState } from '@/lib/validation/errors';
import { RequestError, RequestValidationError } from './errors';
import { postMessage } from './messages';
import { transition } from './transition';

export const PUBLISHER_ACTIONS = ['withdraw', 'accept_counter', 'decline_counter'] as const;

const DONE: Record<(typeof PUBLISHER_ACTIONS)[number], string> = {
  withdraw: 'Your request has been withdrawn.',
  accept_counter: 'You accepted the counter-offer: your licence is issued.',
  decline_counter: 'You declined the counter-offer: the desk will look at it again.',
};

const reference = z.string().trim().min(1).max(40);

const actionSchema = z.object({
  reference,
  action: z.enum(PUBLISHER_ACTIONS, { message: 'Unknown action.' }),
  expectedVersion: z.coerce.number().int().min(1),
  note: z.string().trim().max(4000, 'Keep the note under 4,000 characters.').default(''),
});

const field = (fd: FormData, k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : undefined);

/** Withdraw, accept or decline a counter-offer, from the publisher's request page. */
export async function takePublisherAction(fd: FormData, user: PublicUser | null, db: Db = getDb()): Promise<FormState> {
  if (!user) return { ok: false, errors: {}, message: 'Please sign in again.' };
  const parsed = actionSchema.safeParse({ reference: field(fd, 'reference'), action: field(fd, 'action'), expectedVersion: field(fd, 'expectedVersion'), note: field(fd, 'note') });
  if (!parsed.success) return { ok: false, errors: {}, message: parsed.error.issues[0]?.message ?? 'Please reload the page and try again.' };
  try {
    await transition(parsed.data, user, db);
    return { ok: true, message: DONE[parsed.data.action] };
  } catch (e) {
    if (e instanceof RequestError) return { ok: false, errors: e instanceof RequestValidationError ? e.errors : {}, message: e.message };
    throw e;
  }
}

/** A message on the thread from the request page; errors come back at the field with the text kept. */
export async function sendThreadMessage(fd: FormData, user: PublicUser | null, db: Db = getDb()): Promise<FormState> {
  const body = field(fd, 'body') ?? '';
  if (!user) return { ok: false, errors: {}, message: 'Please sign in again.', values: { body } };
  const ref = reference.safeParse(field(fd, 'reference'));
  if (!ref.success) return { ok: false, errors: {}, message: 'Request not found.', values: { body } };
  try {
    await postMessage(ref.data, user, body, db);
    return { ok: true, message: 'Message sent.' };
  } catch (e) {
    if (e instanceof RequestError) return { ok: false, errors: e instanceof RequestValidationError ? e.errors : {}, message: e.message, values: { body } };
    throw e;
  }
}
