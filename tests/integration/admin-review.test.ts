import { beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';
import { licenses, licenseRequests, messages, outbox, requestEvents } from '@/db/schema';
import { decideAction, staffMessageAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { getRequestForStaff } from '@/lib/requests/admin-queries';
import { act, who } from '../helpers/session';
import ReviewPage from '@/app/(site)/admin/requests/[ref]/page';
import { transition } from '@/lib/requests/transition';
import type { Db } from '@/db/client';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

const pending = async () => (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
const load = (id: number) => db.select().from(licenseRequests).where(eq(licenseRequests.id, id)).get()!;
const trail = (id: number) =>
  db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, id))
    .orderBy(requestEvents.id)
    .all()
    .map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}`);
const licenseCount = () => db.select({ n: count() }).from(licenses).get()!.n;

describe('opening a request', () => {
  // GET never writes: rendering the review page (its server component, with its data loading)
  // leaves the database exactly as it was; the first decision takes the request into review.
  it('rendering the review page as staff writes nothing', async () => {
    const req = await pending();
    const changes = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
    const before = {
      changes: changes(),
      trail: trail(req.id),
      version: load(req.id).version,
      mails: db.select({ n: count() }).from(outbox).get()!.n,
    };
    who.current = d.staff;
    const page = await ReviewPage({ params: Promise.resolve({ ref: req.reference }) });
    expect(page).toBeTruthy();
    expect(changes()).toBe(before.changes);
    expect({
      changes: changes(),
      trail: trail(req.id),
      version: load(req.id).version,
      mails: db.select({ n: count() }).from(outbox).get()!.n,
    }).toEqual(before);
    expect(load(req.id).status).toBe('submitted');
  });

  it('the first decision takes it into review, as the staff member who decided', async () => {
    const req = await pending();
    const view = await getRequestForStaff(req.reference, d.staff, db);
    expect(view?.request.status).toBe('submitted');
    expect(view?.history.requestCount).toBe(1);
    expect(view?.rateCard?.version).toBe(req.rateCardVersion);
    await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'request_info',
      version: req.version,
      note: 'Which pages?',
    });
    expect(trail(req.id)).toEqual(['∅→submitted', 'submitted→in_review', 'in_review→in_review']);
    const after = await getRequestForStaff(req.reference, d.staff, db);
    expect(after?.events.find((e) => e.action === 'start_review')).toMatchObject({ actorName: d.staff.name });
  });

  it('shows nothing to a publisher and changes nothing', async () => {
    const req = await pending();
    expect(await getRequestForStaff(req.reference, d.publisher, db)).toBeUndefined();
    expect(await getRequestForStaff(req.reference, null, db)).toBeUndefined();
    expect(load(req.id).status).toBe('submitted');
  });
});

describe('decisions', () => {
  it('approve at the quoted fee: submitted → in review → approved, with the licence code in the message', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, { reference: req.reference, action: 'approve', version: req.version });
    expect(r).toMatchObject({ ok: true });
    const code = db.select().from(licenses).get()!.code;
    expect(r?.message).toContain(code);
    expect(db.select().from(licenses).get()!.fee).toBe(req.quoteTotal);
    expect(trail(req.id)).toEqual(['∅→submitted', 'submitted→in_review', 'in_review→approved']);
  });

  it('approve at an adjusted fee typed in pounds', async () => {
    const req = await pending();
    await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'approve',
      version: req.version,
      fee: '£1,099.50',
      note: 'Loyalty discount',
    });
    expect(db.select().from(licenses).get()!.fee).toBe(109950);
    expect(load(req.id).agreedFee).toBe(109950);
  });

  it('reject needs a reason, which goes to the publisher', async () => {
    const req = await pending();
    const missing = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'reject',
      version: req.version,
    });
    expect(missing).toMatchObject({ ok: false, errors: { note: expect.stringMatching(/reason/) } });
    expect(load(req.id).status).toBe('submitted');
    await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'reject',
      version: req.version,
      note: 'Outside our syndication terms',
    });
    expect(load(req.id).status).toBe('rejected');
    expect(db.select().from(outbox).where(eq(outbox.kind, 'decision')).get()?.text).toContain(
      'Outside our syndication terms',
    );
  });

  it('a counter-offer can change only the terms, keeping the quoted fee', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'counter',
      version: req.version,
      note: 'Credit line at the top, please.',
    });
    expect(r).toMatchObject({ ok: true });
    expect(load(req.id)).toMatchObject({
      status: 'countered',
      counterFee: req.quoteTotal,
      counterNote: 'Credit line at the top, please.',
    });
  });

  it('a counter-offer reaches the publisher, who accepts it: the licence carries the countered fee', async () => {
    const req = await pending();
    const noFee = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'counter',
      version: req.version,
    });
    expect(noFee).toMatchObject({ ok: false, errors: { fee: expect.any(String) } });
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'counter',
      version: req.version,
      fee: '320',
      note: 'Web only, 1 year',
    });
    expect(r).toMatchObject({ ok: true });
    const countered = load(req.id);
    expect(countered).toMatchObject({ status: 'countered', counterFee: 32000, counterNote: 'Web only, 1 year' });
    expect(db.select().from(outbox).where(eq(outbox.kind, 'counter_offer')).get()?.to).toBe(d.publisher.email);
    const accepted = await transition(
      { reference: req.reference, action: 'accept_counter', expectedVersion: countered.version },
      d.publisher,
      db,
    );
    expect(accepted.license?.fee).toBe(32000);
  });

  it('asking for information keeps the request open and puts the question in the thread', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'request_info',
      version: req.version,
      note: 'Which pages will carry it?',
    });
    expect(r).toMatchObject({ ok: true });
    expect(load(req.id).status).toBe('in_review');
    expect(db.select().from(messages).get()?.body).toBe('Which pages will carry it?');
  });

  it('revoking a granted licence needs a reason', async () => {
    const req = await pending();
    await act(decideAction, d.staff, { reference: req.reference, action: 'approve', version: req.version });
    const approved = load(req.id);
    expect(
      await act(decideAction, d.staff, { reference: req.reference, action: 'revoke', version: approved.version }),
    ).toMatchObject({ ok: false, errors: { note: expect.any(String) } });
    await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'revoke',
      version: approved.version,
      note: 'Published on a site we did not license',
    });
    expect(db.select().from(licenses).get()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Published on a site we did not license',
    });
  });

  it('rejecting an already approved request is refused with a clear message', async () => {
    const req = await pending();
    await act(decideAction, d.staff, { reference: req.reference, action: 'approve', version: req.version });
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'reject',
      version: load(req.id).version,
      note: 'Changed my mind',
    });
    expect(r).toMatchObject({ ok: false, message: 'Cannot reject a request that is approved.' });
    expect(load(req.id).status).toBe('approved');
  });

  it('a stale page gets the conflict message with the new state, and keeps what was typed', async () => {
    const req = await pending();
    const view = (await getRequestForStaff(req.reference, d.staff, db))!;
    await act(decideAction, d.staff, { reference: req.reference, action: 'approve', version: view.request.version });
    const stale = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'reject',
      version: view.request.version,
      note: 'Too late',
    });
    expect(stale).toMatchObject({ ok: false, values: { note: 'Too late' } });
    expect(stale && !stale.ok && stale.message).toMatch(/changed since you opened it.*approved/i);
  });

  it('two staff deciding the same page at once: one succeeds, the other gets the conflict, one licence', async () => {
    const req = await pending();
    const view = (await getRequestForStaff(req.reference, d.staff, db))!;
    const other = { ...d.staff, id: d.staff.id };
    const results = await Promise.all([
      act(decideAction, d.staff, { reference: req.reference, action: 'approve', version: view.request.version }),
      act(decideAction, other, { reference: req.reference, action: 'approve', version: view.request.version }),
      act(decideAction, other, {
        reference: req.reference,
        action: 'reject',
        version: view.request.version,
        note: 'No',
      }),
    ]);
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x?.ok))
      expect(r && !r.ok && r.message).toMatch(/changed since you opened it/i);
    expect(licenseCount()).toBe(1);
  });

  it('malformed input is answered at the fields, not thrown', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'approve',
      version: 'x',
      fee: '12.345',
    });
    expect(r).toMatchObject({ ok: false, errors: { version: expect.any(String), fee: expect.any(String) } });
    expect(
      await act(decideAction, d.staff, { reference: 'RR-0000-000000', action: 'approve', version: 1 }),
    ).toMatchObject({ ok: false, message: 'Request not found.' });
  });
});

describe('messages', () => {
  it('staff write to the publisher: stored in the thread and mailed to the requester', async () => {
    const req = await pending();
    expect(await act(staffMessageAction, d.staff, { reference: req.reference, body: '  ' })).toMatchObject({
      ok: false,
      errors: { body: expect.any(String) },
    });
    expect(
      await act(staffMessageAction, d.staff, { reference: req.reference, body: 'Thanks, looking now.' }),
    ).toMatchObject({ ok: true });
    const view = await getRequestForStaff(req.reference, d.staff, db);
    expect(view?.messages.map((m) => [m.body, m.authorName])).toEqual([['Thanks, looking now.', d.staff.name]]);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .some((m) => m.to === d.publisher.email && m.text.includes('Thanks, looking now.')),
    ).toBe(true);
  });
});
