import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenseRequests, messages, users, type Message, type PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { messageSchema, requestErrors } from '@/lib/validation/request';
import { forbidden, invalid, notFound } from '@/lib/errors';

/**
 * Adds a message to a request's thread and, in the same transaction, the mail that tells the
 * other side: staff write to the requester, a publisher writes to the desk. Staff may post on
 * any request, a publisher only on their organisation's (anyone else: "not found").
 */
export async function postMessage(
  reference: string,
  user: PublicUser,
  body: string,
  db: Db = getDb(),
): Promise<Message> {
  const parsed = messageSchema.safeParse({ body });
  if (!parsed.success) throw invalid(requestErrors(parsed.error), 'Please write a message first.');
  const text = parsed.data.body;
  const staff = can(user, 'staff');
  if (!staff && !can(user, 'publisher')) throw forbidden();
  const { deskEmail } = getSettings(db);

  const message = db.transaction(
    (tx) => {
      const req = tx.select().from(licenseRequests).where(eq(licenseRequests.reference, reference)).get();
      if (!req || (!staff && (user.organizationId === null || user.organizationId !== req.organizationId)))
        throw notFound('Request not found.');
      const row = tx
        .insert(messages)
        .values({ requestId: req.id, authorId: user.id, body: text, createdAt: new Date().toISOString() })
        .returning()
        .get();
      if (staff) {
        const requester = tx.select({ email: users.email }).from(users).where(eq(users.id, req.requesterId)).get();
        enqueueMail(tx, {
          to: requester?.email ?? deskEmail,
          kind: 'message_to_publisher',
          requestId: req.id,
          subject: `New message about ${req.reference}`,
          text: `The desk wrote about your request ${req.reference}:\n\n${text}\n\nReply at ${siteUrl()}/account/requests/${req.reference}`,
        });
      } else {
        enqueueMail(tx, {
          to: deskEmail,
          kind: 'message_to_desk',
          requestId: req.id,
          subject: `Message from ${req.publicationName} about ${req.reference}`,
          text: `${user.name} (${user.email}) wrote about ${req.reference}:\n\n${text}\n\nAnswer at ${siteUrl()}/admin/requests/${req.reference}`,
        });
      }
      return row;
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return message;
}
