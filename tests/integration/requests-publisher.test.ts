import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { licenseRequests, licenses, messages } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { messageAction, respondAction } from '@/app/(site)/account/requests/[ref]/actions';
import { act } from '../helpers/session';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

const status = (id: number) => db.select().from(licenseRequests).where(eq(licenseRequests.id, id)).get()!.status;

async function pending() {
  return (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
}

describe('the publisher’s actions on a request', () => {
  it('a colleague in the same organisation can withdraw it; the stale page then gets a clear conflict', async () => {
    const r = await pending();
    const colleague = toPublicUser(makeUser(db, { organizationId: d.org.id }));
    expect(
      await act(respondAction, colleague, { reference: r.reference, action: 'withdraw', expectedVersion: r.version }),
    ).toMatchObject({ ok: true, message: expect.stringMatching(/withdrawn/) });
    expect(status(r.id)).toBe('withdrawn');
    const again = await act(respondAction, d.publisher, {
      reference: r.reference,
      action: 'withdraw',
      expectedVersion: r.version,
    });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/changed since you opened it/) });
  });

  it('another organisation is told the request does not exist; staff cannot act as the publisher', async () => {
    const r = await pending();
    const stranger = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    expect(
      await act(respondAction, stranger, { reference: r.reference, action: 'withdraw', expectedVersion: r.version }),
    ).toMatchObject({ ok: false, message: 'Request not found.' });
    expect(
      await act(respondAction, d.staff, { reference: r.reference, action: 'withdraw', expectedVersion: r.version }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/not allowed/) });
    expect(
      await act(respondAction, d.publisher, { reference: r.reference, action: 'approve', expectedVersion: r.version }),
    ).toMatchObject({ ok: false });
    expect(
      await act(respondAction, null, { reference: r.reference, action: 'withdraw', expectedVersion: r.version }),
    ).toMatchObject({ ok: false });
    expect(status(r.id)).toBe('submitted');
  });

  it('accepting a counter-offer licenses at the countered fee; declining sends it back to review', async () => {
    const r = await pending();
    const c = await transition(
      { reference: r.reference, action: 'counter', expectedVersion: r.version, fee: 30000, note: 'Our best price' },
      d.staff,
      db,
    );
    expect(
      await act(respondAction, d.publisher, {
        reference: r.reference,
        action: 'accept_counter',
        expectedVersion: c.request.version,
      }),
    ).toMatchObject({ ok: true });
    expect(db.select().from(licenses).where(eq(licenses.requestId, r.id)).get()?.fee).toBe(30000);

    const r2 = await pending();
    const c2 = await transition(
      { reference: r2.reference, action: 'counter', expectedVersion: r2.version, fee: 30000 },
      d.staff,
      db,
    );
    expect(
      await act(respondAction, d.publisher, {
        reference: r2.reference,
        action: 'decline_counter',
        expectedVersion: c2.request.version,
      }),
    ).toMatchObject({ ok: true });
    expect(status(r2.id)).toBe('in_review');
    // A decided request can no longer be withdrawn.
    const done = await act(respondAction, d.publisher, {
      reference: r.reference,
      action: 'withdraw',
      expectedVersion: c.request.version + 1,
    });
    expect(done).toMatchObject({ ok: false, message: expect.stringMatching(/Cannot withdraw/) });
  });

  it('accepting a counter-offer above the payment threshold says the copies wait for the invoice, not "download"', async () => {
    const r = await pending();
    const c = await transition(
      { reference: r.reference, action: 'counter', expectedVersion: r.version, fee: 45000 },
      d.staff,
      db,
    );
    const done = await act(respondAction, d.publisher, {
      reference: r.reference,
      action: 'accept_counter',
      expectedVersion: c.request.version,
    });
    const license = db.select().from(licenses).where(eq(licenses.requestId, r.id)).get()!;
    expect(done).toMatchObject({ ok: true });
    const message = (done as { message: string }).message;
    expect(message).toContain('your licence is issued');
    expect(message).toContain(`once invoice ${license.invoiceRef} for £450.00 is paid`);
    expect(message).not.toMatch(/download your/i);

    // At or below the threshold nothing waits: the plain sentence.
    const r2 = await pending();
    const c2 = await transition(
      { reference: r2.reference, action: 'counter', expectedVersion: r2.version, fee: 20000 },
      d.staff,
      db,
    );
    expect(
      await act(respondAction, d.publisher, {
        reference: r2.reference,
        action: 'accept_counter',
        expectedVersion: c2.request.version,
      }),
    ).toMatchObject({ ok: true, message: 'You accepted the counter-offer: your licence is issued.' });
  });

  it('posts messages, keeping the text at the field when it cannot', async () => {
    const r = await pending();
    expect(
      await act(messageAction, d.publisher, { reference: r.reference, body: 'When will you decide?' }),
    ).toMatchObject({ ok: true });
    const empty = await act(messageAction, d.publisher, { reference: r.reference, body: '   ' });
    expect(empty).toMatchObject({ ok: false, errors: { body: 'Write a message.' }, values: { body: '   ' } });
    const stranger = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    expect(await act(messageAction, stranger, { reference: r.reference, body: 'Hi' })).toMatchObject({
      ok: false,
      message: 'Request not found.',
      values: { body: 'Hi' },
    });
    expect(
      db
        .select()
        .from(messages)
        .all()
        .map((m) => m.body),
    ).toEqual(['When will you decide?']);
  });
});
