'use server';

import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/actions/builders';
import {
  publisherDecisionSchema,
  sendThreadMessage,
  takePublisherAction,
  threadMessageSchema,
} from '@/lib/requests/publisher-actions';

const refresh = ({ reference }: { reference: string }) => revalidatePath(`/account/requests/${reference}`);

/** Withdraw, accept or decline a counter-offer. Who may is the state machine's rule (lib/requests/transition.ts). */
export const respondAction = userAction(publisherDecisionSchema, (input, user) => takePublisherAction(input, user), {
  invalid: (e) => ({ errors: {}, message: e.issues[0]?.message ?? 'Please reload the page and try again.' }),
  failure: 'Something went wrong. Please reload the page and try again.',
  revalidate: refresh,
});

export const messageAction = userAction(threadMessageSchema, (input, user) => sendThreadMessage(input, user), {
  invalid: () => ({ errors: {}, message: 'Request not found.' }),
  failure: 'Your message could not be sent. Please try again.',
  values: (f) => ({ body: typeof f.body === 'string' ? f.body : '' }),
  revalidate: refresh,
});
