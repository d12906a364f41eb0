'use server';

import { staffAction } from '@/lib/actions/builders';
import { askIdSchema, attachAsk, dismissAsk } from '@/lib/requests/unlisted-asks';

/** Staff attach the now-imported article to a publisher's ask for it (the publisher is mailed). */
export const attachAskAction = staffAction(askIdSchema, ({ id }, staff) => attachAsk(id, staff), {
  revalidate: ['/admin/requests'],
});

export const dismissAskAction = staffAction(askIdSchema, ({ id }, staff) => dismissAsk(id, staff), {
  revalidate: ['/admin/requests'],
});
