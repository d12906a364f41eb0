import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { placeholders, preparedFor } from '@/db/prepared';
import {
  invoices,
  licenses,
  licenseRequests,
  messages,
  requestEvents,
  users,
  type License,
  type LicenseRequest,
  type PublicUser,
  type RequestStatus,
  type UseTerms,
} from '@/db/schema';
import { can } from '@/lib/auth/can';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { issueLicense } from '@/lib/licenses/issue';
import { scheduleWebhooks } from '@/lib/webhooks/deliver';
import { recordRequestNotice } from '@/lib/webhooks/notices';
import { paymentLocks } from '@/lib/licenses/status';
import { voidOpenInvoice } from '@/lib/invoices/payments';
import { getSettings, type SiteSettings } from '@/lib/settings';
import { ACTIONS, canTake, NOTE_REQUIRED, type Action } from './machine';
import { acceptCounterTerms, describeChanges, storeCounterTerms, termsOfRequest } from './counter';
import { transitionMail } from './mails';
import { AppError, conflict, forbidden, invalid, notFound } from '@/lib/errors';

const label = (s: string) => s.replace('_', ' ');

/** Someone else changed the request since the actor loaded it (optimistic lock). */
const changedSince = (status: RequestStatus) =>
  conflict(`This request changed since you opened it: it is now “${label(status)}”. Reload to see the latest.`);

const illegalTransition = (action: Action, status: RequestStatus) =>
  new AppError('illegal_transition', `Cannot ${label(action)} a request that is ${label(status)}.`);

export type TransitionInput = {
  reference: string;
  action: Action;
  /** The request version the actor saw; a different current version is a conflict. */
  expectedVersion: number;
  note?: string;
  /** approve: an adjusted fee; counter: the proposed fee (minor units). */
  fee?: number;
  /** counter: the whole set of proposed terms when they change (lib/requests/counter.ts); absent: the fee alone. */
  terms?: UseTerms | null;
};

export type TransitionResult = { request: LicenseRequest; license?: License };

type Ctx = { settings: SiteSettings; now: Date };

/**
 * Applies one action to a loaded request inside the caller's open transaction on `db` (one
 * connection: see db/prepared.ts): checks the machine and the version, writes the status, the
 * audit event, the mail and (on approval) the licence. `actor` null means the system
 * (auto-approval, expiry).
 */
export function applyTransition(
  db: Conn,
  req: LicenseRequest,
  input: Omit<TransitionInput, 'reference'>,
  actor: PublicUser | null,
  ctx: Ctx,
): TransitionResult {
  const { action } = input;
  const spec = ACTIONS[action];
  const note = (input.note ?? '').trim();

  if (spec.by === 'system' ? actor !== null : !actor) throw forbidden();
  if (spec.by === 'staff' && !can(actor, 'staff')) throw forbidden();
  if (spec.by === 'publisher') {
    if (can(actor, 'staff')) throw forbidden();
    if (actor!.organizationId !== req.organizationId) throw notFound('Request not found.');
  }
  if (req.version !== input.expectedVersion) throw changedSince(req.status);
  if (!canTake(action, req.status)) throw illegalTransition(action, req.status);
  if (NOTE_REQUIRED.has(action) && !note) throw invalid({ note: 'Please give a reason or message.' });
  if (note.length > 4000) throw invalid({ note: 'Keep the note under 4,000 characters.' });

  let current = req;
  const event = (from: LicenseRequest['status'], to: LicenseRequest['status'], act: Action, text: string) =>
    insertEvent(db).run({
      requestId: req.id,
      actorId: actor?.id ?? null,
      fromStatus: from,
      toStatus: to,
      action: act,
      note: text,
      createdAt: ctx.now.toISOString(),
    });

  // Staff deciding straight from "submitted" first take it into review, so the trail reads
  // submitted → in review → decision.
  if (spec.by === 'staff' && current.status === 'submitted' && action !== 'start_review') {
    event('submitted', 'in_review', 'start_review', '');
    current = { ...current, status: 'in_review' };
  }

  // Only the columns of the prepared update (UPDATED_COLUMNS): anything else would not be written.
  const set: Partial<Pick<LicenseRequest, (typeof UPDATED_COLUMNS)[number]>> = {
    status: spec.to,
    updatedAt: ctx.now.toISOString(),
  };
  let fee: number | null = null;
  if (action === 'approve' || action === 'auto_approve') {
    fee = input.fee ?? req.quoteTotal;
    if (fee === null || fee === undefined) throw invalid({ fee: 'This request has no instant price: enter the fee.' });
  } else if (action === 'accept_counter') {
    fee = req.counterFee;
  } else if (action === 'counter') {
    if (input.fee === undefined) throw invalid({ fee: 'Enter the fee you propose.' });
    set.counterFee = input.fee;
    set.counterNote = note || null;
  }
  if (fee !== null) {
    if (!Number.isInteger(fee) || fee < 0) throw invalid({ fee: 'Enter a fee of zero or more.' });
    set.agreedFee = fee;
  }
  // Revocation and expiry end a licence; they do not re-decide the request.
  if (spec.to === 'approved' || spec.to === 'rejected' || spec.to === 'withdrawn')
    set.decidedAt = ctx.now.toISOString();

  // The version in the WHERE clause makes a concurrent writer's change impossible to overwrite;
  // it also makes writing back the columns this action leaves alone safe (one statement shape).
  const next = { ...req, ...set, version: req.version + 1 };
  const values: UpdateValues = { id: req.id, expectedVersion: req.version, ...pick(next, UPDATED_COLUMNS) };
  const updated = updateRequest(db).get(values);
  if (!updated) throw changedSince(req.status);
  event(current.status, spec.to, action, note);

  // The counter-offer's terms: stored with the offer; on acceptance they become the request's
  // terms before the licence freezes them, so the licence carries exactly what was agreed.
  let request = updated;
  let changes: string[] = [];
  if (action === 'counter') {
    request = storeCounterTerms(db, updated, input.terms ?? null);
    if (input.terms) changes = describeChanges(termsOfRequest(db, updated), input.terms);
  }
  if (action === 'accept_counter') request = acceptCounterTerms(db, updated);

  let license: License | undefined;
  if (fee !== null) license = issueLicense(db, request, fee, ctx.settings, ctx.now, actor?.id ?? null);
  if (action === 'revoke') {
    db.update(licenses)
      .set({ status: 'revoked', revokedReason: note, statusChangedAt: ctx.now.toISOString() })
      .where(eq(licenses.requestId, req.id))
      .run();
    recordRequestNotice(db, req.id, 'revoked', note, ctx.now);
    voidOpenInvoice(db, req.id, actor?.id ?? null, note, ctx.now);
  }
  if (action === 'expire') {
    const expired = db
      .update(licenses)
      .set({ status: 'expired', statusChangedAt: ctx.now.toISOString() })
      .where(and(eq(licenses.requestId, req.id), eq(licenses.status, 'active')))
      .run();
    if (expired.changes) recordRequestNotice(db, req.id, 'expired', note || 'The licence has ended.', ctx.now);
  }
  if (action === 'request_info')
    db.insert(messages).values({ requestId: req.id, authorId: actor!.id, body: note }).run();

  const requester = requesterEmail(db).get({ id: req.requesterId });
  const invoice = license ? db.select().from(invoices).where(eq(invoices.licenseId, license.id)).get() : undefined;
  const mail = transitionMail(action, request, {
    requesterEmail: requester?.email ?? '',
    deskEmail: ctx.settings.deskEmail,
    note,
    license,
    changes,
    payment: invoice && {
      invoice,
      seller: ctx.settings.seller,
      locked: paymentLocks(license!, ctx.settings),
    },
  });
  if (mail) enqueueMail(db, mail);
  return { request, license };
}

/** One action on one request, as one transaction. */
export async function transition(
  input: TransitionInput,
  actor: PublicUser | null,
  db: Db = getDb(),
): Promise<TransitionResult> {
  const ctx = { settings: getSettings(db), now: new Date() };
  const result = db.transaction(
    (tx) => {
      const req = byReference(tx).get({ reference: input.reference });
      // A publisher never learns that another organisation's reference exists.
      if (!req || (actor && !can(actor, 'staff') && actor.organizationId !== req.organizationId))
        throw notFound('Request not found.');
      return applyTransition(tx, req, input, actor, ctx);
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  if (input.action === 'revoke' || input.action === 'expire') scheduleWebhooks(db);
  return result;
}

// Fixed-shape statements of every transition, prepared once per connection (db/prepared.ts).
const p = sql.placeholder;
const byReference = preparedFor((db) =>
  db
    .select()
    .from(licenseRequests)
    .where(eq(licenseRequests.reference, p('reference')))
    .prepare(),
);
const UPDATED_COLUMNS = [
  'status',
  'updatedAt',
  'version',
  'agreedFee',
  'counterFee',
  'counterNote',
  'decidedAt',
] as const;
type UpdateValues = Pick<LicenseRequest, (typeof UPDATED_COLUMNS)[number]> & { id: number; expectedVersion: number };
const pick = <T, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
const updateRequest = preparedFor((db) =>
  db
    .update(licenseRequests)
    .set(Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, sql`${p(c)}`])))
    .where(and(eq(licenseRequests.id, p('id')), eq(licenseRequests.version, p('expectedVersion'))))
    .returning()
    .prepare(),
);
const insertEvent = preparedFor((db) =>
  db
    .insert(requestEvents)
    .values(placeholders(['requestId', 'actorId', 'fromStatus', 'toStatus', 'action', 'note', 'createdAt']))
    .prepare(),
);
const requesterEmail = preparedFor((db) =>
  db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, p('id')))
    .prepare(),
);
