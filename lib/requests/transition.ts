import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenses, licenseRequests, messages, requestEvents, users, type License, type LicenseRequest, type PublicUser } from '@/db/schema';
import { isStaff } from '@/lib/auth/roles';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { issueLicense } from '@/lib/licenses/issue';
import { getSettings, type SiteSettings } from '@/lib/settings';
import { ConflictError, ForbiddenError, IllegalTransitionError, RequestNotFoundError, RequestValidationError } from './errors';
import { ACTIONS, canTake, NOTE_REQUIRED, type Action } from './machine';
import { transitionMail } from './mails';

export type TransitionInput = {
  reference: string;
  action: Action;
  /** The request version the actor saw; a different current version is a conflict. */
  expectedVersion: number;
  note?: string;
  /** approve: an adjusted fee; counter: the proposed fee (minor units). */
  fee?: number;
};

export type TransitionResult = { request: LicenseRequest; license?: License };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Ctx = { settings: SiteSettings; now: Date };

/**
 * Applies one action to a loaded request inside the caller's transaction: checks the machine
 * and the version, writes the status, the audit event, the mail and (on approval) the licence.
 * `actor` null means the system (auto-approval, expiry).
 */
export function applyTransition(tx: Tx, req: LicenseRequest, input: Omit<TransitionInput, 'reference'>, actor: PublicUser | null, ctx: Ctx): TransitionResult {
  const { action } = input;
  const spec = ACTIONS[action];
  const note = (input.note ?? '').trim();

  if (spec.by === 'system' ? actor !== null : !actor) throw new ForbiddenError();
  if (spec.by === 'staff' && !isStaff(actor)) throw new ForbiddenError();
  if (spec.by === 'publisher') {
    if (isStaff(actor)) throw new ForbiddenError();
    if (actor!.organizationId !== req.organizationId) throw new RequestNotFoundError();
  }
  if (req.version !== input.expectedVersion) throw new ConflictError(req.status, req.version);
  if (!canTake(action, req.status)) throw new IllegalTransitionError(action, req.status);
  if (NOTE_REQUIRED.has(action) && !note) throw new RequestValidationError({ note: 'Please give a reason or message.' });
  if (note.length > 4000) throw new RequestValidationError({ note: 'Keep the note under 4,000 characters.' });

  let current = req;
  const event = (from: LicenseRequest['status'], to: LicenseRequest['status'], act: Action, text: string) =>
    tx.insert(requestEvents).values({ requestId: req.id, actorId: actor?.id ?? null, fromStatus: from, toStatus: to, action: act, note: text, createdAt: ctx.now.toISOString() }).run();

  // Staff deciding straight from "submitted" first take it into review, so the trail reads
  // submitted → in review → decision.
  if (spec.by === 'staff' && current.status === 'submitted' && action !== 'start_review') {
    event('submitted', 'in_review', 'start_review', '');
    current = { ...current, status: 'in_review' };
  }

  const set: Partial<LicenseRequest> = { status: spec.to, updatedAt: ctx.now.toISOString() };
  let fee: number | null = null;
  if (action === 'approve' || action === 'auto_approve') {
    fee = input.fee ?? req.quoteTotal;
    if (fee === null || fee === undefined) throw new RequestValidationError({ fee: 'This request has no instant price: enter the fee.' });
  } else if (action === 'accept_counter') {
    fee = req.counterFee;
  } else if (action === 'counter') {
    if (input.fee === undefined) throw new RequestValidationError({ fee: 'Enter the fee you propose.' });
    set.counterFee = input.fee;
    set.counterNote = note || null;
  }
  if (fee !== null) {
    if (!Number.isInteger(fee) || fee < 0) throw new RequestValidationError({ fee: 'Enter a fee of zero or more.' });
    set.agreedFee = fee;
  }
  // Revocation and expiry end a licence; they do not re-decide the request.
  if (spec.to === 'approved' || spec.to === 'rejected' || spec.to === 'withdrawn') set.decidedAt = ctx.now.toISOString();

  // The version in the WHERE clause makes a concurrent writer's change impossible to overwrite.
  const updated = tx
    .update(licenseRequests)
    .set({ ...set, version: req.version + 1 })
    .where(and(eq(licenseRequests.id, req.id), eq(licenseRequests.version, req.version)))
    .returning()
    .get();
  if (!updated) throw new ConflictError(req.status, req.version + 1);
  event(current.status, spec.to, action, note);

  let license: License | undefined;
  if (fee !== null) license = issueLicense(tx, updated, fee, ctx.settings, ctx.now);
  if (action === 'revoke') {
    tx.update(licenses).set({ status: 'revoked', revokedReason: note, statusChangedAt: ctx.now.toISOString() }).where(eq(licenses.requestId, req.id)).run();
  }
  if (action === 'expire') {
    tx.update(licenses).set({ status: 'expired', statusChangedAt: ctx.now.toISOString() }).where(and(eq(licenses.requestId, req.id), eq(licenses.status, 'active'))).run();
  }
  if (action === 'request_info') tx.insert(messages).values({ requestId: req.id, authorId: actor!.id, body: note }).run();

  const requester = tx.select({ email: users.email }).from(users).where(eq(users.id, req.requesterId)).get();
  const mail = transitionMail(action, updated, { requesterEmail: requester?.email ?? '', deskEmail: ctx.settings.deskEmail, note, license });
  if (mail) enqueueMail(tx, mail);
  return { request: updated, license };
}

/** One action on one request, as one transaction. */
export async function transition(input: TransitionInput, actor: PublicUser | null, db: Db = getDb()): Promise<TransitionResult> {
  const ctx = { settings: await getSettings(db), now: new Date() };
  const result = db.transaction(
    (tx) => {
      const req = tx.select().from(licenseRequests).where(eq(licenseRequests.reference, input.reference)).get();
      // A publisher never learns that another organisation's reference exists.
      if (!req || (actor && !isStaff(actor) && actor.organizationId !== req.organizationId)) throw new RequestNotFoundError();
      return applyTransition(tx, req, input, actor, ctx);
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return result;
}
