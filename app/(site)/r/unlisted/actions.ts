'use server';

import { publisherAction } from '@/lib/actions/builders';
import { ASK_REFUSED, askForUnlisted, askSchema } from '@/lib/requests/unlisted-asks';

/** "Ask for it anyway" for an article of the publisher's that is not on the desk yet. */
export const askAction = publisherAction(askSchema, (input, user) => askForUnlisted(input, user), {
  refused: { visitor: ASK_REFUSED, account: ASK_REFUSED },
});
