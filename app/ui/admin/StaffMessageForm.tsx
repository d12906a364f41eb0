'use client';

import { staffMessageAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { MessageForm } from '@/app/ui/requests/MessageForm';

/** Staff write to the publisher on the request's thread (mailed to the requester). */
export function StaffMessageForm({ reference }: { reference: string }) {
  return <MessageForm reference={reference} send={staffMessageAction} label="Write to the publisher" secondary />;
}
