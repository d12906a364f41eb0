'use server';

import { redirect } from 'next/navigation';
import { publisherAction } from '@/lib/actions/builders';
import { payOnlineSchema } from '@/lib/invoices/schema';
import { startCheckout } from '@/lib/invoices/stripe';

/** "Pay £X now": off to Stripe Checkout for what is still owed on the organisation's invoice. */
export const payOnlineAction = publisherAction(payOnlineSchema, async (input, user) => {
  redirect(await startCheckout(input.number, user));
});
