'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { decideRequest, sendStaffMessage } from '@/lib/requests/review';
import { decisionSchema, messageSchema } from '@/lib/validation/admin';

const refresh = ({ reference }: { reference: string }) => revalidatePath(`/admin/requests/${reference}`);

export const decideAction = staffAction(decisionSchema, (input, user) => decideRequest(input, user), {
  revalidate: refresh,
});

export const staffMessageAction = staffAction(messageSchema, (input, user) => sendStaffMessage(input, user), {
  revalidate: refresh,
});
