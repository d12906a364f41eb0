import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import { licenses, licenseRequests, outbox, requestEvents } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { transition } from '@/lib/requests/transition';
import type { Db } from '@/db/client';
import { isAppError } from '@/lib/errors';

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

const trail = (requestId: number) =>
  db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(requestEvents.id)
    .all()
    .map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}`);
const licenseCount = () => db.select({ n: count() }).from(licenses).get()!.n;

describe('submission', () => {
  it('auto-approves a small, plain request with a licence and says which rule did it', async () => {
    const { request, license } = await submit(db, d.publisher, ['first-story']);
    expect(request.status).toBe('approved');
    expect(request.reference).toMatch(/^RR-\d{4}-\d{6}$/);
    expect(license?.code).toMatch(/^LIC-/);
    expect(license?.fee).toBe(15000);
    expect(trail(request.id)).toEqual(['∅→submitted', 'submitted→approved']);
    const ev = db.select().from(requestEvents).where(eq(requestEvents.action, 'auto_approve')).get();
    expect(ev?.note).toMatch(/Auto-approval rule/);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['license_issued', 'request_received', 'request_received_desk']);
  });

  it('sends perpetual, translated or expensive requests to staff', async () => {
    for (const over of [
      { duration: 'perpetual' },
      { translation: true, translationLanguage: 'Welsh' },
      { audience: 2_000_000 },
    ]) {
      const { request } = await submit(db, d.publisher, ['first-story'], over);
      expect(request.status).toBe('submitted');
    }
  });

  it('makes one request for one idempotency key', async () => {
    const key = 'same-key-123456';
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submit(db, d.publisher, d.slugs, { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
    expect(db.select({ n: count() }).from(licenseRequests).get()!.n).toBe(1);
  });

  it('refuses unknown and unlicensable articles by name and writes nothing', async () => {
    const { makeArticle } = await import('../helpers/factories');
    makeArticle(db, { slug: 'wire-copy', title: 'Wire copy', rightsStatus: 'syndicated_in' });
    await expect(submit(db, d.publisher, ['first-story', 'wire-copy', 'no-such'])).rejects.toThrow(
      /Wire copy.*syndicated.*no-such/s,
    );
    await expect(submit(db, d.publisher, ['wire-copy'])).rejects.toMatchObject({ code: 'invalid' });
    expect(db.select({ n: count() }).from(licenseRequests).get()!.n).toBe(0);
  });
});

describe('transitions', () => {
  async function pending() {
    return (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
  }

  it('staff approve: submitted → in review → approved, one licence at the quoted fee', async () => {
    const req = await pending();
    const { request, license } = await transition(
      { reference: req.reference, action: 'approve', expectedVersion: req.version },
      d.staff,
      db,
    );
    expect(request.status).toBe('approved');
    expect(license?.fee).toBe(req.quoteTotal);
    expect(trail(req.id)).toEqual(['∅→submitted', 'submitted→in_review', 'in_review→approved']);
  });

  it('a counter-offer accepted by the publisher licenses at the countered fee', async () => {
    const req = await pending();
    const c = await transition(
      { reference: req.reference, action: 'counter', expectedVersion: req.version, fee: 12345, note: 'Can do this' },
      d.staff,
      db,
    );
    expect(c.request).toMatchObject({ status: 'countered', counterFee: 12345 });
    const a = await transition(
      { reference: req.reference, action: 'accept_counter', expectedVersion: c.request.version },
      d.publisher,
      db,
    );
    expect(a.license?.fee).toBe(12345);
  });

  it('declining a counter returns the request to review; withdrawing closes it', async () => {
    const req = await pending();
    const c = await transition(
      { reference: req.reference, action: 'counter', expectedVersion: req.version, fee: 1000 },
      d.staff,
      db,
    );
    const back = await transition(
      { reference: req.reference, action: 'decline_counter', expectedVersion: c.request.version },
      d.publisher,
      db,
    );
    expect(back.request.status).toBe('in_review');
    const w = await transition(
      { reference: req.reference, action: 'withdraw', expectedVersion: back.request.version },
      d.publisher,
      db,
    );
    expect(w.request.status).toBe('withdrawn');
    await expect(
      transition({ reference: req.reference, action: 'approve', expectedVersion: w.request.version }, d.staff, db),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('a stale version is a conflict, and two deciders make one licence', async () => {
    const req = await pending();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        transition({ reference: req.reference, action: 'approve', expectedVersion: req.version }, d.staff, db),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.every((f) => isAppError(f.reason, 'conflict'))).toBe(true);
    expect(failures[0]!.reason.message).toMatch(/changed since you opened it/);
    expect(licenseCount()).toBe(1);
  });

  it('rejecting an approved request is refused; reject and revoke need a reason', async () => {
    const req = await pending();
    await expect(
      transition({ reference: req.reference, action: 'reject', expectedVersion: req.version }, d.staff, db),
    ).rejects.toMatchObject({ code: 'invalid' });
    const ok = await transition(
      { reference: req.reference, action: 'approve', expectedVersion: req.version },
      d.staff,
      db,
    );
    await expect(
      transition(
        { reference: req.reference, action: 'reject', expectedVersion: ok.request.version, note: 'no' },
        d.staff,
        db,
      ),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    const r = await transition(
      {
        reference: req.reference,
        action: 'revoke',
        expectedVersion: ok.request.version,
        note: 'Used beyond the licence',
      },
      d.staff,
      db,
    );
    expect(r.request.status).toBe('revoked');
    expect(db.select().from(licenses).get()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Used beyond the licence',
    });
  });

  it('keeps roles apart: publishers cannot take staff actions; other organisations see nothing', async () => {
    const req = await pending();
    await expect(
      transition({ reference: req.reference, action: 'approve', expectedVersion: req.version }, d.publisher, db),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const stranger = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    await expect(
      transition({ reference: req.reference, action: 'withdraw', expectedVersion: req.version }, stranger, db),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      transition({ reference: req.reference, action: 'withdraw', expectedVersion: req.version }, d.staff, db),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
